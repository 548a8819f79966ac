// The data file: accounts, sessions and conversions as JSON. Writes go to a temporary file in
// the same folder, are flushed to disk, then renamed over the data file, so a crash leaves either
// the old or the new content, never a mix. Writes are serialized and coalesced.
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { EmulatorAccount } from "../auth/accounts.js";
import type { EmulatorState, StoredConversion, StoredSession } from "./state.js";
import { createEmptyState, resourceKey } from "./state.js";

export const STATE_FILE_FORMAT = "arr-emulator-state/1";

export interface PersistedData {
  accounts: EmulatorAccount[];
  signingSecret: Buffer;
  state: EmulatorState;
}

interface StateFileJson {
  format: string;
  signingSecret: string;
  accounts: EmulatorAccount[];
  nextSequence: number;
  sessions: StoredSession[];
  conversions: StoredConversion[];
}

export function serializeState(data: PersistedData): string {
  const json: StateFileJson = {
    format: STATE_FILE_FORMAT,
    signingSecret: data.signingSecret.toString("base64"),
    accounts: data.accounts,
    nextSequence: data.state.nextSequence,
    sessions: [...data.state.sessions.values()],
    conversions: [...data.state.conversions.values()],
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}

function invalid(file: string, reason: string): Error {
  return new Error(`The emulator data file ${file} cannot be used: ${reason}. Move it away or fix it.`);
}

export function parseState(text: string, file: string): PersistedData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(file, "it is not valid JSON");
  }
  const json = value as Partial<StateFileJson> | null;
  if (typeof json !== "object" || json === null || json.format !== STATE_FILE_FORMAT) {
    throw invalid(file, `it does not start with "format": "${STATE_FILE_FORMAT}"`);
  }
  if (
    typeof json.signingSecret !== "string" ||
    !Array.isArray(json.accounts) ||
    !Array.isArray(json.sessions) ||
    !Array.isArray(json.conversions) ||
    typeof json.nextSequence !== "number"
  ) {
    throw invalid(file, "signingSecret, accounts, sessions, conversions or nextSequence is missing");
  }
  const state = createEmptyState();
  state.nextSequence = json.nextSequence;
  for (const session of [...json.sessions].sort((a, b) => a.sequence - b.sequence)) {
    state.sessions.set(resourceKey(session.accountId, session.id), session);
    if (session.stoppedAtInMs !== null) state.sessions.close(session);
  }
  for (const conversion of [...json.conversions].sort((a, b) => a.sequence - b.sequence)) {
    state.conversions.set(resourceKey(conversion.accountId, conversion.id), conversion);
  }
  return { accounts: json.accounts, signingSecret: Buffer.from(json.signingSecret, "base64"), state };
}

/** Reads the data file; undefined when it does not exist yet. */
export async function loadStateFile(file: string): Promise<PersistedData | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return parseState(text, file);
}

export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    const handle = await fs.open(temporary, "w", 0o600);
    try {
      await handle.writeFile(content, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Saves snapshots one at a time. A save requested while another is running waits for it, then
 * writes once for every request that came in meanwhile.
 */
export class StateFileWriter {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => string,
  ) {}

  save(): Promise<void> {
    if (this.queued !== undefined) return this.queued;
    if (this.running === undefined) return this.start();
    const previous = this.running;
    this.queued = previous
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<void> {
    const run = writeFileAtomically(this.file, this.snapshot()).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}
