// The RestError this client throws for an HTTP call with an unexpected status: the service's error
// (read from the generated ErrorResponseOutput shape), the MS-CV, and every secret redacted.
import type { HttpResponse } from "@azure-rest/core-client";
import type { ErrorResponseOutput } from "../../generated/remoteRendering/index.js";
import { optionalRecord } from "../wire/wireReaders.js";
import { RestError, isRestError } from "@azure/core-rest-pipeline";
import type { RemoteRenderingErrorDetail } from "./remoteRenderingServiceError.js";
import { toErrorDetail } from "./remoteRenderingServiceError.js";
import { redactSecrets } from "./redactSecrets.js";

/** What `RestError.details` holds when this client throws for a failed HTTP call. */
export interface RemoteRenderingRestErrorDetails {
  /** The error object from the response body, or undefined when the service sent none. */
  error: RemoteRenderingErrorDetail | undefined;
  /** The MS-CV correlation vector of the failed response (quote it in support requests), if any. */
  msCv: string | undefined;
}

/** A RestError thrown by this client for a failed HTTP call, with the service's error in `details`. */
export type RemoteRenderingRestError = RestError & { details: RemoteRenderingRestErrorDetails };

/** Whether an error is a RestError thrown by this client for a failed HTTP call. */
export function isRemoteRenderingRestError(error: unknown): error is RemoteRenderingRestError {
  if (!isRestError(error)) {
    return false;
  }
  const details: unknown = error.details;
  return typeof details === "object" && details !== null && "msCv" in details && "error" in details;
}

/** Options for createServiceRestError. */
export interface CreateServiceRestErrorOptions {
  /** Words naming the failed call for the message, such as "Token exchange". */
  operation?: string;
  /** Text that must not appear in the message (account keys, tokens); see redactSecrets for the rule. */
  secrets?: readonly string[];
}

function redactDetail(
  detail: RemoteRenderingErrorDetail,
  secrets: readonly string[],
): RemoteRenderingErrorDetail {
  const result: RemoteRenderingErrorDetail = {
    code: redactSecrets(detail.code, secrets),
    message: redactSecrets(detail.message, secrets),
  };
  if (detail.target !== undefined) {
    result.target = redactSecrets(detail.target, secrets);
  }
  if (detail.details !== undefined) {
    result.details = detail.details.map((item) => redactDetail(item, secrets));
  }
  if (detail.innerError !== undefined) {
    result.innerError = redactDetail(detail.innerError, secrets);
  }
  return result;
}

function readBody(response: HttpResponse): unknown {
  const body = response.body;
  if (typeof body === "string" && body.trim().startsWith("{")) {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return body;
    }
  }
  return body;
}

/**
 * Builds the RestError for a response with an unexpected status: the HTTP status, the service's error
 * code, message and details, and the MS-CV correlation vector, in properties and in the message.
 */
export function createServiceRestError(
  response: HttpResponse,
  options: CreateServiceRestErrorOptions = {},
): RemoteRenderingRestError {
  const statusCode = Number.parseInt(response.status, 10);
  const body = readBody(response);
  const wireError = optionalRecord<ErrorResponseOutput>(body)?.error as
    | ErrorResponseOutput["error"]
    | undefined;
  const secrets = options.secrets ?? [];
  const wireDetail = toErrorDetail(wireError);
  const error = wireDetail === undefined ? undefined : redactDetail(wireDetail, secrets);
  const msCv = response.headers["ms-cv"];
  const facts = [`HTTP ${response.status}`];
  if (error !== undefined) {
    facts.push(`code ${error.code}`);
  }
  if (msCv !== undefined) {
    facts.push(`MS-CV ${msCv}`);
  }
  const what = options.operation ?? `${response.request.method} request`;
  const text =
    error !== undefined
      ? `${what} failed: ${error.message} (${facts.join(", ")})`
      : `${what} failed (${facts.join(", ")})`;
  const restError = new RestError(redactSecrets(text, secrets), {
    ...(error !== undefined ? { code: error.code } : {}),
    ...(Number.isNaN(statusCode) ? {} : { statusCode }),
    request: response.request,
  });
  const details: RemoteRenderingRestErrorDetails = { error, msCv };
  restError.details = details;
  return restError as RemoteRenderingRestError;
}
