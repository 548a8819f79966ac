// Collecting the problems of a request body. Each problem names its field in `target`; when a body
// has several, the first is reported and all of them are listed in `details`.
import { badRequest } from "../http/errors.js";
import type { WireError } from "./wireTypes.js";

export class Problems {
  readonly list: WireError[] = [];
  add(target: string, message: string): void {
    this.list.push({ code: "BadRequest", message, target });
  }
  throwIfAny(): void {
    const first = this.list[0];
    if (first === undefined) return;
    throw badRequest(first.message, first.target ?? undefined, this.list.length > 1 ? this.list : undefined);
  }
}

export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function requireBodyObject(body: unknown): Record<string, unknown> {
  const object = asObject(body);
  if (object === undefined) throw badRequest("The request body must be a JSON object.", "body");
  return object;
}
