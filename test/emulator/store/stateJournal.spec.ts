// The data file on disk: temporary files, folders that cannot hold it, and compaction. (A process
// killed in the middle of saves is a scenario of test/reliability/killDuringSaves.spec.ts.)
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "../../../src/emulator/index";
import { createRandomSource } from "../../../src/emulator/faults/randomSource";
import { createSession, stopSession } from "../../../src/emulator/store/sessionStore";
import { createEmptyState } from "../../../src/emulator/store/state";
import { parseStateFile } from "../../../src/emulator/store/stateFile";
import { StateJournal } from "../../../src/emulator/store/stateJournal";

const ACCOUNT = "30ea64bd-100f-4bf0-adc9-29fa45d4880c";
const SETTINGS = {
  startupInMs: { Standard: 1000, Premium: 5000 },
  teraflops: { Standard: 10.6, Premium: 33.2 },
};

/** A pid no process has (beyond the kernel's largest), for temporary files of a dead process. */
const DEAD_PID = 2 ** 22 + 12345;

describe("emulator data file on disk", () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "arr-journal-"));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it("removes temporary files of a process that died, and keeps those of a running one", async () => {
    const dataFile = path.join(folder, "state.json");
    const stale = `.state.json.${DEAD_PID}.0a1b2c3d.tmp`;
    const live = `.state.json.${process.ppid}.0a1b2c3d.tmp`;
    const other = `.other.json.${DEAD_PID}.0a1b2c3d.tmp`;
    for (const name of [stale, live, other]) await fs.writeFile(path.join(folder, name), "partial");
    const emulator = await startEmulator({ dataFile, logger: false });
    await emulator.close();
    assert.deepEqual((await fs.readdir(folder)).sort(), [live, other, "state.json"].sort());
  });

  it("refuses a missing folder, a folder in place of the file and a path through a file with a RangeError naming the file", async () => {
    const file = path.join(folder, "plain.txt");
    await fs.writeFile(file, "x");
    const cases: Array<[string, RegExp]> = [
      [path.join(folder, "missing", "state.json"), /its folder does not exist/],
      [folder, /it is a folder/],
      [path.join(file, "state.json"), /a part of its path is not a folder/],
    ];
    for (const [dataFile, reason] of cases) {
      await assert.rejects(startEmulator({ dataFile, logger: false }), (error: Error) => {
        assert.ok(error instanceof RangeError, `${dataFile}: ${error.name} ${error.message}`);
        assert.ok(
          error.message.startsWith(`The emulator data file ${dataFile} cannot be used: `),
          error.message,
        );
        assert.match(error.message, reason);
        return true;
      });
    }
    assert.deepEqual((await fs.readdir(folder)).sort(), ["plain.txt"]);
  });

  it("appends changes, compacts once the lines outnumber the records, and removes its temporary file when a compaction fails", async () => {
    const dataFile = path.join(folder, "journal.json");
    const state = createEmptyState();
    const random = createRandomSource(1);
    const data = { accounts: [], signingSecret: Buffer.alloc(32, 7), state };
    const journal = await StateJournal.open(dataFile, data, { minCompactionLines: 10 });
    const lineCount = async () => (await fs.readFile(dataFile, "utf8")).split("\n").length - 1;
    try {
      assert.equal(await lineCount(), 1, "the header");
      for (let i = 0; i < 8; i += 1) {
        createSession(
          state,
          { accountId: ACCOUNT, sessionId: `s${i}`, size: "Standard", maxLeaseTimeMinutes: 5 },
          0,
          SETTINGS,
          random,
          () => null,
        );
        await journal.save();
      }
      assert.equal(await lineCount(), 9);
      const inode = (await fs.stat(dataFile)).ino;
      for (let i = 0; i < 4; i += 1) {
        stopSession(state, ACCOUNT, `s${i}`, 10);
        await journal.save();
      }
      // 8 + 4 lines for 8 records: the save that passed 10 lines rewrote the file.
      assert.notEqual((await fs.stat(dataFile)).ino, inode, "compacted into a new file");
      assert.ok((await lineCount()) <= 1 + 8 + 2, `${await lineCount()} lines`);
      const parsed = parseStateFile(await fs.readFile(dataFile, "utf8"), dataFile);
      assert.deepEqual(
        [...parsed.state.sessions.values()].map((session) => [session.id, session.stoppedAtInMs]),
        [...state.sessions.values()].map((session) => [session.id, session.stoppedAtInMs]),
      );
      // A compaction that cannot rename its file over the data file fails the save and leaves nothing.
      await fs.rm(dataFile);
      await fs.mkdir(dataFile);
      await fs.writeFile(path.join(dataFile, "blocker"), "x");
      // Appends still reach the old file; the save whose changes call for a compaction fails.
      let failure: unknown;
      const save = () => journal.save().catch((error: unknown) => (failure = error));
      for (let i = 8; i < 20 && failure === undefined; i += 1) {
        createSession(
          state,
          { accountId: ACCOUNT, sessionId: `s${i}`, size: "Standard", maxLeaseTimeMinutes: 5 },
          0,
          SETTINGS,
          random,
          () => null,
        );
        await save();
      }
      for (let i = 8; i < 20 && failure === undefined; i += 1) {
        stopSession(state, ACCOUNT, `s${i}`, 10);
        await save();
      }
      assert.ok(failure instanceof Error, "a compaction was tried and failed");
      assert.deepEqual(await fs.readdir(folder), ["journal.json"], "no temporary file is left");
    } finally {
      await journal.close();
    }
  });
  // A process killed (SIGKILL) in the middle of saves: test/reliability/killDuringSaves.spec.ts.
});
