// Checking fault rules (from options, the admin endpoint or the request header).
import {
  EMULATOR_OPERATIONS,
  FAULT_KINDS,
  type CreationFaultKind,
  type EmulatorOperation,
  type FaultKind,
  type FaultRule,
} from "./faultTypes.js";

const MAX_DELAY_IN_MS = 600_000;
const MAX_RETRY_AFTER_IN_SECONDS = 3600;

export function isCreationFault(kind: FaultKind): kind is CreationFaultKind {
  return kind === "session-start-failure" || kind === "conversion-failure";
}

export function creationOperationOf(kind: CreationFaultKind): EmulatorOperation {
  return kind === "session-start-failure" ? "CreateSession" : "CreateConversion";
}

function isIntegerInRange(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** Validates a rule; errors name `parameterName` and the allowed form. */
export function validateFaultRule(rule: unknown, parameterName: string): FaultRule {
  if (typeof rule !== "object" || rule === null || Array.isArray(rule)) {
    throw new TypeError(`${parameterName} must be an object such as { kind: "throttle", count: 2 }.`);
  }
  const { kind, count, probability, operations, retryAfterInSeconds, delayInMs } = rule as Record<
    string,
    unknown
  >;
  if (typeof kind !== "string" || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new RangeError(`${parameterName}.kind must be one of ${FAULT_KINDS.join(", ")}.`);
  }
  const result: FaultRule = { kind: kind as FaultKind };
  if (count !== undefined) {
    if (!isIntegerInRange(count, 1, Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`${parameterName}.count must be an integer of 1 or more.`);
    }
    result.count = count;
  }
  if (probability !== undefined) {
    if (typeof probability !== "number" || !(probability > 0 && probability <= 1)) {
      throw new RangeError(`${parameterName}.probability must be a number greater than 0 and at most 1.`);
    }
    result.probability = probability;
  }
  if (operations !== undefined) {
    if (
      !Array.isArray(operations) ||
      operations.length === 0 ||
      operations.some((name) => !(EMULATOR_OPERATIONS as readonly unknown[]).includes(name))
    ) {
      throw new RangeError(
        `${parameterName}.operations must be a non-empty array of ${EMULATOR_OPERATIONS.join(", ")}.`,
      );
    }
    result.operations = operations as EmulatorOperation[];
  }
  if (isCreationFault(result.kind) && result.operations !== undefined) {
    const only = creationOperationOf(result.kind);
    if (!result.operations.includes(only)) {
      throw new RangeError(`${parameterName}.operations must include ${only} for a ${result.kind} fault.`);
    }
  }
  if (retryAfterInSeconds !== undefined) {
    if (!isIntegerInRange(retryAfterInSeconds, 0, MAX_RETRY_AFTER_IN_SECONDS)) {
      throw new RangeError(
        `${parameterName}.retryAfterInSeconds must be an integer from 0 to ${MAX_RETRY_AFTER_IN_SECONDS}.`,
      );
    }
    result.retryAfterInSeconds = retryAfterInSeconds;
  }
  if (delayInMs !== undefined) {
    if (!isIntegerInRange(delayInMs, 0, MAX_DELAY_IN_MS)) {
      throw new RangeError(`${parameterName}.delayInMs must be an integer from 0 to ${MAX_DELAY_IN_MS}.`);
    }
    result.delayInMs = delayInMs;
  }
  return result;
}

/**
 * Parses the fault header: a kind, then optional `; name=value` parameters `retry-after`
 * (seconds) and `delay-ms`. Example: `throttle; retry-after=2`, `delay; delay-ms=250`.
 */
export function parseFaultHeader(value: string): FaultRule {
  const [kindPart, ...parameterParts] = value.split(";").map((part) => part.trim());
  const rule: Record<string, unknown> = { kind: kindPart };
  for (const part of parameterParts) {
    const match = /^([a-z-]+)\s*=\s*(\d{1,9})$/i.exec(part);
    const name = match?.[1]?.toLowerCase();
    if (match === null || match[2] === undefined || (name !== "retry-after" && name !== "delay-ms")) {
      throw new RangeError(
        `The fault header parameter '${part}' is not understood; use retry-after=SECONDS or delay-ms=MILLISECONDS.`,
      );
    }
    rule[name === "retry-after" ? "retryAfterInSeconds" : "delayInMs"] = Number(match[2]);
  }
  return validateFaultRule(rule, "The fault header");
}
