// Validation of path parameters and of session request bodies.
import { Problems, requireBodyObject } from "./bodyProblems.js";
import { badRequest, unprocessable } from "../http/errors.js";
import { maxLeaseTimeInMinutes, minLeaseTimeInMinutes, renderingSessionSizes } from "../../limits.js";
import type { WireSessionSize } from "./wireTypes.js";

export const RESOURCE_ID_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;
export const ACCOUNT_ID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SESSION_SIZES: readonly WireSessionSize[] = renderingSessionSizes;

export function validateAccountIdParameter(value: string): void {
  if (!ACCOUNT_ID_PATTERN.test(value)) {
    throw badRequest(
      "The account_id value must be a UUID such as 30ea64bd-100f-4bf0-adc9-29fa45d4880c.",
      "account_id",
    );
  }
}

export function validateResourceIdParameter(value: string, name: "session_id" | "conversion_id"): void {
  if (!RESOURCE_ID_PATTERN.test(value)) {
    throw badRequest(
      `The ${name} value must be 1 to 256 characters, each a letter, a digit, '-' or '_'.`,
      name,
    );
  }
}

function checkLease(problems: Problems, value: unknown): number | undefined {
  const name = "maxLeaseTimeMinutes";
  if (value === undefined || value === null) {
    problems.add(name, `The ${name} field is required.`);
  } else if (typeof value !== "number" || !Number.isInteger(value)) {
    problems.add(
      name,
      `The ${name} value must be an integer from ${minLeaseTimeInMinutes} to ${maxLeaseTimeInMinutes}.`,
    );
  } else if (value < minLeaseTimeInMinutes) {
    problems.add(name, `The ${name} value cannot be negative.`);
  } else if (value > maxLeaseTimeInMinutes) {
    problems.add(name, `The ${name} value cannot be larger than ${maxLeaseTimeInMinutes}.`);
  } else {
    return value;
  }
  return undefined;
}

export function parseCreateSessionBody(body: unknown): {
  size: WireSessionSize;
  maxLeaseTimeMinutes: number;
} {
  const object = requireBodyObject(body);
  const problems = new Problems();
  const maxLeaseTimeMinutes = checkLease(problems, object["maxLeaseTimeMinutes"]);
  const size = object["size"];
  if (size === undefined || size === null) {
    problems.add("size", "The size field is required.");
  } else if (!SESSION_SIZES.includes(size as WireSessionSize)) {
    problems.add("size", "The size value must be Standard or Premium.");
  }
  problems.throwIfAny();
  return { size: size as WireSessionSize, maxLeaseTimeMinutes: maxLeaseTimeMinutes as number };
}

/**
 * Range checks only; "larger than the current lease" is checked against the stored session. The
 * update operation lists no 400: an invalid maxLeaseTimeMinutes is its 422, so that is the answer.
 */
export function parseUpdateSessionBody(body: unknown): { maxLeaseTimeMinutes: number } {
  const object = requireBodyObject(body);
  const problems = new Problems();
  const maxLeaseTimeMinutes = checkLease(problems, object["maxLeaseTimeMinutes"]);
  const [problem] = problems.list;
  if (problem !== undefined) throw unprocessable(problem.message, problem.target ?? undefined);
  return { maxLeaseTimeMinutes: maxLeaseTimeMinutes as number };
}
