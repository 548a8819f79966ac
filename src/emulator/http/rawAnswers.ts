// Answers written straight to a socket, for requests Node's HTTP parser rejects before any
// handler runs (or that never finish arriving), and for CONNECT. They still carry an MS-CV and an
// error_response body, and the connection is closed after them.
import { STATUS_CODES } from "node:http";
import { errorResponse } from "./errors.js";

export type RawErrorStatus = 400 | 405 | 408 | 431;

const RAW_ERRORS: Readonly<Record<RawErrorStatus, { code: string; message: string }>> = {
  400: { code: "BadRequest", message: "The request could not be read as HTTP/1.1." },
  405: { code: "MethodNotAllowed", message: "The request method is not one this service knows." },
  408: { code: "RequestTimeout", message: "The request did not arrive in time; the connection is closed." },
  431: { code: "RequestHeaderFieldsTooLarge", message: "The request headers are too large." },
};

/** A request line that starts with a word that could be a method (such as FROB), not binary bytes. */
const METHOD_LIKE = /^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,31} /;

/**
 * The raw status for a parser error code such as HPE_INVALID_METHOD. An unknown method gets 405,
 * bytes that are not HTTP at all (a TLS handshake, noise) 400, and a request that did not arrive
 * within the header or request timeout 408.
 */
export function rawErrorStatus(errorCode: string | undefined, rawPacket?: Buffer): RawErrorStatus {
  if (errorCode === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  if (errorCode === "HPE_HEADER_OVERFLOW") return 431;
  if (errorCode === "HPE_INVALID_METHOD") {
    const start = rawPacket?.subarray(0, 40).toString("latin1") ?? "";
    return METHOD_LIKE.test(start) ? 405 : 400;
  }
  return 400;
}

export function rawErrorAnswer(
  correlationVector: string,
  status: RawErrorStatus,
  message: string = RAW_ERRORS[status].message,
): string {
  const body = JSON.stringify(errorResponse(RAW_ERRORS[status].code, message));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    `MS-CV: ${correlationVector}`,
    "Access-Control-Allow-Origin: *",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}
