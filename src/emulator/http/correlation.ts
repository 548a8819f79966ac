// Correlation vectors. Like the service, every answer carries a fresh `MS-CV`: 16 random bytes
// in base64 followed by ".0" (for example "cMGAhl1++ECkmWIec9Ht/w.0").
import { randomBytes } from "node:crypto";

export function newCorrelationVector(): string {
  return `${randomBytes(16).toString("base64").replace(/=+$/, "")}.0`;
}

/** A client's correlation vector (X-MRC-CV or MS-CV), cleaned up for a log line. */
export function clientCorrelationVector(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === "") return undefined;
  return text.replace(/[^A-Za-z0-9+/=._-]/g, "").slice(0, 64);
}
