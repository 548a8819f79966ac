// Error answers. Handlers throw an EmulatorHttpError; the request pipeline turns it into an
// `error_response` body with the status code and any extra headers it carries.
import type { WireError, WireErrorResponse } from "../operations/wireTypes.js";

export class EmulatorHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target: string | undefined;
  readonly details: WireError[] | undefined;
  readonly headers: Readonly<Record<string, string>>;
  /** When true the body carries only `code` and `message`, as some recorded answers do. */
  readonly minimalBody: boolean;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: {
      target?: string;
      details?: WireError[];
      headers?: Record<string, string>;
      minimalBody?: boolean;
    } = {},
  ) {
    super(message);
    this.name = "EmulatorHttpError";
    this.status = status;
    this.code = code;
    this.target = extra.target;
    this.details = extra.details;
    this.headers = extra.headers ?? {};
    this.minimalBody = extra.minimalBody ?? false;
  }

  toResponseBody(): WireErrorResponse {
    if (this.minimalBody) return { error: { code: this.code, message: this.message } };
    return errorResponse(this.code, this.message, this.target, this.details);
  }
}

/**
 * Builds an `error_response`. The shape of validation errors follows the recorded 400 answer,
 * which spells out `details`, `target` and `innerError` (as null when empty).
 */
export function errorResponse(
  code: string,
  message: string,
  target?: string,
  details?: WireError[],
): WireErrorResponse {
  return {
    error: { code, message, details: details ?? null, target: target ?? null, innerError: null },
  };
}

export function badRequest(message: string, target?: string, details?: WireError[]): EmulatorHttpError {
  return new EmulatorHttpError(400, "BadRequest", message, {
    ...(target === undefined ? {} : { target }),
    ...(details === undefined ? {} : { details }),
  });
}

export function notFound(message: string): EmulatorHttpError {
  return new EmulatorHttpError(404, "NotFound", message);
}

export function conflict(message: string): EmulatorHttpError {
  return new EmulatorHttpError(409, "Conflict", message);
}

export function unprocessable(message: string, target?: string): EmulatorHttpError {
  return new EmulatorHttpError(422, "UnprocessableEntity", message, target === undefined ? {} : { target });
}
