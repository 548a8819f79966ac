// Exchanges account credentials for a Mixed Reality access token at the token service (STS):
// GET {sts}/Accounts/{accountId}/token (the generated STS client adds its api-version) with a bearer
// credential and a fresh X-MRC-CV correlation vector. The token's expiry is read from its JWT `exp`.
import type { ClientOptions } from "@azure-rest/core-client";
import type { AbortSignalLike } from "@azure/abort-controller";
import type { AccessToken } from "@azure/core-auth";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { stringToUint8Array, uint8ArrayToString } from "@azure/core-util";
import createStsRestClient from "../../generated/sts/index.js";
import { foreignOriginError, hasOrigin } from "./authenticationPolicy.js";
import { retryAfterCeilingPolicy } from "../pipeline/retryAfterCeilingPolicy.js";
import { logger, safeLoggingOptions } from "../pipeline/logger.js";
import { createServiceRestError } from "../errors/serviceRestError.js";
import { malformedResponse } from "../wire/wireReaders.js";

/** Lifetime assumed for a token whose expiry cannot be read (it is then refreshed early). */
const fallbackLifetimeInMs = 10 * 60_000;

/** Settings of a token exchange. */
export interface StsTokenExchangeSettings {
  /** The token service, such as https://sts.eastus.mixedreality.azure.com (no trailing slash). */
  stsUrl: string;
  /** The Mixed Reality account id. */
  accountId: string;
  /** HTTP options shared with the rendering client (retry, http client, proxy, ...). */
  clientOptions?: Omit<
    ClientOptions,
    "credentials" | "endpoint" | "baseUrl" | "pipeline" | "additionalPolicies"
  >;
}

/** One exchange: the bearer credential to present, and the texts that must never be shown. */
export interface StsExchangeRequest {
  /** The credential after "Bearer ": "{accountId}:{accountKey}" or an Entra ID token. */
  bearerCredential: string;
  /** Secrets to redact from error messages. */
  secrets: readonly string[];
  abortSignal?: AbortSignalLike;
}

/** Performs token exchanges against one token service for one account. */
export type StsTokenExchange = (request: StsExchangeRequest) => Promise<AccessToken>;

/** A new random correlation vector: 22 base64 characters and ".0". */
export function createCorrelationVector(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `${uint8ArrayToString(bytes, "base64").slice(0, 22)}.0`;
}

/**
 * Removes the Authorization header once a request is done, so that errors and responses that keep a
 * reference to the request never carry the credential.
 */
export const stripAuthorizationPolicy: PipelinePolicy = {
  name: "remoteRenderingStripAuthorizationPolicy",
  async sendRequest(request, next) {
    try {
      return await next(request);
    } finally {
      request.headers.delete("Authorization");
    }
  },
};

/**
 * Refuses any request of the token-service pipeline that is not aimed at the token service itself,
 * such as a redirect to another host that a caller allowed with `redirectOptions`: neither the
 * credential nor trust in a token may come from elsewhere. Added in the "Sign" phase, after redirects.
 */
export function stsOriginPolicy(allowedOrigin: string): PipelinePolicy {
  return {
    name: "remoteRenderingStsOriginPolicy",
    async sendRequest(request, next) {
      if (!hasOrigin(request.url, allowedOrigin)) {
        request.headers.delete("Authorization");
        throw foreignOriginError(request.url, allowedOrigin);
      }
      return next(request);
    },
  };
}

/** Creates the exchange function for a token service and account. */
export function createStsTokenExchange(settings: StsTokenExchangeSettings): StsTokenExchange {
  const { stsUrl, accountId } = settings;
  const clientOptions = settings.clientOptions ?? {};
  const client = createStsRestClient(stsUrl, {
    ...clientOptions,
    loggingOptions: safeLoggingOptions(clientOptions.loggingOptions),
  });
  client.pipeline.addPolicy(stripAuthorizationPolicy);
  client.pipeline.addPolicy(stsOriginPolicy(new URL(stsUrl).origin), { phase: "Sign" });
  client.pipeline.addPolicy(retryAfterCeilingPolicy(), { afterPhase: "Retry" });

  return async ({ bearerCredential, secrets, abortSignal }) => {
    const correlationVector = createCorrelationVector();
    logger.info(`Requesting an access token from ${stsUrl} (X-MRC-CV ${correlationVector}).`);
    const response = await client.path("/Accounts/{accountId}/token", accountId).get({
      headers: { Authorization: `Bearer ${bearerCredential}`, "X-MRC-CV": correlationVector },
      ...(abortSignal !== undefined ? { abortSignal } : {}),
    });
    if (response.status !== "200") {
      throw createServiceRestError(response, {
        operation: `Token exchange at ${stsUrl} (X-MRC-CV ${correlationVector})`,
        secrets: [...secrets, bearerCredential],
      });
    }
    const body: unknown = response.body as unknown;
    const token =
      typeof body === "object" && body !== null
        ? (body as Record<string, unknown>)["AccessToken"]
        : undefined;
    if (typeof token !== "string" || token === "") {
      throw malformedResponse("the token service answered without an AccessToken");
    }
    const expiry = parseJwtExpiryInMs(token);
    if (expiry === undefined) {
      logger.warning("The access token has no readable expiry; it will be refreshed after ten minutes.");
    }
    logger.info(`Received an access token (MS-CV ${response.headers["ms-cv"] ?? "none"}).`);
    return { token, expiresOnTimestamp: expiry ?? Date.now() + fallbackLifetimeInMs };
  };
}

// The expiry is read without verifying the token: the client only needs to know when to fetch a new
// one; the service verifies signatures.
/**
 * The `exp` claim of a JWT in milliseconds since the epoch, or undefined when the text is not a JWT
 * with a numeric `exp`.
 */
export function parseJwtExpiryInMs(token: string): number | undefined {
  const parts = token.split(".");
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined || payload === "") {
    return undefined;
  }
  let claims: unknown;
  try {
    claims = JSON.parse(uint8ArrayToString(stringToUint8Array(payload, "base64url"), "utf-8"));
  } catch {
    return undefined;
  }
  if (typeof claims !== "object" || claims === null) {
    return undefined;
  }
  const exp = (claims as Record<string, unknown>)["exp"];
  return typeof exp === "number" && Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
}
