// Small readers for JSON bodies from the service. Bodies are treated as untrusted input: every field
// is checked before use, and a body that lacks a required field is reported as a parse error.
import { RestError } from "@azure/core-rest-pipeline";

/** A JSON object from a response body. */
export type WireRecord = Record<string, unknown>;

/** The error thrown when a response body lacks what the API promises. */
export function malformedResponse(what: string): RestError {
  return new RestError(`The service sent a malformed response: ${what}.`, { code: RestError.PARSE_ERROR });
}

/** Whether a value is a JSON object (not null, not an array). */
export function isWireRecord(value: unknown): value is WireRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value as a JSON object, or a parse error naming what was expected. */
export function requireRecord(value: unknown, what: string): WireRecord {
  if (!isWireRecord(value)) {
    throw malformedResponse(`expected ${what} to be an object`);
  }
  return value;
}

/** A required non-empty string field. */
export function requireStringField(record: WireRecord, field: string, what: string): string {
  const value = record[field];
  if (typeof value !== "string" || value === "") {
    throw malformedResponse(`${what} has no "${field}" text`);
  }
  return value;
}

/** A required finite number field. */
export function requireNumberField(record: WireRecord, field: string, what: string): number {
  const value = record[field];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw malformedResponse(`${what} has no numeric "${field}"`);
  }
  return value;
}

/** An optional string field; empty strings and null count as absent. */
export function optionalString(record: WireRecord, field: string): string | undefined {
  const value = record[field];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** An optional finite number field; null counts as absent. */
export function optionalNumber(record: WireRecord, field: string): number | undefined {
  const value = record[field];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
