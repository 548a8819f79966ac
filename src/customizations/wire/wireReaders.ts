// Small readers for JSON bodies from the service. A body arrives typed as the generated output model
// (SessionPropertiesOutput, ConversionOutput, ...), but it is still untrusted input: the real service
// sent nulls and statuses the spec forbids. So each reader takes the model's field *names* from the
// generated type (a field renamed in a regenerated spec fails the type check here) and checks the
// field's *value* at run time (a body that lacks a required field is reported as a parse error).
import { RestError } from "@azure/core-rest-pipeline";

/** A body typed as the generated model T, each field's value not yet checked. */
export type Unchecked<T> = { readonly [K in keyof T]?: unknown };

/** The error thrown when a response body lacks what the API promises. */
export function malformedResponse(what: string): RestError {
  return new RestError(`The service sent a malformed response: ${what}.`, { code: RestError.PARSE_ERROR });
}

/** Whether a value is a JSON object (not null, not an array). */
export function isWireRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The value as an object of the generated model T with unchecked fields, or a parse error naming
 * what was expected. `value` is typed `T | unknown` on purpose: callers pass the generated type, and
 * the check does not trust it.
 */
export function requireRecord<T extends object>(value: T | null | undefined, what: string): Unchecked<T> {
  const untrusted: unknown = value;
  if (!isWireRecord(untrusted)) {
    throw malformedResponse(`expected ${what} to be an object`);
  }
  return untrusted as Unchecked<T>;
}

/** An optional nested object of the model: undefined when absent or not an object. */
export function optionalRecord<T extends object>(value: unknown): Unchecked<T> | undefined {
  return isWireRecord(value) ? (value as Unchecked<T>) : undefined;
}

/** A required non-empty string field. */
export function requireStringField<T>(record: Unchecked<T>, field: keyof T & string, what: string): string {
  const value = record[field];
  if (typeof value !== "string" || value === "") {
    throw malformedResponse(`${what} has no "${field}" text`);
  }
  return value;
}

/** A required finite number field. */
export function requireNumberField<T>(record: Unchecked<T>, field: keyof T & string, what: string): number {
  const value = record[field];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw malformedResponse(`${what} has no numeric "${field}"`);
  }
  return value;
}

/** An optional string field; empty strings and null count as absent. */
export function optionalString<T>(record: Unchecked<T>, field: keyof T & string): string | undefined {
  const value = record[field];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** An optional finite number field; null counts as absent. */
export function optionalNumber<T>(record: Unchecked<T>, field: keyof T & string): number | undefined {
  const value = record[field];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
