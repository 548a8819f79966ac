// The HTTP request listener: correlation vector and CORS on every answer, then routing, body,
// faults, api-version, path parameters, credentials, the operation, saving, and one log line.
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { ADMIN_PREFIX, handleAdminRequest } from "../operations/adminHandlers.js";
import { newCorrelationVector } from "./correlation.js";
import {
  CORS_RESPONSE_HEADER_NAMES,
  checkAdminOrigin,
  corsPreflightHeaders,
  corsResponseHeaders,
} from "./cors.js";
import { EmulatorHttpError, errorResponse } from "./errors.js";
import type { EmulatorRuntime, OperationResult } from "../config/emulatorRuntime.js";
import { decideFaults, delay, faultError } from "../faults/faultDecision.js";
import { FAULT_HEADER } from "../faults/faultTypes.js";
import { OPERATION_HANDLERS } from "./operationTable.js";
import { payloadTooLarge, readRequestBody } from "./requestBody.js";
import { checkApiVersion, checkCredentials, checkPathParameters } from "./requestChecks.js";
import { writeLogLine } from "./bufferedLogSink.js";
import { formatRequestLogLine, type RequestLogEntry } from "./requestLog.js";
import { SUPPORTED_API_VERSIONS, writeAnswer } from "./responseHeaders.js";
import { matchRoute } from "./router.js";

interface RequestNotes {
  apiVersion: string | undefined;
  fault: string | undefined;
  reset: boolean;
}

function sendError(response: ServerResponse, error: EmulatorHttpError): void {
  writeAnswer(response, error.status, error.toResponseBody(), error.headers);
}

async function serve(
  runtime: EmulatorRuntime,
  baseUrl: string,
  request: IncomingMessage,
  response: ServerResponse,
  notes: RequestNotes,
): Promise<void> {
  const method = (request.method ?? "GET").toUpperCase();
  const url = splitRequestTarget(request.url ?? "/");
  const admin = url.pathname.startsWith(ADMIN_PREFIX);
  if (admin && !runtime.config.corsAdmin) {
    for (const name of CORS_RESPONSE_HEADER_NAMES) response.removeHeader(name);
    if (request.headers.origin !== undefined) request.resume();
    checkAdminOrigin(request.headers, runtime.config.corsAdmin);
  }
  if (method === "OPTIONS") {
    request.resume();
    writeAnswer(
      response,
      204,
      undefined,
      corsPreflightHeaders(request.headers["access-control-request-headers"]),
    );
    return;
  }
  const route = admin ? undefined : matchRoute(method, url.pathname);
  const body = await readRequestBody(request, runtime.config.maxBodySizeInBytes);
  if (body.kind === "too-large") {
    if (!body.drained) response.setHeader("Connection", "close");
    throw payloadTooLarge(runtime.config.maxBodySizeInBytes);
  }
  if (route === undefined) {
    const result = handleAdminRequest(
      runtime,
      method,
      url.pathname,
      body.bytes,
      request.headers["content-type"],
    );
    if (result.changedState === true && runtime.persist !== undefined) await runtime.persist();
    writeAnswer(response, result.status, result.body, result.headers);
    return;
  }
  if (route.kind === "not-found") {
    throw new EmulatorHttpError(404, "NotFound", `There is no resource at ${url.pathname.slice(0, 200)}.`);
  }
  if (route.kind === "method-not-allowed") {
    throw new EmulatorHttpError(
      405,
      "MethodNotAllowed",
      `This resource accepts ${route.allowed.join(", ")}.`,
      {
        headers: { Allow: route.allowed.join(", ") },
      },
    );
  }
  const { operation, parameters } = route;
  notes.apiVersion = url.searchParams.get("api-version") ?? undefined;
  if (operation !== "GetToken")
    response.setHeader("api-supported-versions", SUPPORTED_API_VERSIONS.join(", "));
  const faults = decideFaults(runtime, operation, request.headers[FAULT_HEADER]);
  if (faults.response !== undefined) {
    notes.fault = faults.response.kind;
    if (faults.response.kind === "reset") {
      notes.reset = true;
      request.socket.destroy();
      return;
    }
    if (faults.response.kind === "delay") await delay(faults.response.delayInMs, runtime.closing);
    const injected = faultError(faults.response, operation);
    if (injected !== undefined) throw injected;
  }
  if (faults.headerCreationFault !== undefined) notes.fault = faults.headerCreationFault.kind;
  const apiVersion = checkApiVersion(operation, url.searchParams);
  checkPathParameters(operation, parameters);
  const now = runtime.config.clock.now();
  checkCredentials(runtime, operation, parameters, request.headers, now);
  const result: OperationResult = await OPERATION_HANDLERS[operation]({
    runtime,
    operation,
    parameters,
    query: url.searchParams,
    headers: request.headers,
    body: body.bytes,
    baseUrl: baseUrlOf(request, baseUrl),
    apiVersion,
    now,
    headerFault: faults.headerCreationFault,
  });
  if (result.changedState === true && runtime.persist !== undefined) await runtime.persist();
  writeAnswer(response, result.status, result.body, result.headers);
}

