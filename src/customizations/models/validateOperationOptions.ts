// Checks of option bags, run before any request is sent: a bag is undefined or a plain object, and
// each option it holds has its documented form (an AbortSignalLike, a function, a finite number...).
// A wrong type is a TypeError, a value out of range a RangeError; both name the option.
import type { AbortSignalLike } from "@azure/abort-controller";
import type { RemoteRenderingOperationOptions } from "./options.js";
import { validateIntervalInMs } from "../validation.js";

/** The value as a record of options: {} for undefined, a TypeError for anything but a plain object. */
export function validateOptionsBag(name: string, value: unknown, form: string): Record<string, unknown> {
  if (value === undefined) {
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    throw new TypeError(`${name} must be an object (${form}) or undefined; got ${got}.`);
  }
  return value as Record<string, unknown>;
}

/** Whether a value has the shape of an AbortSignalLike. */
export function isAbortSignalLike(value: unknown): value is AbortSignalLike {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const signal = value as Partial<Record<keyof AbortSignalLike, unknown>>;
  return (
    typeof signal.aborted === "boolean" &&
    typeof signal.addEventListener === "function" &&
    typeof signal.removeEventListener === "function"
  );
}

/** An optional AbortSignalLike (such as AbortController's signal). */
export function validateAbortSignal(name: string, value: unknown): AbortSignalLike | undefined {
  if (value !== undefined && !isAbortSignalLike(value)) {
    throw new TypeError(`${name} must be an AbortSignal (from an AbortController) or undefined.`);
  }
  return value;
}

/** An optional callback. */
export function validateCallback(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw new TypeError(`${name} must be a function or undefined; got ${describeType(value)}.`);
  }
}

/** An optional boolean. */
export function validateBooleanOption(name: string, value: unknown): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") {
    throw new TypeError(`${name} must be true, false or undefined; got ${describeType(value)}.`);
  }
  return value;
}

function describeType(value: unknown): string {
  return value === null ? "null" : typeof value;
}

function validateRequestOptions(name: string, value: unknown): void {
  const requestOptions = validateOptionsBag(name, value, "{ headers, timeout, ... }");
  const headers = requestOptions["headers"];
  if (headers !== undefined && (typeof headers !== "object" || headers === null)) {
    throw new TypeError(`${name}.headers must be an object of header names and values or undefined.`);
  }
  const timeout = requestOptions["timeout"];
  if (timeout !== undefined) {
    if (typeof timeout !== "number") {
      throw new TypeError(`${name}.timeout must be a number of milliseconds; got ${describeType(timeout)}.`);
    }
    if (!Number.isFinite(timeout) || timeout < 0) {
      throw new RangeError(`${name}.timeout must be a finite number of milliseconds, 0 or more.`);
    }
  }
  validateCallback(`${name}.onUploadProgress`, requestOptions["onUploadProgress"]);
  validateCallback(`${name}.onDownloadProgress`, requestOptions["onDownloadProgress"]);
  validateBooleanOption(`${name}.allowInsecureConnection`, requestOptions["allowInsecureConnection"]);
  validateBooleanOption(`${name}.skipUrlEncoding`, requestOptions["skipUrlEncoding"]);
}

/** What validateOperationOptions accepts beside the shared operation options. */
export interface OperationOptionsRules {
  /** The name of the options type, for messages: "GetSessionOptions". */
  typeName: string;
  /** Whether the bag may hold a polling `intervalInMs`. */
  intervalInMs?: boolean;
}

/**
 * Checks the options bag of an operation (abortSignal, requestOptions, tracingOptions, onResponse
 * and, for pollers, intervalInMs) and returns it typed; undefined gives {}.
 */
export function validateOperationOptions<T extends RemoteRenderingOperationOptions>(
  name: string,
  value: unknown,
  rules: OperationOptionsRules,
): T {
  const bag = validateOptionsBag(name, value, rules.typeName);
  validateAbortSignal(`${name}.abortSignal`, bag["abortSignal"]);
  validateCallback(`${name}.onResponse`, bag["onResponse"]);
  if (bag["requestOptions"] !== undefined) {
    validateRequestOptions(`${name}.requestOptions`, bag["requestOptions"]);
  }
  if (bag["tracingOptions"] !== undefined) {
    validateOptionsBag(`${name}.tracingOptions`, bag["tracingOptions"], "OperationTracingOptions");
  }
  if (rules.intervalInMs === true && bag["intervalInMs"] !== undefined) {
    validateIntervalInMs(`${name}.intervalInMs`, bag["intervalInMs"]);
  }
  return bag as T;
}
