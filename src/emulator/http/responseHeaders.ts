// Headers the service sends, as recorded, and the writer for JSON answers.
import type { ServerResponse } from "node:http";
import { remoteRenderingApiVersion, stsApiVersion } from "../../index.js";

/**
 * Data-plane api-versions the emulator accepts: the version of the spec the package was generated
 * from (taken from the generated client) and its preview of the same date, which the service also
 * advertised (the recorded `api-supported-versions` header lists the preview first).
 */
export const SUPPORTED_API_VERSIONS: readonly string[] = [
  `${remoteRenderingApiVersion}-preview`,
  remoteRenderingApiVersion,
];
/** The token service's api-version, from the generated token service client. */
export const STS_API_VERSION = stsApiVersion;

/** Cache headers the service sends on session lists and conversion polls. */
export const NO_CACHE_HEADERS: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store, no-cache",
  Pragma: "no-cache",
};

/** Writes an answer (JSON when there is a body), unless the connection is already gone. */
export function writeAnswer(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (response.headersSent || response.destroyed) return;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.statusCode = status;
  if (body === undefined || status === 204) {
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.setHeader("Content-Type", "application/json; charset=utf-8");
  response.setHeader("Content-Length", Buffer.byteLength(text));
  response.end(text);
}
