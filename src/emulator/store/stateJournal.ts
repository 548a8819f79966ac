// The data file on disk. Every change appends the records it touched as JSON lines and flushes them
// to disk (fdatasync) before the request is answered, so a write costs the same however much is
// stored, and an acknowledged change survives a crash. Saves requested while one runs are grouped
// into the next. When the appended lines outnumber the records (and at start), the file is
// compacted: the whole state goes to a temporary file in the same folder, which is flushed and
// renamed over the data file, so a crash leaves the old or the new file, never a mix. Temporary
// files of a process that died are removed at start; a failed compaction removes its own.
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import {
  dataFileError,
  parseStateFile,
  recordLine,
  serializeState,
  type ParsedStateFile,
  type PersistedData,
  type StoredRecord,
} from "./stateFile.js";

export interface StateJournalOptions {
  /** Appended lines that never trigger a compaction, however few records there are; 1000 by default. */
  minCompactionLines?: number;
}

/** Bytes written per call while compacting, so a large state does not block the event loop long. */
const COMPACTION_CHUNK_IN_BYTES = 1 << 20;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function temporaryPattern(file: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(path.basename(file))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
}

function temporaryPath(file: string): string {
  const name = `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  return path.join(path.dirname(file), name);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporary files that a process writing `file` left when it died (during a compaction). */
export async function removeStaleTemporaryFiles(file: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(file));
  } catch {
    return; // a missing folder is reported when the file is opened
  }
  const pattern = temporaryPattern(file);
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1] ?? Number.NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      await fs.rm(path.join(path.dirname(file), name), { force: true }).catch(() => undefined);
    }
  }
}

function fileProblem(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: "its folder does not exist",
    ENOTDIR: "a part of its path is not a folder",
    EISDIR: "it is a folder",
    EACCES: "it may not be read or written (EACCES)",
    EPERM: "it may not be read or written (EPERM)",
    EROFS: "it is on a read-only file system",
  };
  const reason = code === undefined ? undefined : reasons[code];
  return reason === undefined ? (error as Error) : dataFileError(file, reason, error);
}

/** Reads and checks the data file; undefined when it does not exist yet. */
export async function loadStateFile(file: string): Promise<ParsedStateFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw fileProblem(file, error);
  }
  return parseStateFile(text, file);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.open(folder, "r");
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot flush a folder; the rename is then as durable as they make it.
  } finally {
    await handle.close();
  }
}

export class StateJournal {
  private handle: FileHandle | undefined;
  private linesSinceCompaction = 0;
  private needsCompaction = true;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private readonly minCompactionLines: number;

  private constructor(
    private readonly file: string,
    private readonly data: PersistedData,
    options: StateJournalOptions,
  ) {
    this.minCompactionLines = options.minCompactionLines ?? 1000;
  }

  /** Writes the whole state to `file` (compacting it) and keeps it open for appending changes. */
  static async open(
    file: string,
    data: PersistedData,
    options: StateJournalOptions = {},
  ): Promise<StateJournal> {
    data.state.sessions.trackChanges();
    data.state.conversions.trackChanges();
    const journal = new StateJournal(file, data, options);
    try {
      await journal.save();
    } catch (error) {
      throw fileProblem(file, error);
    }
    return journal;
  }

  /**
   * Resolves once every change made before the call is on disk. A save requested while another runs
   * waits for it, then writes once for every request that came in meanwhile.
   */
  save(): Promise<void> {
    if (this.queued !== undefined) return this.queued;
    if (this.running === undefined) return this.start();
    this.queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  /** Finishes pending saves and closes the file. */
  async close(): Promise<void> {
    await this.save().catch(() => undefined);
    await this.handle?.close();
    this.handle = undefined;
  }

  private start(): Promise<void> {
    const run = this.flush().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async flush(): Promise<void> {
    const { sessions, conversions } = this.data.state;
    const changed: StoredRecord[] = [
      ...sessions.takeChanges().map((session) => ({ session })),
      ...conversions.takeChanges().map((conversion) => ({ conversion })),
    ];
    const recordCount = sessions.size + conversions.size;
    try {
      if (
        this.needsCompaction ||
        this.handle === undefined ||
        this.linesSinceCompaction + changed.length > Math.max(this.minCompactionLines, recordCount)
      ) {
        await this.compact();
        return;
      }
      if (changed.length === 0) return;
      await this.handle.write(changed.map(recordLine).join(""));
      await this.handle.datasync();
      this.linesSinceCompaction += changed.length;
    } catch (error) {
      // Write these records again next time; the file may end in part of a line, so rewrite it whole.
      for (const record of changed) {
        if ("session" in record) sessions.markChanged(record.session);
        else conversions.markChanged(record.conversion);
      }
      this.needsCompaction = true;
      throw error;
    }
  }

  private async compact(): Promise<void> {
    const temporary = temporaryPath(this.file);
    let handle: FileHandle | undefined;
    try {
      handle = await fs.open(temporary, "wx", 0o600);
      let chunk: string[] = [];
      let size = 0;
      for (const line of serializeState(this.data)) {
        chunk.push(line);
        size += line.length;
        if (size >= COMPACTION_CHUNK_IN_BYTES) {
          await handle.write(chunk.join(""));
          chunk = [];
          size = 0;
        }
      }
      await handle.write(chunk.join(""));
      await handle.sync();
      await fs.rename(temporary, this.file);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncFolder(path.dirname(this.file));
    // The temporary file's handle now reaches the data file, positioned at its end.
    const previous = this.handle;
    this.handle = handle;
    this.linesSinceCompaction = 0;
    this.needsCompaction = false;
    await previous?.close().catch(() => undefined);
  }
}