/** Creates the listener for `http.createServer`. `baseUrl` is used when a request has no usable Host. */
export function createRequestListener(
  runtime: EmulatorRuntime,
  baseUrl: () => string,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const started = performance.now();
    const correlationVector = newCorrelationVector();
    const notes: RequestNotes = { apiVersion: undefined, fault: undefined, reset: false };
    response.setHeader("MS-CV", correlationVector);
    response.setHeader("X-Content-Type-Options", "nosniff");
    for (const [name, value] of Object.entries(corsResponseHeaders())) response.setHeader(name, value);
    const sink = runtime.config.log;
    if (sink !== undefined) {
      let logged = false;
      const log = (): void => {
        if (logged) return;
        logged = true;
        // Only the raw values are taken here; the line is formatted when the sink writes it.
        const entry: RequestLogEntry = {
          timeInMs: Date.now(),
          method: request.method ?? "?",
          target: request.url ?? "/",
          apiVersion: notes.apiVersion,
          status: notes.reset ? "reset" : response.headersSent ? response.statusCode : "aborted",
          durationInMs: performance.now() - started,
          correlationVector,
          clientCorrelationVector: request.headers["x-mrc-cv"] ?? request.headers["ms-cv"],
          fault: notes.fault,
        };
        writeLogLine(sink, () => formatRequestLogLine(entry));
      };
      response.on("finish", log);
      response.on("close", log);
    }
    serve(runtime, baseUrl(), request, response, notes).catch((error: unknown) => {
      if (error instanceof EmulatorHttpError) {
        sendError(response, error);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      runtime.config.log?.(
        `emulator error while answering ${request.method ?? "?"} (ms-cv=${correlationVector}): ${message}`,
      );
      writeAnswer(
        response,
        500,
        errorResponse("InternalServerError", "The emulator failed to answer this request."),
      );
    });
  };
}

// Reading the request target and the address the client used.

/** Scheme, host and port the client called, from the Host header (or `fallback` if unusable). */
export function baseUrlOf(request: IncomingMessage, fallback: string): string {
  const host = request.headers.host;
  return host !== undefined && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
    ? `http://${host}`
    : fallback;
}

/** Path and query of a request target, without resolving it as a URL ("//x" stays a path). */
export function splitRequestTarget(target: string): { pathname: string; searchParams: URLSearchParams } {
  const withoutOrigin = target.replace(/^https?:\/\/[^/]*/i, "");
  const queryStart = withoutOrigin.indexOf("?");
  const pathname = queryStart < 0 ? withoutOrigin : withoutOrigin.slice(0, queryStart);
  const query = queryStart < 0 ? "" : withoutOrigin.slice(queryStart + 1);
  return { pathname: pathname === "" ? "/" : pathname, searchParams: new URLSearchParams(query) };
}
