// The local emulator commands fall back to when no account is configured. `arr emulator` records
// where it listens in a small file in the temporary folder; commands use that emulator while its
// process is alive. Without one, a command starts an emulator inside its own process for its
// duration, on a data file in the temporary folder, so sessions carry over from one command to the
// next.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { emulatorModule } from "../lazyModules.js";

/** The blob service of a local emulator: where conversions read and write, and its key. */
export interface LocalBlobStorage {
  readonly blobEndpoint: string;
  readonly accountName: string;
  readonly accountKey: string;
}

/** What `arr emulator` records about itself for other commands. */
export interface EmulatorRecord {
  readonly url: string;
  readonly pid: number;
  readonly accountId: string;
  readonly accountKey: string;
  readonly dataFile?: string;
  readonly storage?: LocalBlobStorage;
}

export interface LocalEmulator {
  readonly url: string;
  readonly accountId: string;
  readonly accountKey: string;
  /** Its blob service, if it has one. */
  readonly storage: LocalBlobStorage | undefined;
  close(): Promise<void>;
}

function userTag(): string {
  try {
    const { uid, username } = os.userInfo();
    return uid >= 0 ? String(uid) : username.replace(/[^A-Za-z0-9_-]/g, "_");
  } catch {
    return "user";
  }
}

/** The record file of a running `arr emulator` (one per user, in the temporary folder). */
export function emulatorRecordPath(): string {
  return path.join(os.tmpdir(), `arr-emulator-${userTag()}.json`);
}

/** The data file of emulators started inside a command. */
export function commandEmulatorDataFile(): string {
  return path.join(os.tmpdir(), `arr-emulator-${userTag()}-data.json`);
}

/** Writes the record atomically, readable only by the user (it holds the emulator's account key). */
export async function writeEmulatorRecord(record: EmulatorRecord): Promise<void> {
  const file = emulatorRecordPath();
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(record, null, 2) + "\n", { mode: 0o600 });
  await fs.rename(temporary, file);
}

/** Removes the record if it still describes the process `pid`. */
export async function removeEmulatorRecord(pid: number): Promise<void> {
  const record = await readEmulatorRecord();
  if (record?.pid === pid) await fs.rm(emulatorRecordPath(), { force: true });
}

async function readEmulatorRecord(): Promise<EmulatorRecord | undefined> {
  try {
    const value = JSON.parse(await fs.readFile(emulatorRecordPath(), "utf8")) as Partial<EmulatorRecord>;
    const valid =
      typeof value.url === "string" &&
      typeof value.pid === "number" &&
      typeof value.accountId === "string" &&
      typeof value.accountKey === "string";
    return valid ? (value as EmulatorRecord) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/** The emulator recorded by a running `arr emulator`, if its process is alive and answering. */
export async function findRunningEmulator(): Promise<EmulatorRecord | undefined> {
  const record = await readEmulatorRecord();
  if (record === undefined || !isAlive(record.pid)) return undefined;
  return (await answers(record.url)) ? record : undefined;
}

export interface ConnectLocalEmulatorOptions {
  readonly note: (text: string) => void;
  /** Start a blob service with an emulator started for this command (conversions with --input). */
  readonly storage?: boolean;
}

/** A running `arr emulator`, or else an emulator started in this process until `close()`. */
export async function connectLocalEmulator(options: ConnectLocalEmulatorOptions): Promise<LocalEmulator> {
  const running = await findRunningEmulator();
  if (running !== undefined) {
    options.note(`No account configured: using the local emulator at ${running.url} (pid ${running.pid}).`);
    return { ...running, storage: running.storage, close: async () => undefined };
  }
  const dataFile = commandEmulatorDataFile();
  const emulator = await emulatorModule().startEmulator({
    port: 0,
    host: "127.0.0.1",
    dataFile,
    logger: () => undefined,
    ...(options.storage === true ? { storage: true } : {}),
  });
  const account = emulator.accounts[0];
  if (account === undefined) throw new Error("The emulator started without an account.");
  options.note(
    `No account configured: using a local emulator started for this command (data in ${dataFile}). ` +
      "Run `arr emulator` in another terminal to keep one running." +
      (emulator.storage === undefined ? "" : " Its blob storage lives in memory and ends with this command."),
  );
  let closing: Promise<void> | undefined;
  return {
    url: emulator.url,
    accountId: account.accountId,
    accountKey: account.accountKey,
    storage: emulator.storage,
    close: () => (closing ??= emulator.close()),
  };
}
