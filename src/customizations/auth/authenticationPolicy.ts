// The pipeline policy that signs requests to the rendering service with the Mixed Reality token.
// It refuses any request to another origin than the configured endpoint, so credentials never leave
// for a host named by a response (a @nextLink, a redirect), and retries once after a 401 with a
// fresh token.
import type { PipelinePolicy, PipelineRequest } from "@azure/core-rest-pipeline";
import { RestError, isRestError } from "@azure/core-rest-pipeline";
import { logger } from "../pipeline/logger.js";
import type { TokenCache } from "./tokenCache.js";

/** The policy's name in the pipeline. */
export const remoteRenderingAuthenticationPolicyName = "remoteRenderingAuthenticationPolicy";

/** Settings of the authentication policy. */
export interface RemoteRenderingAuthenticationPolicySettings {
  /** Where tokens come from. */
  tokens: TokenCache;
  /** The only origin (scheme, host and port) that may receive a token. */
  allowedOrigin: string;
}

/** The error for a request aimed at another origin than the configured endpoint. */
export function foreignOriginError(url: string, allowedOrigin: string): Error {
  let origin = "an invalid URL";
  try {
    origin = new URL(url).origin;
  } catch {
    // keep the neutral description
  }
  return new Error(
    `Refused to send a request to ${origin}: this client only talks to its endpoint ${allowedOrigin}, ` +
      `so credentials never reach another host.`,
  );
}

/** Whether a URL has exactly the given origin. */
export function hasOrigin(url: string, allowedOrigin: string): boolean {
  try {
    return new URL(url).origin === allowedOrigin;
  } catch {
    return false;
  }
}

/**
 * hasOrigin for one origin, checked on every request: a URL that starts with the serialized origin
 * followed by "/" has that origin (the host ends at the "/"), so only other URLs are parsed. The
 * shortcut is taken only when `allowedOrigin` is itself a serialized origin (what URL.origin gives).
 */
export function originCheck(allowedOrigin: string): (url: string) => boolean {
  const prefix = hasOrigin(allowedOrigin, allowedOrigin) ? `${allowedOrigin}/` : undefined;
  return (url) => (prefix !== undefined && url.startsWith(prefix)) || hasOrigin(url, allowedOrigin);
}

/** Network error codes that the pipeline's retry policy retries. */
const retriedNetworkErrorCodes = new Set([
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOENT",
  "ENOTFOUND",
]);

/**
 * The error to throw when no token could be had. The token exchange has already retried with its own
 * pipeline, so the rendering request's retry policy (around this policy) must not retry it again: a
 * network failure of the token service is rethrown as a RestError with code "TokenExchangeFailed", the
 * original kept as `cause`. Other errors (HTTP errors, aborts, credential errors) pass unchanged.
 */
export function tokenAcquisitionError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof Error) || typeof code !== "string" || !retriedNetworkErrorCodes.has(code)) {
    return error;
  }
  const wrapped = new RestError(`Could not get an access token from the token service: ${error.message}`, {
    code: "TokenExchangeFailed",
    ...(isRestError(error) && error.request !== undefined ? { request: error.request } : {}),
  });
  wrapped.cause = error;
  return wrapped;
}

/** Puts a token from the cache into the request's Authorization header; returns the token. */
async function signRequest(tokens: TokenCache, request: PipelineRequest): Promise<string> {
  let token: string;
  try {
    token = await tokens.getToken({ abortSignal: request.abortSignal });
  } catch (error: unknown) {
    throw tokenAcquisitionError(error);
  }
  request.headers.set("Authorization", `Bearer ${token}`);
  return token;
}

/** Creates the authentication policy (add it in the "Sign" phase, after retries and redirects). */
export function remoteRenderingAuthenticationPolicy(
  settings: RemoteRenderingAuthenticationPolicySettings,
): PipelinePolicy {
  const { tokens, allowedOrigin } = settings;
  const isAllowed = originCheck(allowedOrigin);
  return {
    name: remoteRenderingAuthenticationPolicyName,
    async sendRequest(request, next) {
      if (!isAllowed(request.url)) {
        throw foreignOriginError(request.url, allowedOrigin);
      }
      try {
        const token = await signRequest(tokens, request);
        const response = await next(request);
        if (response.status !== 401 || !tokens.invalidate(token)) {
          return response;
        }
        logger.info(
          `The service refused the access token (HTTP 401, MS-CV ${response.headers.get("ms-cv") ?? "none"}); ` +
            `retrying once with a new token.`,
        );
        await signRequest(tokens, request);
        return await next(request);
      } finally {
        request.headers.delete("Authorization");
      }
    },
  };
}
