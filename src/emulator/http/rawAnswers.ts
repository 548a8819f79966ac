// Answers written straight to a socket, for requests Node's HTTP parser rejects before any
// handler runs. They still carry an MS-CV and an error_response body.
import { STATUS_CODES } from "node:http";
import { errorResponse } from "./errors";

export type RawErrorStatus = 400 | 405 | 431;

const RAW_ERRORS: Readonly<Record<RawErrorStatus, { code: string; message: string }>> = {
  400: { code: "BadRequest", message: "The request could not be read as HTTP/1.1." },
  405: { code: "MethodNotAllowed", message: "The request method is not one this service knows." },
  431: { code: "RequestHeaderFieldsTooLarge", message: "The request headers are too large." },
};

/** The raw status for a parser error code such as HPE_INVALID_METHOD. */
export function rawErrorStatus(parserErrorCode: string | undefined): RawErrorStatus {
  if (parserErrorCode === "HPE_INVALID_METHOD") return 405;
  if (parserErrorCode === "HPE_HEADER_OVERFLOW") return 431;
  return 400;
}

export function rawErrorAnswer(correlationVector: string, status: RawErrorStatus): string {
  const { code, message } = RAW_ERRORS[status];
  const body = JSON.stringify(errorResponse(code, message));
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
