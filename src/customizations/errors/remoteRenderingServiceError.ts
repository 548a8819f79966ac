// The error a session or conversion ended with (RemoteRenderingServiceError), and the reader of the
// service's error objects that builds it and the details of HTTP errors.
import type { ErrorModelOutput } from "../../generated/remoteRendering/index.js";
import { optionalRecord, optionalString } from "../wire/wireReaders.js";

/** One error object as the service reports it, with nested details. */
export interface RemoteRenderingErrorDetail {
  /** The service's error code, such as "ConversionProcessFailed". */
  code: string;
  /** A readable description from the service. */
  message: string;
  /** The property or item the error is about, when the service names one. */
  target?: string;
  /** Finer-grained errors that led to this one. */
  details?: RemoteRenderingErrorDetail[];
  /** A more specific error, when the service gives one. */
  innerError?: RemoteRenderingErrorDetail;
}

/**
 * The error a rendering session or an asset conversion ended with (session status `Error`,
 * conversion status `Failed`), as reported by the service in the resource's `error` field.
 */
export class RemoteRenderingServiceError extends Error {
  /** The service's error code, such as "ConversionProcessFailed". */
  readonly code: string;
  /** Finer-grained errors that led to this one (empty when the service sent none). */
  readonly details: RemoteRenderingErrorDetail[];
  /** The property or item the error is about, when the service names one. */
  readonly target?: string;
  /** A more specific error, when the service gives one. */
  readonly innerError?: RemoteRenderingErrorDetail;
  /** The MS-CV correlation vector of the response that reported the error; quote it in support requests. */
  readonly msCv?: string;

  constructor(detail: RemoteRenderingErrorDetail, msCv?: string) {
    super(detail.message);
    this.name = "RemoteRenderingServiceError";
    this.code = detail.code;
    this.details = detail.details ?? [];
    if (detail.target !== undefined) {
      this.target = detail.target;
    }
    if (detail.innerError !== undefined) {
      this.innerError = detail.innerError;
    }
    if (msCv !== undefined) {
      this.msCv = msCv;
    }
  }
}

/**
 * Reads an error object from a service body into a RemoteRenderingErrorDetail, or undefined when the
 * value is not an error object. Field names come from the generated ErrorModelOutput; values are
 * checked, since the service's errors do not always keep to the spec. Missing codes or messages get
 * neutral fallbacks so that a partial error from the service is still reported rather than lost.
 */
export function toErrorDetail(
  value: ErrorModelOutput | null | undefined,
  depth = 0,
): RemoteRenderingErrorDetail | undefined {
  const record = optionalRecord<ErrorModelOutput>(value);
  if (record === undefined || depth > 8) {
    return undefined;
  }
  const detail: RemoteRenderingErrorDetail = {
    code: optionalString(record, "code") ?? "Unknown",
    message: optionalString(record, "message") ?? "The service reported an error without a message.",
  };
  if (typeof record.target === "string") {
    detail.target = record.target;
  }
  const nested = record.details;
  if (Array.isArray(nested)) {
    const details = nested
      .map((item: ErrorModelOutput) => toErrorDetail(item, depth + 1))
      .filter((item) => item !== undefined);
    if (details.length > 0) {
      detail.details = details;
    }
  }
  // Some answers of the service spell the field "innererror".
  const lowerCase = (record as { readonly innererror?: unknown }).innererror;
  const inner = toErrorDetail((record.innerError ?? lowerCase) as ErrorModelOutput | undefined, depth + 1);
  if (inner !== undefined) {
    detail.innerError = inner;
  }
  return detail;
}
