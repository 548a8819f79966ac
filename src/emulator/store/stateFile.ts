// The data file's content: a journal of JSON lines. The first line holds the format, the token
// signing secret, the accounts and the next sequence number; every other line is one session or
// conversion, as it was after a change (a later line for the same resource replaces an earlier one):
//   {"format":"arr-emulator-state/2","signingSecret":"...","accounts":[...],"nextSequence":3}
//   {"session":{"accountId":"...","id":"s1",...}}
//   {"conversion":{"accountId":"...","id":"c1",...}}
// Files of the first format (one indented JSON document) are read too. Pure: no I/O here.
import { validateAccounts, type EmulatorAccount } from "../auth/accounts.js";
import {
  createEmptyState,
  resourceKey,
  type EmulatorState,
  type StoredConversion,
  type StoredSession,
} from "./state.js";
import { checkSigningSecret, checkStoredConversion, checkStoredSession } from "./storedRecordChecks.js";

export const STATE_FILE_FORMAT = "arr-emulator-state/2";
/** The earlier format: one JSON document, rewritten whole on every change. Read, never written. */
export const STATE_FILE_FORMAT_1 = "arr-emulator-state/1";

export interface PersistedData {
  accounts: EmulatorAccount[];
  signingSecret: Buffer;
  state: EmulatorState;
}

export interface ParsedStateFile extends PersistedData {
  /** An unfinished last line (a save cut short by a crash, never acknowledged), left out. */
  tornTail: boolean;
  /** Lines after the header: how much a rewrite would shorten the file. */
  recordLines: number;
}

export type StoredRecord = { session: StoredSession } | { conversion: StoredConversion };

/** The error for an unusable data file: a RangeError (the dataFile option names a bad file). */
export function dataFileError(file: string, reason: string, cause?: unknown): RangeError {
  return new RangeError(
    `The emulator data file ${file} cannot be used: ${reason}. Move it away or fix it.`,
    cause === undefined ? undefined : { cause },
  );
}

export function headerLine(data: PersistedData): string {
  return `${JSON.stringify({
    format: STATE_FILE_FORMAT,
    signingSecret: data.signingSecret.toString("base64"),
    accounts: data.accounts,
    nextSequence: data.state.nextSequence,
  })}\n`;
}

