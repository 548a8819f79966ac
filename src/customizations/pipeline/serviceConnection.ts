// Wiring behind the RemoteRenderingClient constructor: reads its overloaded arguments, validates
// them, and builds the REST client with the authentication policy in its pipeline.
import createRemoteRenderingRestClient from "../../generated/remoteRendering/index.js";
import type { RemoteRenderingClient as GeneratedRemoteRenderingClient } from "../../generated/remoteRendering/index.js";
import type { AccessToken, KeyCredential, TokenCredential } from "@azure/core-auth";
import { isTokenCredential } from "@azure/core-auth";
import { remoteRenderingAuthenticationPolicy } from "../auth/authenticationPolicy.js";
import { retryAfterCeilingPolicy } from "./retryAfterCeilingPolicy.js";
import { createCredentialTokenCache, isAccessToken, isKeyCredential } from "../auth/credentialTokenCache.js";
import { safeLoggingOptions } from "./logger.js";
import type { RemoteRenderingClientOptions } from "../models/options.js";
import { createStsTokenExchange } from "../auth/stsTokenExchange.js";
import type { StsTokenExchange } from "../auth/stsTokenExchange.js";
import type { TokenCache } from "../auth/tokenCache.js";
import { validateAccountDomain, validateAccountId, validateServiceUrl } from "../validation.js";

/** The generated REST client the public client drives. */
export type ArrRestClient = GeneratedRemoteRenderingClient;

/** The constructor arguments, in either overload. */
export interface ServiceConnectionArguments {
  endpoint: unknown;
  accountId: unknown;
  accountDomainOrToken: unknown;
  credentialOrOptions: unknown;
  maybeOptions: unknown;
}

/** A validated, authenticated connection to the service. */
export interface ServiceConnection {
  client: ArrRestClient;
  endpoint: string;
  endpointUrl: URL;
  accountId: string;
}

/** The exchange of a client built with a ready access token: it never talks to a token service. */
const noTokenService: StsTokenExchange = async () => {
  throw new Error("This client was given an access token and has no token service to renew it.");
};

function withoutTrailingSlash(url: URL): string {
  return url.href.replace(/\/+$/, "");
}

function readOptions(value: unknown): RemoteRenderingClientOptions {
  if (value === undefined) {
    return {};
  }
  if (typeof value !== "object" || value === null) {
    throw new TypeError("options must be an object (RemoteRenderingClientOptions) when given.");
  }
  return value as RemoteRenderingClientOptions;
}

/** Resolves the constructor arguments and builds the REST client. */
export function connectToService(args: ServiceConnectionArguments): ServiceConnection {
  let credential: KeyCredential | TokenCredential | AccessToken;
  let options: RemoteRenderingClientOptions;
  let accountDomain: string | undefined;
  if (typeof args.accountDomainOrToken === "string") {
    const candidate = args.credentialOrOptions;
    if (!isKeyCredential(candidate) && !isTokenCredential(candidate)) {
      throw new TypeError(
        "credential must be an AzureKeyCredential (account key) or a TokenCredential (Entra ID) " +
          "when accountDomain is given.",
      );
    }
    credential = candidate;
    options = readOptions(args.maybeOptions);
    accountDomain = validateAccountDomain(args.accountDomainOrToken);
  } else if (isAccessToken(args.accountDomainOrToken)) {
    credential = args.accountDomainOrToken;
    options = readOptions(args.credentialOrOptions);
  } else {
    throw new TypeError(
      "The third argument must be the account domain (such as eastus.mixedreality.azure.com, followed by a " +
        "credential) or a Mixed Reality AccessToken { token, expiresOnTimestamp }.",
    );
  }
  const accountId = validateAccountId(args.accountId);
  const allowInsecureConnection = options.allowInsecureConnection === true;
  const endpointUrl = validateServiceUrl("endpoint", args.endpoint, { allowInsecureConnection });
  const endpoint = withoutTrailingSlash(endpointUrl);

  const {
    authenticationEndpointUrl,
    apiVersion,
    allowInsecureConnection: _insecure,
    additionalPolicies,
    ...httpOptions
  } = options;
  const loggingOptions = safeLoggingOptions(httpOptions.loggingOptions);

  let tokens: TokenCache;
  if (isAccessToken(credential)) {
    tokens = createCredentialTokenCache(credential, { accountId, stsUrl: "", exchange: noTokenService });
  } else {
    const stsText = authenticationEndpointUrl ?? `https://sts.${accountDomain ?? ""}`;
    const stsUrl = withoutTrailingSlash(
      validateServiceUrl("options.authenticationEndpointUrl", stsText, { allowInsecureConnection }),
    );
    const exchange = createStsTokenExchange({
      stsUrl,
      accountId,
      clientOptions: { ...httpOptions, loggingOptions, allowInsecureConnection },
    });
    tokens = createCredentialTokenCache(credential, { accountId, stsUrl, exchange });
  }

  const client = createRemoteRenderingRestClient(endpoint, {
    ...httpOptions,
    loggingOptions,
    allowInsecureConnection,
    ...(apiVersion !== undefined ? { apiVersion } : {}),
    ...(additionalPolicies !== undefined ? { additionalPolicies } : {}),
  });
  client.pipeline.addPolicy(
    remoteRenderingAuthenticationPolicy({ tokens, allowedOrigin: endpointUrl.origin }),
    {
      phase: "Sign",
    },
  );
  client.pipeline.addPolicy(retryAfterCeilingPolicy(), { afterPhase: "Retry" });
  return { client, endpoint, endpointUrl, accountId };
}
