// `arr session keep-alive` as a child process against two emulators: one whose clock runs 60 times
// faster than real time (a minute of lease passes in a second), and one whose clock moves only when
// the test advances it after each renewal, so renewals are what keeps a session alive.
import assert from "node:assert/strict";
import { makeTmpDir, parseJson, runArr, show, spawnArr, type ArrProcess } from "./support/arrProcess";
import { ManualClock } from "../../src/emulator/index";
import { startTestEmulator, type TestEmulator } from "./support/testEmulator";

const SPEED = 60;
// Renew every 0.005 minutes (0.3 s of real time), adding one emulated minute (1 s of real time).
const FAST_RENEWALS = ["--every", "0.005", "--by", "1"];

describe("arr session keep-alive", function () {
  let tmp: ReturnType<typeof makeTmpDir>;
  let emu: TestEmulator;

  before(async () => {
    tmp = makeTmpDir("keepalive");
    emu = await startTestEmulator({ clock: { speed: SPEED } });
  });
  after(async () => {
    await emu.close();
    tmp.remove();
  });

  const spawn = (args: string[]): ArrProcess => spawnArr(args, { tmpDir: tmp.dir, env: emu.env });

  async function readySession(id: string, maxLeaseTimeInMinutes: number): Promise<void> {
    await emu.client
      .beginSession(id, { size: "Standard", maxLeaseTimeInMinutes }, { intervalInMs: 20 })
      .pollUntilDone();
  }

  describe("on an emulator clock that moves only after each renewal", () => {
    // The clock advances 0.9 emulated minutes each time the child reports a renewal (+1 minute), so
    // the lease is never outrun however slowly the child starts or runs on a loaded machine; without
    // renewals the session would expire once the clock passed its original lease.
    const STEP_IN_MS = 0.9 * 60_000;
    let clock: ManualClock;
    let manual: TestEmulator;

    before(async () => {
      clock = new ManualClock();
      manual = await startTestEmulator({ clock });
    });
    after(() => manual.close());

    const spawnManual = (args: string[]): ArrProcess => spawnArr(args, { tmpDir: tmp.dir, env: manual.env });

    async function manualReadySession(id: string, maxLeaseTimeInMinutes: number): Promise<void> {
      const poller = manual.client.beginSession(
        id,
        { size: "Standard", maxLeaseTimeInMinutes },
        { intervalInMs: 20 },
      );
      await poller.submitted();
      clock.advance(60_000); // past the Standard start-up time
      await poller.pollUntilDone();
    }

    /** Advances the clock one step after each of the first `count` renewals the child prints. */
    async function stepWithRenewals(arr: ArrProcess, pattern: string, count: number): Promise<void> {
      for (let renewal = 1; renewal <= count; renewal++) {
        await arr.waitFor(new RegExp(`(?:${pattern}[^\\n]*\\n[\\s\\S]*?){${renewal}}`), "stdout");
        clock.advance(STEP_IN_MS);
      }
    }

    it("keeps a session Ready beyond its original lease, then leaves it running on Ctrl-C", async () => {
      await manualReadySession("ka-1", 3);
      const arr = spawnManual(["session", "keep-alive", "ka-1", ...FAST_RENEWALS]);
      await arr.waitFor(/Keeping session ka-1 alive: \+1 minutes every 0\.005 minutes\. Ctrl-C to end\./);
      // Five steps of 0.9 minutes after the minute of start-up: 5.5 minutes since creation.
      await stepWithRenewals(arr, "Renewed session ka-1:", 5);
      const beyond = await manual.client.getSession("ka-1");
      assert.equal(beyond.status, "Ready");
      assert.ok((beyond.elapsedTimeInMinutes ?? 0) > 3, `elapsed ${beyond.elapsedTimeInMinutes}`);
      arr.interrupt("SIGINT");
      const result = await arr.exited;
      assert.equal(result.code, 0, show(result));

      const renewals =
        result.stdout.match(/^Renewed session ka-1: lease \d+ minutes, ends about \S+\.$/gm) ?? [];
      assert.ok(renewals.length >= 5, show(result));
      const leases = [...result.stdout.matchAll(/lease (\d+) minutes/g)].map((m) => Number(m[1]));
      leases.forEach((lease, i) => assert.equal(lease, 3 + (i + 1), `renewal ${i + 1}`));
      assert.match(
        result.stderr,
        new RegExp(
          `Stopped keeping session ka-1 alive after ${renewals.length} renewals; the session keeps running`,
        ),
      );
      const session = await manual.client.getSession("ka-1");
      assert.equal(session.status, "Ready");
      assert.equal(session.maxLeaseTimeInMinutes, 3 + renewals.length);
    });

    it("prints one JSON object per renewal with --json, and stops the session with --stop-on-exit", async () => {
      await manualReadySession("ka-json", 3);
      const arr = spawnManual([
        "session",
        "keep-alive",
        "ka-json",
        ...FAST_RENEWALS,
        "--stop-on-exit",
        "--json",
      ]);
      await stepWithRenewals(arr, '"event":"renewed"', 3);
      arr.interrupt("SIGINT");
      const result = await arr.exited;
      assert.equal(result.code, 0, show(result));
      const events = result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const renewed = events.filter((e) => e.event === "renewed");
      assert.ok(renewed.length >= 3);
      renewed.forEach((e, i) => {
        assert.equal(e.id, "ka-json");
        assert.equal(e.status, "Ready");
        assert.equal(e.maxLeaseTimeInMinutes, 4 + i);
      });
      assert.deepEqual(events[events.length - 1], {
        event: "stopped",
        id: "ka-json",
        renewals: renewed.length,
        sessionStopped: true,
      });
      assert.equal((await manual.client.getSession("ka-json")).status, "Stopped");
    });
  });

  it("ends with the failed-operation code when the session stops meanwhile", async () => {
    await readySession("ka-ended", 30);
    const arr = spawn(["session", "keep-alive", "ka-ended", "--every", "0.002", "--by", "1"]);
    await arr.waitFor(/Renewed session ka-ended/, "stdout");
    await emu.client.endSession("ka-ended");
    const result = await arr.exited;
    assert.equal(result.code, 4, show(result));
    assert.match(result.stderr, /error: Session ka-ended is Stopped; keep-alive ended after \d+ renewals\./);
  });

  it("ends with the service-error code for an unknown session", async () => {
    const result = await runArr(["session", "keep-alive", "ka-missing"], { tmpDir: tmp.dir, env: emu.env });
    assert.equal(result.code, 3, show(result));
    assert.match(result.stderr, /^ {2}HTTP status: 404$/m);
  });

  it("warns when --by is shorter than --every, as the lease would then run out", async () => {
    await readySession("ka-warn", 30);
    const arr = spawn(["session", "keep-alive", "ka-warn", "--every", "2", "--by", "1", "--json"]);
    await arr.waitFor(/"event":"renewed"/, "stdout");
    arr.interrupt("SIGINT");
    const result = await arr.exited;
    assert.equal(result.code, 0, show(result));
    assert.match(
      result.stderr,
      /Warning: --by 1 is shorter than --every 2: the time left on the lease shrinks/,
    );
    const last = parseJson({ ...result, stdout: result.stdout.trim().split("\n").pop() ?? "" });
    assert.deepEqual(last, { event: "stopped", id: "ka-warn", renewals: 1, sessionStopped: false });
  });
});
