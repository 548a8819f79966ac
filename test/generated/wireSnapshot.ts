// Records what the generated clients put on the wire (method, URL, selected headers, body) and compares
// it with a committed snapshot. Set UPDATE_WIRE_SNAPSHOT=1 to rewrite the snapshot after a deliberate change.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export interface WireRequest {
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Request headers worth pinning: the rest (user agent, request id, ...) vary by machine or run. */
const pinnedHeaders = ["accept", "authorization", "content-type", "x-mrc-cv"];

export function wireRequest(
  operation: string,
  request: { method?: string | undefined; headers: Record<string, string | string[] | undefined> },
  url: string,
  body: unknown,
): WireRequest {
  const headers: Record<string, string> = {};
  for (const name of pinnedHeaders) {
    const value = request.headers[name];
    if (value !== undefined) {
      headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
  }
  const parsed = typeof body === "string" && body.length > 0 ? (JSON.parse(body) as unknown) : body;
  return { operation, method: request.method ?? "", url, headers, body: parsed === "" ? null : parsed };
}

export function assertWireSnapshot(file: string, requests: readonly WireRequest[]): void {
  const text = `${JSON.stringify(requests, null, 2)}\n`;
  if (process.env["UPDATE_WIRE_SNAPSHOT"] === "1") {
    writeFileSync(file, text);
    return;
  }
  assert.ok(existsSync(file), `${file} is missing: run the test once with UPDATE_WIRE_SNAPSHOT=1`);
  assert.deepEqual(requests, JSON.parse(readFileSync(file, "utf8")) as unknown);
}
