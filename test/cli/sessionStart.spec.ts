// `arr session start` as a child process against an emulator whose clock the test moves by hand,
// so "Starting" lasts exactly until the test says otherwise.
import assert from "node:assert/strict";
import { ManualClock } from "../../src/emulator";
import {
  isPlainText,
  makeTmpDir,
  parseJson,
  runArr,
  show,
  spawnArr,
  type ArrResult,
} from "./support/arrProcess";
import { startTestEmulator, type TestEmulator } from "./support/testEmulator";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FAST = ["--poll-interval", "0.05"];

describe("arr session start", function () {
  let tmp: ReturnType<typeof makeTmpDir>;
  let emu: TestEmulator;
  let clock: ManualClock;

  before(async () => {
    tmp = makeTmpDir("start");
    clock = new ManualClock();
    emu = await startTestEmulator({ clock });
  });
  after(async () => {
    await emu.close();
    tmp.remove();
  });

  const options = (env: Record<string, string | undefined> = {}) => ({
    tmpDir: tmp.dir,
    env: { ...emu.env, ...env },
  });
  const run = (args: string[], env?: Record<string, string | undefined>): Promise<ArrResult> =>
    runArr(args, options(env));

  it("waits for Ready with a progress line, then prints the hostname and both ports", async () => {
    const arr = spawnArr(["session", "start", "--id", "wait-1", ...FAST], options());
    await arr.waitFor(/Session wait-1: Starting \(0:\d\d\)\n/);
    clock.advance(10_000);
    const result = await arr.exited;
    assert.equal(result.code, 0, show(result));
    const session = await emu.client.getSession("wait-1");
    assert.equal(session.status, "Ready");
    if (session.status !== "Ready") return;
    assert.match(result.stdout, /^Session:\s+wait-1$/m);
    assert.match(result.stdout, /^Status:\s+Ready$/m);
    assert.match(result.stdout, new RegExp(`^Hostname:\\s+${session.hostname.replace(/\./g, "\\.")}$`, "m"));
    assert.match(result.stdout, new RegExp(`^Handshake port:\\s+${session.handshakePort}$`, "m"));
    assert.match(result.stdout, new RegExp(`^Inspector port:\\s+${session.arrInspectorPort}$`, "m"));
    assert.match(result.stdout, /^Lease:\s+30 min, 0 elapsed, ends about \d{4}-\d\d-\d\dT/m);
    assert.match(result.stderr, /Session wait-1: Ready \(\d+:\d\d\)\n/);
    // In a pipe: one plain line per status, no spinner, no colours.
    assert.ok(isPlainText(result.stdout + result.stderr), "control characters in a pipe");
  });

  it("prints the Ready session as JSON with --json, with defaults for id, size and lease", async () => {
    const arr = spawnArr(["session", "start", "--json", ...FAST], options());
    await arr.waitFor(/: Starting/);
    clock.advance(10_000);
    const result = await arr.exited;
    assert.equal(result.code, 0, show(result));
    const view = parseJson(result);
    assert.match(String(view.id), UUID);
    assert.equal(view.status, "Ready");
    assert.equal(view.size, "Standard");
    assert.equal(view.maxLeaseTimeInMinutes, 30);
    assert.equal(typeof view.hostname, "string");
    for (const port of [view.handshakePort, view.arrInspectorPort]) {
      assert.ok(typeof port === "number" && port >= 49152 && port <= 65534, `port ${String(port)}`);
    }
    assert.ok(!Number.isNaN(Date.parse(String(view.endsAt))));
  });

  it("passes --size and --lease to the service", async () => {
    const arr = spawnArr(
      ["session", "start", "--id", "big", "--size", "PREMIUM", "--lease", "45", "--json", ...FAST],
      options(),
    );
    await arr.waitFor(/Session big: Starting/);
    clock.advance(20_000);
    const result = await arr.exited;
    assert.equal(result.code, 0, show(result));
    const view = parseJson(result);
    assert.equal(view.size, "Premium");
    assert.equal(view.maxLeaseTimeInMinutes, 45);
  });

  it("returns at once with --no-wait, printing the Starting session and how to check on it", async () => {
    const human = await run(["session", "start", "--id", "nowait-1", "--no-wait"]);
    assert.equal(human.code, 0, show(human));
    assert.match(human.stdout, /^Status:\s+Starting$/m);
    assert.match(human.stdout, /^Lease:\s+30 min.*\(counted from Ready\)$/m);
    assert.doesNotMatch(human.stdout, /Hostname/);
    assert.match(human.stderr, /Check on it with: arr session get nowait-1\n/);

    const json = await run(["session", "start", "--id", "nowait-2", "--no-wait", "--json"]);
    assert.equal(json.code, 0, show(json));
    const view = parseJson(json);
    assert.equal(view.status, "Starting");
    assert.equal(view.hostname, undefined);
    assert.equal((await emu.client.getSession("nowait-2")).status, "Starting");
  });

  it("exits with the failed-operation code and the service's error when the session ends in Error", async () => {
    emu.emulator.faults.add({ kind: "session-start-failure", count: 1 });
    const arr = spawnArr(["session", "start", "--id", "doomed", ...FAST], options());
    await arr.waitFor(/Session doomed: Starting/);
    clock.advance(10_000);
    const result = await arr.exited;
    assert.equal(result.code, 4, show(result));
    assert.match(
      result.stderr,
      /error: Session doomed did not become Ready: The rendering session could not be started/,
    );
    assert.match(result.stderr, /^ {2}code: SessionStartFailed$/m);
    assert.match(result.stderr, /^ {2}MS-CV: \S+$/m);
    assert.equal(result.stdout, "");
  });

  it("reports the error as JSON on stderr with --json", async () => {
    emu.emulator.faults.add({ kind: "session-start-failure", count: 1 });
    const arr = spawnArr(["session", "start", "--id", "doomed-json", "--json", ...FAST], options());
    await arr.waitFor(/Starting/);
    clock.advance(10_000);
    const result = await arr.exited;
    assert.equal(result.code, 4, show(result));
    const lastLine = result.stderr.trim().split("\n").pop() ?? "";
    const report = JSON.parse(lastLine) as { error: Record<string, unknown> };
    assert.equal(report.error.exitCode, 4);
    assert.equal(report.error.code, "SessionStartFailed");
    assert.equal(typeof report.error.msCv, "string");
  });

  it("on Ctrl-C leaves the session running and prints the exact command that stops it", async () => {
    const arr = spawnArr(["session", "start", "--id", "left-running", ...FAST], options());
    await arr.waitFor(/Session left-running: Starting/);
    arr.interrupt("SIGINT");
    const result = await arr.exited;
    assert.equal(result.code, 130, show(result));
    assert.match(
      result.stderr,
      /Session left-running is still running until its lease ends or it is stopped/,
    );
    const command = /To stop it:\n {2}(.+)\n/.exec(result.stderr)?.[1];
    assert.equal(command, "arr session stop left-running");
    assert.equal((await emu.client.getSession("left-running")).status, "Starting");

    // Running the printed command (without "arr") stops it.
    const stop = await run((command ?? "").split(" ").slice(1));
    assert.equal(stop.code, 0, show(stop));
    assert.equal((await emu.client.getSession("left-running")).status, "Stopped");
  });

  it("repeats the account flags in the printed command, never the account key", async () => {
    const flags = ["--endpoint", emu.env.ARR_ENDPOINT ?? "", "--account-id", emu.env.ARR_ACCOUNT_ID ?? ""];
    const key = emu.env.ARR_ACCOUNT_KEY ?? "";
    const arr = spawnArr(["session", "start", "--id", "flags-1", ...flags, "--account-key", key, ...FAST], {
      tmpDir: tmp.dir,
    });
    await arr.waitFor(/Starting/);
    arr.interrupt("SIGINT");
    const result = await arr.exited;
    assert.equal(result.code, 130, show(result));
    const expected = `arr session stop flags-1 ${flags.join(" ")} --account-key "$ARR_ACCOUNT_KEY"`;
    assert.ok(
      result.stderr.includes(`with ARR_ACCOUNT_KEY set to the account key):\n  ${expected}\n`),
      show(result),
    );
    assert.ok(!result.stderr.includes(key) && !result.stdout.includes(key), "the key was printed");
  });

  it("stops the session on Ctrl-C with --stop-on-interrupt", async () => {
    const arr = spawnArr(
      ["session", "start", "--id", "stop-me", "--stop-on-interrupt", "--json", ...FAST],
      options(),
    );
    await arr.waitFor(/Session stop-me: Starting/);
    arr.interrupt("SIGINT");
    const result = await arr.exited;
    assert.equal(result.code, 130, show(result));
    assert.deepEqual(parseJson(result), { id: "stop-me", interrupted: true, stopped: true });
    assert.match(result.stderr, /Interrupted: stopped session stop-me\./);
    assert.equal((await emu.client.getSession("stop-me")).status, "Stopped");
  });

  it("treats SIGTERM like Ctrl-C", async () => {
    const arr = spawnArr(["session", "start", "--id", "term-1", "--json", ...FAST], options());
    await arr.waitFor(/Starting/);
    arr.interrupt("SIGTERM");
    const result = await arr.exited;
    assert.equal(result.code, 130, show(result));
    assert.deepEqual(parseJson(result), {
      id: "term-1",
      interrupted: true,
      stopped: false,
      stopCommand: "arr session stop term-1",
    });
  });

  it("exits with the failed-operation code, without a stack trace, when the id names an ended session", async () => {
    assert.equal((await run(["session", "start", "--id", "ended-1", "--no-wait"])).code, 0);
    assert.equal((await run(["session", "stop", "ended-1"])).code, 0);
    for (const extra of [FAST, ["--no-wait"], ["--json", ...FAST]]) {
      const again = await run(["session", "start", "--id", "ended-1", ...extra]);
      assert.equal(again.code, 4, show(again));
      assert.match(again.stderr, /Session ended-1 did not become Ready: .*stopped/);
      assert.doesNotMatch(again.stderr, /^\s+at /m, "a stack trace was printed");
      assert.equal(again.stdout, "");
    }
    // The same for a session whose lease ran out.
    assert.equal((await run(["session", "start", "--id", "ended-2", "--lease", "1", "--no-wait"])).code, 0);
    clock.advance(10_000 + 60_000);
    assert.equal((await emu.client.getSession("ended-2")).status, "Expired");
    const expired = await run(["session", "start", "--id", "ended-2", "--lease", "1", ...FAST]);
    assert.equal(expired.code, 4, show(expired));
    assert.match(expired.stderr, /error: Session ended-2 did not become Ready: .*expired/);
  });

  it("names the service's error, its code and MS-CV when creation is refused (409)", async () => {
    const first = await run(["session", "start", "--id", "clash", "--no-wait", "--lease", "10"]);
    assert.equal(first.code, 0, show(first));
    const second = await run(["session", "start", "--id", "clash", "--no-wait", "--lease", "20"]);
    assert.equal(second.code, 3, show(second));
    assert.match(second.stderr, /^error: .*HTTP 409/m);
    assert.match(second.stderr, /^ {2}HTTP status: 409$/m);
    assert.match(second.stderr, /^ {2}MS-CV: \S+$/m);
  });
});