export function recordLine(record: StoredRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** The whole state as a compact journal: the header and one line per record. */
export function* serializeState(data: PersistedData): Generator<string, void, undefined> {
  yield headerLine(data);
  for (const session of data.state.sessions.values()) yield recordLine({ session });
  for (const conversion of data.state.conversions.values()) yield recordLine({ conversion });
}

class Records {
  readonly sessions = new Map<string, StoredSession>();
  readonly conversions = new Map<string, StoredConversion>();
  private readonly owners = new Map<number, string>();

  add(kind: "session" | "conversion", record: StoredSession | StoredConversion): void {
    const key = resourceKey(record.accountId, record.id);
    const owner = `${kind} ${key}`;
    const previous = this.owners.get(record.sequence);
    if (previous !== undefined && previous !== owner) {
      throw new Error(`sequence ${record.sequence} is used by both ${previous} and ${owner}`);
    }
    const earlier = kind === "session" ? this.sessions.get(key) : this.conversions.get(key);
    if (earlier !== undefined && earlier.sequence !== record.sequence) {
      throw new Error(`the sequence of ${owner} changed from ${earlier.sequence} to ${record.sequence}`);
    }
    this.owners.set(record.sequence, owner);
    if (kind === "session") this.sessions.set(key, record as StoredSession);
    else this.conversions.set(key, record as StoredConversion);
  }

  toState(nextSequence: number): EmulatorState {
    const state = createEmptyState();
    const bySequence = <T extends { sequence: number }>(items: Iterable<T>): T[] =>
      [...items].sort((a, b) => a.sequence - b.sequence);
    for (const session of bySequence(this.sessions.values())) {
      state.sessions.set(resourceKey(session.accountId, session.id), session);
      if (session.stoppedAtInMs !== null) state.sessions.close(session);
    }
    for (const conversion of bySequence(this.conversions.values())) {
      state.conversions.set(resourceKey(conversion.accountId, conversion.id), conversion);
    }
    let last = 0;
    for (const sequence of this.owners.keys()) if (sequence > last) last = sequence;
    state.nextSequence = Math.max(nextSequence, last + 1);
    return state;
  }
}

function header(
  value: unknown,
  file: string,
  where: string,
): { accounts: EmulatorAccount[]; signingSecret: Buffer; nextSequence: number } {
  const fields = value as Record<string, unknown>;
  let signingSecret: Buffer;
  try {
    signingSecret = checkSigningSecret(fields.signingSecret);
  } catch (error) {
    throw dataFileError(file, `${where}: ${(error as Error).message}`);
  }
  if (!Array.isArray(fields.accounts)) throw dataFileError(file, `${where}: accounts must be an array`);
  let accounts: EmulatorAccount[] = [];
  try {
    if (fields.accounts.length > 0) accounts = validateAccounts(fields.accounts, "accounts");
  } catch (error) {
    throw dataFileError(file, `${where}: ${(error as Error).message.replace(/\.$/, "")}`);
  }
  const nextSequence = fields.nextSequence;
  if (typeof nextSequence !== "number" || !Number.isSafeInteger(nextSequence) || nextSequence < 1) {
    throw dataFileError(file, `${where}: nextSequence must be an integer of 1 or more`);
  }
  return { accounts, signingSecret, nextSequence };
}

function addChecked(
  records: Records,
  file: string,
  where: string,
  kind: "session" | "conversion",
  value: unknown,
): void {
  const id = (value as { id?: unknown } | null)?.id;
  const place = `${where} (${kind}${typeof id === "string" ? ` ${JSON.stringify(id.slice(0, 80))}` : ""})`;
  try {
    records.add(kind, kind === "session" ? checkStoredSession(value) : checkStoredConversion(value));
  } catch (error) {
    throw dataFileError(file, `${place}: ${(error as Error).message}`);
  }
}

function parseFormat1(value: Record<string, unknown>, file: string): ParsedStateFile {
  if (!Array.isArray(value.sessions) || !Array.isArray(value.conversions)) {
    throw dataFileError(file, "sessions or conversions is missing");
  }
  const top = header(value, file, "the file");
  const records = new Records();
  value.sessions.forEach((session: unknown, index) =>
    addChecked(records, file, `sessions[${index}]`, "session", session),
  );
  value.conversions.forEach((conversion: unknown, index) =>
    addChecked(records, file, `conversions[${index}]`, "conversion", conversion),
  );
  const state = records.toState(top.nextSequence);
  return {
    accounts: top.accounts,
    signingSecret: top.signingSecret,
    state,
    tornTail: false,
    recordLines: Number.POSITIVE_INFINITY,
  };
}

/** Reads a data file's text; errors name the file, the line or record, and the field. */
export function parseStateFile(text: string, file: string): ParsedStateFile {
  const lines = text.split("\n");
  const firstLine = lines[0] ?? "";
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    // The first format is one indented document.
    try {
      first = JSON.parse(text);
    } catch {
      throw dataFileError(file, "it is not valid JSON");
    }
    const document = first as Record<string, unknown> | null;
    if (typeof document === "object" && document !== null && document.format === STATE_FILE_FORMAT_1) {
      return parseFormat1(document, file);
    }
  }
  const fields = first as Record<string, unknown> | null;
  if (typeof fields !== "object" || fields === null || fields.format !== STATE_FILE_FORMAT) {
    if (typeof fields === "object" && fields !== null && fields.format === STATE_FILE_FORMAT_1) {
      return parseFormat1(fields, file);
    }
    throw dataFileError(file, `it does not start with "format": "${STATE_FILE_FORMAT}"`);
  }
  const top = header(fields, file, "line 1");
  const records = new Records();
  // A file ends with a newline; text after the last one is a save that a crash cut short.
  const tornTail = lines[lines.length - 1] !== "";
  const complete = lines.slice(1, -1);
  complete.forEach((line, index) => {
    const where = `line ${index + 2}`;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      throw dataFileError(file, `${where} is not valid JSON`);
    }
    const record = entry as Record<string, unknown> | null;
    if (typeof record === "object" && record !== null && "session" in record) {
      addChecked(records, file, where, "session", record.session);
    } else if (typeof record === "object" && record !== null && "conversion" in record) {
      addChecked(records, file, where, "conversion", record.conversion);
    } else {
      throw dataFileError(file, `${where} is neither {"session": ...} nor {"conversion": ...}`);
    }
  });
  return {
    accounts: top.accounts,
    signingSecret: top.signingSecret,
    state: records.toState(top.nextSequence),
    tornTail,
    recordLines: complete.length,
  };
}
