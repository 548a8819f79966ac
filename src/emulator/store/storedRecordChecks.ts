// Checks of the records read from a data file, so that a damaged or hand-edited file is refused at
// start with the field at fault named, instead of failing later (or being saved again). Each check
// returns the record or throws an Error whose message names the field and the allowed form; the
// caller adds the file and the record's place.
import { LATEST_CLOCK_TIME_IN_MS } from "../config/clock.js";
import { maxLeaseTimeInMinutes, minLeaseTimeInMinutes, renderingSessionSizes } from "../../limits.js";
import { ACCOUNT_ID_PATTERN, RESOURCE_ID_PATTERN } from "../operations/validation.js";
import type { WireError } from "../operations/wireTypes.js";
import type { StoredConversion, StoredSession } from "./state.js";

/** The shortest token signing secret accepted from a file; the emulator makes 32-byte ones. */
export const MIN_SIGNING_SECRET_BYTES = 16;

/** Latest time a stored record may name: the clock's limit plus a year of derived times. */
const LATEST_STORED_TIME_IN_MS = LATEST_CLOCK_TIME_IN_MS + 366 * 86_400_000;

type Fields = Record<string, unknown>;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}

function fail(name: string, form: string, value: unknown): never {
  throw new Error(`${name} must be ${form}; got ${shown(value)}`);
}

function object(value: unknown, name: string): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(name, "an object", value);
  return value as Fields;
}

function string(fields: Fields, name: string, pattern?: RegExp): string {
  const value = fields[name];
  if (typeof value !== "string" || value === "" || (pattern !== undefined && !pattern.test(value))) {
    fail(name, pattern === undefined ? "a non-empty string" : `a string matching ${String(pattern)}`, value);
  }
  return value;
}

function integer(fields: Fields, name: string, min: number, max: number): number {
  const value = fields[name];
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail(name, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

function time(fields: Fields, name: string, notBefore = 0): number {
  const value = fields[name];
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < notBefore ||
    value > LATEST_STORED_TIME_IN_MS
  ) {
    fail(name, `a time in milliseconds from ${notBefore} to ${LATEST_STORED_TIME_IN_MS}`, value);
  }
  return value;
}

function storedError(value: unknown, name: string): WireError | null {
  if (value === null) return null;
  const fields = object(value, name);
  if (typeof fields.code !== "string" || fields.code === "" || typeof fields.message !== "string") {
    fail(name, "null or { code, message } with a non-empty code", value);
  }
  return value as WireError;
}

function accountAndId(fields: Fields): { accountId: string; id: string; sequence: number } {
  return {
    accountId: string(fields, "accountId", ACCOUNT_ID_PATTERN).toLowerCase(),
    id: string(fields, "id", RESOURCE_ID_PATTERN),
    sequence: integer(fields, "sequence", 1, Number.MAX_SAFE_INTEGER),
  };
}

export function checkStoredSession(value: unknown): StoredSession {
  const fields = object(value, "the session");
  const size = fields.size;
  if (!renderingSessionSizes.includes(size as StoredSession["size"])) {
    fail("size", renderingSessionSizes.map((name) => JSON.stringify(name)).join(" or "), size);
  }
  const requestedLeaseInMinutes = integer(
    fields,
    "requestedLeaseInMinutes",
    minLeaseTimeInMinutes,
    maxLeaseTimeInMinutes,
  );
  const createdAtInMs = time(fields, "createdAtInMs");
  const stoppedAtInMs = fields.stoppedAtInMs === null ? null : time(fields, "stoppedAtInMs", createdAtInMs);
  const hostname = fields.hostname;
  if (typeof hostname !== "string") fail("hostname", "a string", hostname);
  const teraflops = fields.teraflops;
  if (typeof teraflops !== "number" || !Number.isFinite(teraflops) || teraflops < 0) {
    fail("teraflops", "a number of 0 or more", teraflops);
  }
  return {
    ...(fields as object),
    ...accountAndId(fields),
    size: size as StoredSession["size"],
    requestedLeaseInMinutes,
    maxLeaseTimeMinutes: integer(
      fields,
      "maxLeaseTimeMinutes",
      requestedLeaseInMinutes,
      maxLeaseTimeInMinutes,
    ),
    createdAtInMs,
    creationTime: string(fields, "creationTime"),
    readyAtInMs: time(fields, "readyAtInMs", createdAtInMs),
    stoppedAtInMs,
    hostname,
    handshakePort: integer(fields, "handshakePort", 1, 65535),
    arrInspectorPort: integer(fields, "arrInspectorPort", 1, 65535),
    teraflops,
    startFailure: storedError(fields.startFailure, "startFailure"),
  };
}

export function checkStoredConversion(value: unknown): StoredConversion {
  const fields = object(value, "the conversion");
  const settings = object(fields.settings, "settings");
  for (const side of ["inputLocation", "outputLocation"] as const) {
    const location = object(settings[side], `settings.${side}`);
    string(location, "storageContainerUri");
    for (const key of Object.keys(location)) {
      if (/sas$/i.test(key))
        fail(`settings.${side}.${key}`, "absent (access signatures are never kept)", "...");
    }
  }
  const createdAtInMs = time(fields, "createdAtInMs");
  const runningAtInMs = time(fields, "runningAtInMs", createdAtInMs);
  return {
    ...(fields as object),
    ...accountAndId(fields),
    createdAtInMs,
    creationTime: string(fields, "creationTime"),
    settings: settings as unknown as StoredConversion["settings"],
    runningAtInMs,
    finishedAtInMs: time(fields, "finishedAtInMs", runningAtInMs),
    failure: storedError(fields.failure, "failure"),
  } as StoredConversion;
}

/** The token signing secret: base64 of at least MIN_SIGNING_SECRET_BYTES bytes. */
export function checkSigningSecret(value: unknown): Buffer {
  const secret = typeof value === "string" ? Buffer.from(value, "base64") : undefined;
  if (
    secret === undefined ||
    secret.length < MIN_SIGNING_SECRET_BYTES ||
    secret.toString("base64").replace(/=+$/, "") !== (value as string).replace(/=+$/, "")
  ) {
    fail(
      "signingSecret",
      `base64 of at least ${MIN_SIGNING_SECRET_BYTES} bytes`,
      typeof value === "string" ? `${value.length} characters` : value,
    );
  }
  return secret;
}
