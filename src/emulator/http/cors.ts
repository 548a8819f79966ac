// Cross-origin headers, so that a page in a browser can call the emulator directly.

const EXPOSED_HEADERS = "MS-CV, Retry-After, WWW-Authenticate, api-supported-versions, Content-Length";
const DEFAULT_ALLOWED_HEADERS =
  "Authorization, Content-Type, Accept, MS-CV, X-MRC-CV, x-ms-client-request-id, x-ms-return-client-request-id, x-arr-emulator-fault";
const ALLOWED_METHODS = "GET, PUT, PATCH, POST, DELETE, OPTIONS";

/** Headers on every answer. Tokens travel in a header, not in cookies, so any origin may call. */
export function corsResponseHeaders(): Record<string, string> {
  return { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": EXPOSED_HEADERS };
}

/** Headers of the answer to a preflight (OPTIONS) request. */
export function corsPreflightHeaders(requestedHeaders: string | undefined): Record<string, string> {
  const allowedHeaders =
    requestedHeaders !== undefined &&
    /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/.test(requestedHeaders.trim())
      ? requestedHeaders.trim()
      : DEFAULT_ALLOWED_HEADERS;
  return {
    "Access-Control-Allow-Methods": ALLOWED_METHODS,
    "Access-Control-Allow-Headers": allowedHeaders,
    "Access-Control-Max-Age": "600",
  };
}
