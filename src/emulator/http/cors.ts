// Cross-origin headers, so that a page in a browser can call the emulator directly, and the
// refusal of browser calls to the admin endpoints (they need no credentials).
import type { IncomingHttpHeaders } from "node:http";
import { EmulatorHttpError } from "./errors.js";

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

/** Response headers that let a browser read an answer; left off answers to refused admin calls. */
export const CORS_RESPONSE_HEADER_NAMES = ["Access-Control-Allow-Origin", "Access-Control-Expose-Headers"];

/**
 * Browsers send `Origin` on cross-origin calls and their preflights; tools such as curl and the
 * SDKs do not. Unless `corsAdmin` is set, such calls to the admin endpoints get 403.
 */
export function checkAdminOrigin(headers: IncomingHttpHeaders, corsAdmin: boolean): void {
  if (corsAdmin || headers.origin === undefined) return;
  throw new EmulatorHttpError(
    403,
    "Forbidden",
    "The admin endpoints under /_emulator/ do not answer web pages (this request has an Origin " +
      "header). Start the emulator with corsAdmin: true (arr emulator --cors-admin) to allow them.",
  );
}
