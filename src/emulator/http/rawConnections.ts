// What happens on a connection outside the request handlers: requests Node's parser rejects, requests
// that do not arrive within the header or request timeout, and CONNECT. Each gets a raw error answer
// (400, 405, 408 or 431) and the socket is closed, not left half-open.
import type http from "node:http";
import type { Socket } from "node:net";
import { newCorrelationVector } from "./correlation.js";
import { rawErrorAnswer, rawErrorStatus, type RawErrorStatus } from "./rawAnswers.js";
import type { EmulatorLogSink } from "./requestLog.js";

/** How long a socket may linger after its error answer, so the client can read it before the close. */
const LINGER_IN_MS = 1000;

export interface ConnectionLimits {
  headersTimeoutInMs: number;
  requestTimeoutInMs: number;
}

/** Server options that bound how long a slow client can hold a connection. */
export function serverTimeouts(limits: ConnectionLimits): http.ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutInMs,
    requestTimeout: limits.requestTimeoutInMs,
    // Node checks the two timeouts on this period; keep it well under the header timeout.
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(limits.headersTimeoutInMs / 4))),
  };
}

function answerAndClose(
  socket: Socket,
  status: RawErrorStatus,
  log: EmulatorLogSink | undefined,
  message?: string,
): void {
  const correlationVector = newCorrelationVector();
  log?.(`${new Date().toISOString()} (unreadable request) ${status} ms-cv=${correlationVector}`);
  const timer = setTimeout(() => socket.destroy(), LINGER_IN_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  socket.resume(); // whatever else the client sends is dropped
  socket.end(rawErrorAnswer(correlationVector, status, message), () => socket.destroy());
}

/** Installs the handlers for unreadable, late and CONNECT requests on `server`. */
export function guardConnections(server: http.Server, log: () => EmulatorLogSink | undefined): void {
  // The answer in progress on each socket: once its headers are out, nothing more may be written.
  const answering = new WeakMap<Socket, http.ServerResponse>();
  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    answering.set(request.socket, response);
  });
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (error.code === "ECONNRESET" || !socket.writable || answering.get(socket)?.headersSent === true) {
      socket.destroy();
      return;
    }
    answerAndClose(socket, rawErrorStatus(error.code, error.rawPacket), log());
  });
  server.on("connect", (_request: http.IncomingMessage, socket: Socket) => {
    answerAndClose(socket, 405, log(), "CONNECT is not supported: this is not a proxy.");
  });
}
