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
import { userAgentPrefix } from "./packageInfo.js";
import type { RemoteRenderingClientOptions } from "../models/options.js";
import { createStsTokenExchange } from "../auth/stsTokenExchange.js";
import type { StsTokenExchange } from "../auth/stsTokenExchange.js";
import type { TokenCache } from "../auth/tokenCache.js";
import { validateAccountDomain, validateAccountId, validateServiceUrl } from "../validation.js";
import { readClientOptions } from "./readClientOptions.js";

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
  /** The texts errors must never show: the access tokens in use and the credential behind them. */
  secrets: () => readonly string[];
}

/** The exchange of a client built with a ready access token: it never talks to a token service. */
const noTokenService: StsTokenExchange = async () => {
  throw new Error("This client was given an access token and has no token service to renew it.");
};

/** A ready access token: a non-empty token and a finite expiry. */
function validateAccessToken(token: AccessToken): AccessToken {
  if (token.token.trim() === "") {
    throw new RangeError(
      "The access token's token must be a non-empty string (a Mixed Reality access token).",
    );
  }
  if (!Number.isFinite(token.expiresOnTimestamp)) {
    throw new RangeError(
      "The access token's expiresOnTimestamp must be a finite number of milliseconds since the epoch.",
    );
  }
  return token;
}

function withoutTrailingSlash(url: URL): string {
  return url.href.replace(/\/+$/, "");
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
    options = readClientOptions(args.maybeOptions);
    accountDomain = validateAccountDomain(args.accountDomainOrToken);
  } else if (isAccessToken(args.accountDomainOrToken)) {
    credential = validateAccessToken(args.accountDomainOrToken);
    options = readClientOptions(args.credentialOrOptions);
  } else {
    throw new TypeError(
      "The third argument must be the account domain (such as eastus.mixedreality.azure.com, followed by a " +
        "credential) or a Mixed Reality AccessToken { token, expiresOnTimestamp }.",
    );
  }
  const accountId = validateAccountId(args.accountId);
  const allowInsecureConnection = options.allowInsecureConnection === true;
  const urlRules = {
    allowInsecureConnection,
    allowInsecureConnectionToAnyHost: options.allowInsecureConnectionToAnyHost === true,
  };
  const endpointUrl = validateServiceUrl("endpoint", args.endpoint, urlRules);
  const endpoint = withoutTrailingSlash(endpointUrl);

  const {
    authenticationEndpointUrl,
    apiVersion,
    allowInsecureConnection: _insecure,
    allowInsecureConnectionToAnyHost: _anyHost,
    additionalPolicies,
    ...httpOptions
  } = options;
  let tokens: TokenCache | undefined;
  const loggingOptions = safeLoggingOptions(httpOptions.loggingOptions, () => tokens?.secrets() ?? []);
  const userAgentOptions = {
    ...httpOptions.userAgentOptions,
    userAgentPrefix: userAgentPrefix(httpOptions.userAgentOptions?.userAgentPrefix),
  };

  if (isAccessToken(credential)) {
    tokens = createCredentialTokenCache(credential, { accountId, stsUrl: "", exchange: noTokenService });
  } else {
    const stsText = authenticationEndpointUrl ?? `https://sts.${accountDomain ?? ""}`;
    const stsUrl = withoutTrailingSlash(
      validateServiceUrl("options.authenticationEndpointUrl", stsText, urlRules),
    );
    const exchange = createStsTokenExchange({
      stsUrl,
      accountId,
      clientOptions: { ...httpOptions, loggingOptions, userAgentOptions, allowInsecureConnection },
    });
    tokens = createCredentialTokenCache(credential, { accountId, stsUrl, exchange });
  }

  const client = createRemoteRenderingRestClient(endpoint, {
    ...httpOptions,
    loggingOptions,
    userAgentOptions,
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
  return { client, endpoint, endpointUrl, accountId, secrets: () => tokens.secrets() };
}
