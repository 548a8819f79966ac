// Answers written straight to a socket, for requests Node's HTTP parser rejects before any
// handler runs. They still carry an MS-CV and an error_response body.
import { STATUS_CODES } from "node:http";
import { errorResponse } from "./errors";

export function rawErrorAnswer(correlationVector: string, status: 400 | 431): string {
  const message =
    status === 431 ? "The request headers are too large." : "The request could not be read as HTTP/1.1.";
  const body = JSON.stringify(
    errorResponse(status === 431 ? "RequestHeaderFieldsTooLarge" : "BadRequest", message),
  );
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Bad Request"}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    `MS-CV: ${correlationVector}`,
    "Access-Control-Allow-Origin: *",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}
