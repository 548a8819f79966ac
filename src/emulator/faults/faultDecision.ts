// Picks the fault for one request: the request's fault header first, then configured rules.
import { EmulatorHttpError, badRequest } from "../http/errors.js";
import type { EmulatorRuntime } from "../config/emulatorRuntime.js";
import { toResponseFault } from "./faultInjector.js";
import { isCreationFault, parseFaultHeader } from "./faultRules.js";
import { FAULT_HEADER, type EmulatorOperation, type FaultRule, type ResponseFault } from "./faultTypes.js";

export interface FaultDecision {
  /** A fault that replaces or delays the answer. */
  response: ResponseFault | undefined;
  /** A creation fault named in the header (used by CreateSession / CreateConversion only). */
  headerCreationFault: FaultRule | undefined;
}

export function decideFaults(
  runtime: EmulatorRuntime,
  operation: EmulatorOperation,
  headerValue: string | string[] | undefined,
): FaultDecision {
  const text = Array.isArray(headerValue) ? headerValue.join(",") : headerValue;
  if (text !== undefined && text.trim() !== "") {
    let rule: FaultRule;
    try {
      rule = parseFaultHeader(text);
    } catch (error) {
      throw badRequest(
        error instanceof Error ? error.message : "The fault header is not valid.",
        FAULT_HEADER,
      );
    }
    if (isCreationFault(rule.kind)) return { response: undefined, headerCreationFault: rule };
    return { response: toResponseFault(rule), headerCreationFault: undefined };
  }
  return { response: runtime.faults.takeResponseFault(operation), headerCreationFault: undefined };
}

const THROTTLE_MESSAGE = "The rate limit has been exceeded; retry after the given time.";

/**
 * The error answer of a throttling, internal-error or unavailable fault. The token service's
 * description lists `WWW-Authenticate` on its 429, so a throttled GetToken carries one too.
 */
export function faultError(
  fault: ResponseFault,
  operation: EmulatorOperation,
): EmulatorHttpError | undefined {
  switch (fault.kind) {
    case "throttle":
      return new EmulatorHttpError(429, "TooManyRequests", THROTTLE_MESSAGE, {
        headers: {
          "Retry-After": String(fault.retryAfterInSeconds),
          ...(operation === "GetToken" ? { "WWW-Authenticate": `Invalid request: ${THROTTLE_MESSAGE}` } : {}),
        },
      });
    case "internal-error":
      return new EmulatorHttpError(
        500,
        "InternalServerError",
        "An internal server error occurred (injected fault).",
      );
    case "unavailable":
      return new EmulatorHttpError(
        503,
        "ServiceUnavailable",
        "The service is temporarily unavailable (injected fault).",
        {
          headers:
            fault.retryAfterInSeconds === undefined
              ? {}
              : { "Retry-After": String(fault.retryAfterInSeconds) },
        },
      );
    case "delay":
    case "reset":
      return undefined;
  }
}

/** Waits `delayInMs`, or less if the emulator closes meanwhile. */
export function delay(delayInMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, delayInMs);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
