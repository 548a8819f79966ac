import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ManualClock, startEmulator, type EmulatorAccount } from "../../../src/emulator/index";
import type {
  WireConversion,
  WireSession,
  WireSessionList,
} from "../../../src/emulator/operations/wireTypes";
import { START_TIME_IN_MS, callUrl, dataPlaneUrl, fetchToken } from "../support/emulatorHarness";

/** The records of a data file (a journal of JSON lines: later lines replace earlier ones). */
function readJournal(text: string): { header: Record<string, unknown>; sessions: Map<string, WireSession> } {
  const [first, ...rest] = text.split("\n");
  const sessions = new Map<string, WireSession>();
  for (const line of rest.filter((entry) => entry !== "")) {
    const record = JSON.parse(line) as { session?: WireSession };
    if (record.session !== undefined) sessions.set(record.session.id, record.session);
  }
  return { header: JSON.parse(first ?? "") as Record<string, unknown>, sessions };
}

const ACCOUNT = { accountId: "5e1f0c2a-8d3b-4e6f-9a7c-1b2d3e4f5a6b", accountKey: "persisted-key" };

describe("emulator persistence", () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "arr-emulator-"));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  const start = (dataFile: string, clock: ManualClock, accounts?: EmulatorAccount[]) =>
    startEmulator({
      dataFile,
      clock,
      logger: false,
      seed: 1,
      pageSize: 2,
      sessionStartupInSeconds: { Standard: 60 },
      ...(accounts === undefined ? {} : { accounts }),
    });

  it("keeps accounts, sessions, conversions and issued tokens across a restart", async () => {
    const dataFile = path.join(folder, "state.json");
    const clock = new ManualClock(START_TIME_IN_MS);
    const first = await start(dataFile, clock, [ACCOUNT]);
    const token = await fetchToken(first.url, ACCOUNT);
    const url = (base: string, p: string) => dataPlaneUrl(base, ACCOUNT.accountId, p);
    for (const id of ["kept-1", "kept-2"]) {
      await callUrl("PUT", url(first.url, `/sessions/${id}`), {
        token,
        body: { maxLeaseTimeMinutes: 30, size: "Standard" },
      });
    }
    clock.advance(60_000);
    await callUrl("PATCH", url(first.url, "/sessions/kept-1"), { token, body: { maxLeaseTimeMinutes: 45 } });
    await callUrl("POST", url(first.url, "/sessions/kept-2/:stop"), { token });
    const conversion = await callUrl("PUT", url(first.url, "/conversions/conv-1"), {
      token,
      body: {
        settings: {
          inputLocation: {
            storageContainerUri: "https://a.blob.core.windows.net/in",
            storageContainerReadListSas: "secret-read",
            relativeInputAssetPath: "a.fbx",
          },
          outputLocation: {
            storageContainerUri: "https://a.blob.core.windows.net/out",
            storageContainerWriteSas: "secret-write",
          },
        },
      },
    });
    const before = (await callUrl("GET", url(first.url, "/sessions/kept-1"), { token })).body as WireSession;
    await first.close();

    const saved = await fs.readFile(dataFile, "utf8");
    assert.ok(!saved.includes("secret-read") && !saved.includes("secret-write"), "SAS tokens are not kept");
    assert.deepEqual(
      (await fs.readdir(folder)).filter((name) => name !== "state.json"),
      [],
      "no temporary files are left behind",
    );

    const second = await start(dataFile, clock);
    try {
      assert.deepEqual(
        second.accounts.map((account) => account.accountId),
        [ACCOUNT.accountId],
      );
      assert.equal(second.usesDefaultAccount, false);
      const after = (await callUrl("GET", url(second.url, "/sessions/kept-1"), { token }))
        .body as WireSession;
      assert.deepEqual(after, before, "same session, and the old token still works");
      const stopped = (await callUrl("GET", url(second.url, "/sessions/kept-2"), { token }))
        .body as WireSession;
      assert.equal(stopped.status, "Stopped");
      const restored = (await callUrl("GET", url(second.url, "/conversions/conv-1"), { token }))
        .body as WireConversion;
      assert.equal(restored.creationTime, (conversion.body as WireConversion).creationTime);
      await callUrl("PUT", url(second.url, "/sessions/kept-3"), {
        token,
        body: { maxLeaseTimeMinutes: 30, size: "Standard" },
      });
      const page = (await callUrl("GET", url(second.url, "/sessions"), { token })).body as WireSessionList;
      assert.deepEqual(
        page.sessions.map((session) => session.id),
        ["kept-1", "kept-3"],
        "creation order continues",
      );
    } finally {
      await second.close();
    }
  });

  it("keeps the default account when none is configured", async () => {
    const dataFile = path.join(folder, "default.json");
    const first = await start(dataFile, new ManualClock());
    assert.equal(first.usesDefaultAccount, true);
    await first.close();
    const second = await start(dataFile, new ManualClock());
    try {
      assert.equal(second.usesDefaultAccount, true);
      assert.deepEqual(second.accounts, first.accounts);
    } finally {
      await second.close();
    }
  });

  it("refuses to start on a data file it cannot read, and leaves the file alone", async () => {
    const dataFile = path.join(folder, "broken.json");
    for (const content of [
      "{ not json",
      JSON.stringify({ format: "something-else" }),
      JSON.stringify({ format: "arr-emulator-state/1" }),
    ]) {
      await fs.writeFile(dataFile, content);
      await assert.rejects(start(dataFile, new ManualClock()), (error: Error) => {
        assert.match(error.message, /broken\.json cannot be used/);
        return true;
      });
      assert.equal(await fs.readFile(dataFile, "utf8"), content);
    }
  });

  it("writes each change to disk before answering, by appending, and replaces the file whole when compacting", async () => {
    const dataFile = path.join(folder, "busy.json");
    const emulator = await start(dataFile, new ManualClock(), [ACCOUNT]);
    let beforeRestart: Buffer;
    try {
      const token = await fetchToken(emulator.url, ACCOUNT);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          callUrl("PUT", dataPlaneUrl(emulator.url, ACCOUNT.accountId, `/sessions/busy-${i}`), {
            token,
            body: { maxLeaseTimeMinutes: 5, size: "Standard" },
          }),
        ),
      );
      assert.ok(answers.every((answer) => answer.status === 201));
      // Each 201 was sent after the record it created was in the file.
      assert.equal(readJournal(await fs.readFile(dataFile, "utf8")).sessions.size, 30);
      // A change appends to the file and never rewrites what is there, so a reader or a crash sees
      // every earlier change whole; an unfinished last line is a save that was never acknowledged.
      const before = await fs.readFile(dataFile);
      const inode = (await fs.stat(dataFile)).ino;
      const answer = await callUrl("PUT", dataPlaneUrl(emulator.url, ACCOUNT.accountId, "/sessions/busy-x"), {
        token,
        body: { maxLeaseTimeMinutes: 5, size: "Standard" },
      });
      assert.equal(answer.status, 201);
      const after = await fs.readFile(dataFile);
      assert.ok(after.subarray(0, before.length).equals(before), "the earlier content is unchanged");
      assert.equal(after.toString("utf8", before.length).split("\n").length, 2, "one line was added");
      assert.equal((await fs.stat(dataFile)).ino, inode);
      assert.equal(readJournal(after.toString("utf8")).sessions.size, 31);
      beforeRestart = after;
    } finally {
      await emulator.close();
    }
    // A start compacts the file: a new file, written whole, renamed over the old one, which a
    // reader that had it open still sees whole.
    const kept = await fs.open(dataFile, "r");
    try {
      const restarted = await start(dataFile, new ManualClock(), [ACCOUNT]);
      await restarted.close();
      assert.notEqual((await fs.stat(dataFile)).ino, (await kept.stat()).ino, "the data file was replaced");
      assert.ok((await kept.readFile()).equals(beforeRestart), "the old file is left whole");
      const compacted = await fs.readFile(dataFile, "utf8");
      assert.equal(compacted.split("\n").length, 1 + 31 + 1, "a header and one line per session");
      assert.equal(readJournal(compacted).sessions.size, 31);
    } finally {
      await kept.close();
    }
    assert.deepEqual(await fs.readdir(folder), ["busy.json"]);
  });
});
