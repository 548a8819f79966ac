// Turns the credential given to RemoteRenderingClient into a token cache:
// - an account key (AzureKeyCredential) is exchanged at the token service with "{accountId}:{key}";
// - an Entra ID credential (TokenCredential) gets a token for "{sts}/.default", which is exchanged;
// - a ready Mixed Reality AccessToken is used as is (it cannot be refreshed).
import type { AccessToken, KeyCredential, TokenCredential } from "@azure/core-auth";
import { isTokenCredential } from "@azure/core-auth";
import type { StsTokenExchange } from "./stsTokenExchange.js";
import { TokenCache } from "./tokenCache.js";

/** Whether a value looks like an AccessToken ({ token, expiresOnTimestamp }). */
export function isAccessToken(value: unknown): value is AccessToken {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<AccessToken>).token === "string" &&
    typeof (value as Partial<AccessToken>).expiresOnTimestamp === "number"
  );
}

/** Whether a value looks like a key credential ({ key }). */
export function isKeyCredential(value: unknown): value is KeyCredential {
  return (
    typeof value === "object" && value !== null && typeof (value as Partial<KeyCredential>).key === "string"
  );
}

/** What the cache needs to exchange credentials. */
export interface CredentialTokenCacheSettings {
  accountId: string;
  /** The token service URL without trailing slash; the Entra scope is derived from it. */
  stsUrl: string;
  exchange: StsTokenExchange;
}

/** Creates the token cache for a credential. */
export function createCredentialTokenCache(
  credential: KeyCredential | TokenCredential | AccessToken,
  settings: CredentialTokenCacheSettings,
): TokenCache {
  const { accountId, stsUrl, exchange } = settings;
  if (isAccessToken(credential)) {
    const fixed: AccessToken = { token: credential.token, expiresOnTimestamp: credential.expiresOnTimestamp };
    return new TokenCache(async () => fixed, { refreshable: false, credentialSecrets: () => [fixed.token] });
  }
  if (isTokenCredential(credential)) {
    const scope = `${stsUrl}/.default`;
    let latestEntraToken: string | undefined;
    return new TokenCache(
      async () => {
        const entraToken = await credential.getToken(scope);
        if (entraToken === null) {
          throw new Error(`The TokenCredential returned no token for the scope ${scope}.`);
        }
        latestEntraToken = entraToken.token;
        return exchange({ bearerCredential: entraToken.token, secrets: [entraToken.token] });
      },
      { credentialSecrets: () => (latestEntraToken !== undefined ? [latestEntraToken] : []) },
    );
  }
  if (isKeyCredential(credential)) {
    return new TokenCache(
      async () => {
        // Read the key at each exchange so that AzureKeyCredential.update() takes effect.
        const key = credential.key;
        return exchange({ bearerCredential: `${accountId}:${key}`, secrets: [key] });
      },
      { credentialSecrets: () => [credential.key, `${accountId}:${credential.key}`] },
    );
  }
  throw new TypeError(
    "credential must be an AzureKeyCredential (account key), a TokenCredential (Entra ID) or an AccessToken.",
  );
}
