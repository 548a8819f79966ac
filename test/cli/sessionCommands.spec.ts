// `arr session get | list | stop | extend` as child processes against an emulator on a manual clock.
import assert from "node:assert/strict";
import { ManualClock } from "../../src/emulator";
import { makeTmpDir, parseJson, runArr, show, type ArrResult } from "./support/arrProcess";
import { startLossyProxy } from "./support/lossyProxy";
import { startTestEmulator, type TestEmulator } from "./support/testEmulator";

const MINUTE = 60_000;

describe("arr session get, list, stop and extend", function () {
  let tmp: ReturnType<typeof makeTmpDir>;
  let emu: TestEmulator;
  let clock: ManualClock;

  before(async () => {
    tmp = makeTmpDir("sessions");
    clock = new ManualClock();
    emu = await startTestEmulator({ clock });
  });
  after(async () => {
    await emu.close();
    tmp.remove();
  });

  const run = (args: string[]): Promise<ArrResult> => runArr(args, { tmpDir: tmp.dir, env: emu.env });

  /** Creates sessions through the client and lets them become Ready. */
  async function readySessions(ids: string[], maxLeaseTimeInMinutes = 30): Promise<void> {
    for (const id of ids) {
      await emu.client.beginSession(id, { size: "Standard", maxLeaseTimeInMinutes }).submitted();
    }
    clock.advance(10_000);
  }

  it("get prints one session, as text or as JSON", async () => {
    await readySessions(["get-1"]);
    const session = await emu.client.getSession("get-1");
    assert.equal(session.status, "Ready");
    if (session.status !== "Ready") return;

    const human = await run(["session", "get", "get-1"]);
    assert.equal(human.code, 0, show(human));
    assert.match(human.stdout, /^Status:\s+Ready$/m);
    assert.match(human.stdout, new RegExp(`^Handshake port:\\s+${session.handshakePort}$`, "m"));

    const json = await run(["session", "get", "get-1", "--json"]);
    assert.equal(json.code, 0, show(json));
    const view = parseJson(json);
    assert.equal(view.id, "get-1");
    assert.equal(view.hostname, session.hostname);
    assert.equal(view.arrInspectorPort, session.arrInspectorPort);
    assert.equal(view.teraflops, session.teraflops);
    assert.equal(view.createdOn, session.createdOn?.toISOString());
  });

  it("get of an unknown session exits with the service-error code, the code and the MS-CV", async () => {
    const result = await run(["session", "get", "no-such-session"]);
    assert.equal(result.code, 3, show(result));
    assert.match(result.stderr, /^error: .*HTTP 404/m);
    assert.match(result.stderr, /^ {2}HTTP status: 404$/m);
    assert.match(result.stderr, /^ {2}MS-CV: \S+$/m);
    assert.equal(result.stdout, "");
  });

  it("list shows running sessions as a table or a JSON array, without stopped ones", async () => {
    await readySessions(["list-a", "list-b"]);
    await emu.client.endSession("list-b");
    const human = await run(["session", "list"]);
    assert.equal(human.code, 0, show(human));
    const lines = human.stdout.trimEnd().split("\n");
    assert.match(lines[0] ?? "", /^ID\s+STATUS\s+SIZE\s+HOSTNAME\s+PORTS\s+LEASE\s+ELAPSED\s+ENDS ABOUT$/);
    assert.ok(
      lines.some((line) =>
        /^list-a\s+Ready\s+Standard\s+\S+\s+\d+\/\d+\s+30 min\s+0 min\s+\d{4}-/.test(line),
      ),
    );
    assert.ok(!lines.some((line) => line.startsWith("list-b")));

    const json = await run(["session", "list", "--json"]);
    const views = parseJson<{ id: string; status: string }[]>(json);
    assert.ok(Array.isArray(views));
    assert.ok(views.some((v) => v.id === "list-a" && v.status === "Ready"));
    assert.ok(!views.some((v) => v.id === "list-b"));
  });

  it("stop ends one session; stop --all ends every running one", async () => {
    await readySessions(["stop-1", "stop-2", "stop-3"]);
    const one = await run(["session", "stop", "stop-1"]);
    assert.equal(one.code, 0, show(one));
    assert.equal(one.stdout, "Stopped session stop-1.\n");
    assert.equal((await emu.client.getSession("stop-1")).status, "Stopped");

    const all = await run(["session", "stop", "--all", "--json"]);
    assert.equal(all.code, 0, show(all));
    const { stopped } = parseJson<{ stopped: string[] }>(all);
    assert.ok(stopped.includes("stop-2") && stopped.includes("stop-3") && !stopped.includes("stop-1"));
    for await (const session of emu.client.listSessions()) {
      assert.fail(`session ${session.sessionId} is still listed`);
    }
    const none = await run(["session", "stop", "--all"]);
    assert.equal(none.code, 0, show(none));
    assert.equal(none.stdout, "No running sessions to stop.\n");
  });

  it("stop needs exactly one of an id and --all", async () => {
    const neither = await run(["session", "stop"]);
    assert.equal(neither.code, 2, show(neither));
    assert.match(neither.stderr, /error: Give the id of the session to stop, or --all\./);
    const both = await run(["session", "stop", "some-id", "--all"]);
    assert.equal(both.code, 2, show(both));
    assert.match(both.stderr, /error: Give either a session id or --all, not both\./);
  });

  it("extend adds to the current lease, not to the elapsed time, and prints the new end time", async () => {
    await readySessions(["extend-1"], 30);
    clock.advance(7 * MINUTE);
    const before = await emu.client.getSession("extend-1");
    assert.equal(before.elapsedTimeInMinutes, 7);

    const human = await run(["session", "extend", "extend-1", "--by", "10"]);
    assert.equal(human.code, 0, show(human));
    const endsAt = /lease 30 -> 40 minutes; it now ends about (\S+)\.\n/.exec(human.stdout)?.[1];
    assert.ok(endsAt, show(human));
    // 40 minutes of lease, 7 already used: about 33 minutes from now.
    const minutesLeft = (Date.parse(endsAt) - Date.now()) / MINUTE;
    assert.ok(minutesLeft > 32 && minutesLeft <= 33, `ends in ${minutesLeft} minutes`);
    assert.equal((await emu.client.getSession("extend-1")).maxLeaseTimeInMinutes, 40);

    const json = await run(["session", "extend", "extend-1", "--by", "5", "--json"]);
    assert.equal(json.code, 0, show(json));
    const view = parseJson(json);
    assert.equal(view.maxLeaseTimeInMinutes, 45);
    assert.equal(view.previousMaxLeaseTimeInMinutes, 40);
    assert.equal(view.elapsedTimeInMinutes, 7);
    const jsonMinutesLeft = (Date.parse(String(view.endsAt)) - Date.now()) / MINUTE;
    assert.ok(jsonMinutesLeft > 37 && jsonMinutesLeft <= 38, `ends in ${jsonMinutesLeft} minutes`);
  });

  it("extend is retry-safe: a lost answer to an applied PATCH does not fail the command", async () => {
    await readySessions(["extend-lossy"], 30);
    const proxy = await startLossyProxy(emu.emulator.url);
    try {
      proxy.loseAnswers("PATCH");
      const result = await runArr(["session", "extend", "extend-lossy", "--by", "10"], {
        tmpDir: tmp.dir,
        env: { ...emu.env, ARR_ENDPOINT: proxy.url },
      });
      assert.equal(result.code, 0, show(result));
      assert.match(result.stdout, /lease 30 -> 40 minutes/);
      assert.equal(
        proxy.forwarded.filter((line) => line.startsWith("PATCH")).length,
        2,
        "the PATCH was resent",
      );
      assert.equal((await emu.client.getSession("extend-lossy")).maxLeaseTimeInMinutes, 40);
    } finally {
      await proxy.close();
    }
  });

  it("extend of a Starting session says the lease counts from Ready", async () => {
    await emu.client
      .beginSession("extend-starting", { size: "Standard", maxLeaseTimeInMinutes: 10 })
      .submitted();
    const result = await run(["session", "extend", "extend-starting", "--by", "15"]);
    assert.equal(result.code, 0, show(result));
    assert.match(
      result.stdout,
      /lease 10 -> 25 minutes; it ends 25 minutes after the session becomes Ready\./,
    );
  });

  it("extend refuses a lease beyond 1440 minutes before sending anything", async () => {
    await readySessions(["extend-max"], 1430);
    const result = await run(["session", "extend", "extend-max", "--by", "11"]);
    assert.equal(result.code, 2, show(result));
    assert.match(result.stderr, /--by 11 would make the lease 1441 minutes; the service allows at most 1440/);
    assert.equal((await emu.client.getSession("extend-max")).maxLeaseTimeInMinutes, 1430);
  });

  it("extend of a stopped session is a failed operation", async () => {
    await readySessions(["extend-stopped"]);
    await emu.client.endSession("extend-stopped");
    const result = await run(["session", "extend", "extend-stopped", "--by", "5"]);
    assert.equal(result.code, 4, show(result));
    assert.match(
      result.stderr,
      /Session extend-stopped is Stopped; only a Starting or Ready session can be extended/,
    );
  });
});
