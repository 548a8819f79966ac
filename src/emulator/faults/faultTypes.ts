// Fault injection vocabulary, shared by configuration, the admin endpoint and the request header.

export const FAULT_KINDS = [
  "throttle",
  "internal-error",
  "unavailable",
  "delay",
  "reset",
  "session-start-failure",
  "conversion-failure",
] as const;

/**
 * - `throttle`: answer 429 with `Retry-After`.
 * - `internal-error`: answer 500 with an error_response.
 * - `unavailable`: answer 503 with an error_response (and `Retry-After` when configured).
 * - `delay`: wait `delayInMs`, then answer normally.
 * - `reset`: destroy the connection without answering.
 * - `session-start-failure`: the next created session ends in status Error instead of Ready.
 * - `conversion-failure`: the next created conversion ends Failed instead of Succeeded.
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

export const EMULATOR_OPERATIONS = [
  "GetToken",
  "CreateSession",
  "GetSession",
  "UpdateSession",
  "StopSession",
  "ListSessions",
  "CreateConversion",
  "GetConversion",
  "ListConversions",
] as const;

export type EmulatorOperation = (typeof EMULATOR_OPERATIONS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** Apply to the next `count` matching requests only; every matching request when left out. */
  count?: number;
  /** The fraction of matching requests to apply to, from 0 (exclusive) to 1; 1 when left out. */
  probability?: number;
  /** Operations the rule applies to; all operations when left out. */
  operations?: readonly EmulatorOperation[];
  /** For `throttle` (default 1) and `unavailable` (no header when left out). */
  retryAfterInSeconds?: number;
  /** For `delay` (default 1000). */
  delayInMs?: number;
}

/** A configured rule as the admin endpoint lists it. */
export interface ActiveFaultRule extends FaultRule {
  id: number;
  /** Requests the rule still applies to; absent when unlimited. */
  remaining?: number;
}

/** What the request pipeline does for a request picked by a fault. */
export type ResponseFault =
  | { kind: "throttle"; retryAfterInSeconds: number }
  | { kind: "internal-error" }
  | { kind: "unavailable"; retryAfterInSeconds: number | undefined }
  | { kind: "delay"; delayInMs: number }
  | { kind: "reset" };

export type CreationFaultKind = "session-start-failure" | "conversion-failure";

/** The request header that injects a fault into that one request, e.g. `throttle; retry-after=2`. */
export const FAULT_HEADER = "x-arr-emulator-fault";
