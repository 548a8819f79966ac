// `arr emulator`, and commands without account settings: they use a running `arr emulator` (found
// through its record in the temporary folder) or start one for themselves on a data file there.
import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DEFAULT_EMULATOR_ACCOUNT } from "../../src/emulator";
import { makeTmpDir, parseJson, runArr, show, spawnArr, type ArrProcess } from "./support/arrProcess";

interface EmulatorLine {
  url: string;
  pid: number;
  dataFile: string | null;
  accounts: { accountId: string; accountKey: string }[];
}

async function startArrEmulator(
  tmpDir: string,
  extra: string[] = [],
): Promise<{ arr: ArrProcess; info: EmulatorLine }> {
  const arr = spawnArr(["emulator", "--port", "0", "--json", ...extra], { tmpDir, timeoutInMs: 50_000 });
  const [line] = await arr.waitFor(/^\{.*\}\n/, "stdout");
  return { arr, info: JSON.parse(line) as EmulatorLine };
}

function recordFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => /^arr-emulator-[^-]+\.json$/.test(name));
}

describe("arr emulator and the local default", function () {
  this.timeout(60_000);
  let tmp: ReturnType<typeof makeTmpDir>;
  beforeEach(() => {
    tmp = makeTmpDir("local");
  });
  afterEach(() => tmp.remove());

  it("runs until Ctrl-C, and commands without settings use it (one log line per request, no secrets)", async () => {
    const { arr, info } = await startArrEmulator(tmp.dir);
    assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(info.pid, arr.child.pid);
    assert.equal(info.accounts[0]?.accountId, DEFAULT_EMULATOR_ACCOUNT.accountId);
    assert.equal(recordFiles(tmp.dir).length, 1);

    const started = await runArr(["session", "start", "--id", "local-1", "--no-wait", "--json"], {
      tmpDir: tmp.dir,
    });
    assert.equal(started.code, 0, show(started));
    assert.equal(
      started.stderr,
      `No account configured: using the local emulator at ${info.url} (pid ${info.pid}).\n`,
    );
    const listed = await runArr(["session", "list", "--json"], { tmpDir: tmp.dir });
    assert.deepEqual(
      parseJson<{ id: string }[]>(listed).map((s) => s.id),
      ["local-1"],
    );

    arr.interrupt("SIGINT");
    const result = await arr.exited;
    assert.equal(result.code, 0, show(result));
    assert.match(result.stderr, /PUT \/accounts\/[0-9a-f-]+\/sessions\/local-1\?api-version=2021-01-01 201 /);
    assert.match(result.stderr, /GET \/Accounts\/[0-9a-f-]+\/token\?api-version=2019-02-28-preview 200 /);
    assert.ok(!result.stderr.includes(DEFAULT_EMULATOR_ACCOUNT.accountKey), "the key was logged");
    assert.doesNotMatch(result.stderr, /Bearer|eyJ/);
    assert.match(result.stderr, /Emulator stopped\.\n$/);
    assert.deepEqual(recordFiles(tmp.dir), []);
  });

  it("prints its URL, account and the environment for other tools", async () => {
    const arr = spawnArr(["emulator", "--port", "0"], { tmpDir: tmp.dir, timeoutInMs: 45_000 });
    await arr.waitFor(/Ctrl-C to stop\.\n/, "stdout");
    arr.interrupt("SIGTERM");
    const result = await arr.exited;
    assert.equal(result.code, 0, show(result));
    const url = /^Remote Rendering emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(
      result.stdout,
    )?.[1];
    assert.ok(url, show(result));
    assert.match(result.stdout, new RegExp(`^Account id:\\s+${DEFAULT_EMULATOR_ACCOUNT.accountId}$`, "m"));
    assert.match(result.stdout, new RegExp(`^Account key:\\s+${DEFAULT_EMULATOR_ACCOUNT.accountKey}$`, "m"));
    assert.match(result.stdout, /^Data:\s+in memory/m);
    assert.match(
      result.stdout,
      /^Blob storage:\s+http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 \(Azurite, in memory\)$/m,
    );
    assert.match(result.stdout, /^Health:\s+http:\/\/127\.0\.0\.1:\d+\/_emulator\/health$/m);
    assert.match(
      result.stdout,
      /AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;/,
    );
    assert.match(
      result.stdout,
      /^Reset its state: curl -X POST http:\/\/127\.0\.0\.1:\d+\/_emulator\/reset$/m,
    );
    assert.ok(
      result.stdout.includes(`ARR_ENDPOINT=${url} ARR_ACCOUNT_ID=${DEFAULT_EMULATOR_ACCOUNT.accountId}`),
    );
  });

  it("keeps sessions across a restart with --data FILE", async () => {
    const dataFile = path.join(tmp.dir, "emulator-data.json");
    const first = await startArrEmulator(tmp.dir, ["--data", dataFile, "--no-storage"]);
    assert.equal(first.info.dataFile, dataFile);
    const created = await runArr(["session", "start", "--id", "kept", "--no-wait"], { tmpDir: tmp.dir });
    assert.equal(created.code, 0, show(created));
    first.arr.interrupt("SIGINT");
    assert.equal((await first.arr.exited).code, 0);

    const second = await startArrEmulator(tmp.dir, ["--data", dataFile, "--no-storage"]);
    try {
      const got = await runArr(["session", "get", "kept", "--json"], { tmpDir: tmp.dir });
      assert.equal(got.code, 0, show(got));
      assert.equal(parseJson(got).id, "kept");
      assert.ok(got.stderr.includes(second.info.url));
    } finally {
      second.arr.interrupt("SIGINT");
      await second.arr.exited;
    }
  });

  it("without a running emulator, starts one for the command and keeps its data for the next", async () => {
    // A record left by an emulator that is gone is ignored.
    const stale = { url: "http://127.0.0.1:9", pid: 2 ** 22 + 12345, accountId: "x", accountKey: "y" };
    writeFileSync(path.join(tmp.dir, `arr-emulator-${os.userInfo().uid}.json`), JSON.stringify(stale));

    const started = await runArr(["session", "start", "--id", "own-1", "--no-wait"], { tmpDir: tmp.dir });
    assert.equal(started.code, 0, show(started));
    const dataFile = /\(data in (.+)\)\. Run `arr emulator`/.exec(started.stderr)?.[1];
    assert.ok(dataFile !== undefined && dataFile.startsWith(tmp.dir), show(started));
    assert.match(started.stderr, /^No account configured: using a local emulator started for this command/);
    assert.ok(existsSync(dataFile));

    const got = await runArr(["session", "get", "own-1", "--json"], { tmpDir: tmp.dir });
    assert.equal(got.code, 0, show(got));
    assert.equal(parseJson(got).id, "own-1");
    const stopped = await runArr(["session", "stop", "own-1"], { tmpDir: tmp.dir });
    assert.equal(stopped.code, 0, show(stopped));
    const after = await runArr(["session", "get", "own-1", "--json"], { tmpDir: tmp.dir });
    assert.equal(parseJson(after).status, "Stopped");
  });

  it("quick start: `npx arr session start` with nothing configured; Ctrl-C leaves the session, the printed command stops it", async () => {
    // npm sets npm_command=exec for `npx arr`; the emulator started for the command is Starting
    // for its 10-second start-up, so the interrupt lands while waiting.
    const env = { npm_command: "exec" };
    const arr = spawnArr(["session", "start", "--id", "quick-1"], { tmpDir: tmp.dir, env });
    await arr.waitFor(/Session quick-1: Starting/);
    arr.interrupt("SIGINT");
    const result = await arr.exited;
    assert.equal(result.code, 130, show(result));
    assert.match(result.stderr, /^No account configured: using a local emulator started for this command/);
    const command = /To stop it:\n {2}(.+)\n/.exec(result.stderr)?.[1];
    assert.equal(command, "npx arr session stop quick-1");
    const left = await runArr(["session", "get", "quick-1", "--json"], { tmpDir: tmp.dir });
    assert.ok(["Starting", "Ready"].includes(String(parseJson(left).status)), show(left));

    const stop = await runArr((command ?? "").split(" ").slice(2), { tmpDir: tmp.dir, env });
    assert.equal(stop.code, 0, show(stop));
    const after = await runArr(["session", "get", "quick-1", "--json"], { tmpDir: tmp.dir });
    assert.equal(parseJson(after).status, "Stopped");
  });

  it("lets web pages call the admin endpoints only with --cors-admin", async () => {
    const headers = { Origin: "http://localhost:3000" };
    for (const [extra, status] of [
      [[], 403],
      [["--cors-admin"], 200],
    ] as const) {
      const { arr, info } = await startArrEmulator(tmp.dir, [...extra]);
      try {
        const answer = await fetch(`${info.url}/_emulator/clock`, { headers });
        assert.equal(answer.status, status, extra.join(" "));
      } finally {
        arr.interrupt("SIGINT");
        await arr.exited;
      }
    }
  });

  it("refuses an unusable --data file with the usage code and a message naming it, without a stack trace", async () => {
    const corrupt = path.join(tmp.dir, "corrupt.json");
    writeFileSync(
      corrupt,
      '{"format":"arr-emulator-state/2","signingSecret":"","accounts":[],"nextSequence":1}\n',
    );
    const cases: Array<[string, RegExp]> = [
      [corrupt, /line 1: signingSecret must be base64/],
      [path.join(tmp.dir, "no-such-folder", "state.json"), /its folder does not exist/],
      [tmp.dir, /it is a folder/],
    ];
    const results = await Promise.all(
      cases.map(([file]) => runArr(["emulator", "--port", "0", "--data", file], { tmpDir: tmp.dir })),
    );
    cases.forEach(([file, reason], index) => {
      const result = results[index] as Awaited<ReturnType<typeof runArr>>;
      assert.equal(result.code, 2, show(result));
      assert.ok(
        result.stderr.startsWith(`error: The emulator data file ${file} cannot be used: `),
        show(result),
      );
      assert.match(result.stderr, reason);
      assert.ok(!result.stderr.includes("    at "), `a stack trace was printed:\n${result.stderr}`);
    });
  });

  it("refuses a port in use and bad values with the usage code", async () => {
    const slow = { tmpDir: tmp.dir, timeoutInMs: 45_000 };
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const [busy, bad, speed, host] = await Promise.all([
        runArr(["emulator", "--port", String(port)], slow),
        runArr(["emulator", "--port", "70000"], slow),
        runArr(["emulator", "--port", "0", "--clock-speed", "-1"], slow),
        // An address of the documentation range (TEST-NET-3): no interface of this machine has it.
        runArr(["emulator", "--port", "0", "--host", "203.0.113.5"], slow),
      ]);
      assert.equal(busy.code, 2, show(busy));
      assert.match(busy.stderr, new RegExp(`error: Port ${port} is in use \\(another emulator\\?\\)`));
      assert.equal(bad.code, 2, show(bad));
      assert.match(
        bad.stderr,
        /option '--port <n>' argument '70000' is invalid\. Expected a port number from 0 to 65535/,
      );
      assert.equal(speed.code, 2, show(speed));
      assert.match(speed.stderr, /option '--clock-speed <factor>' argument '-1' is invalid/);
      assert.equal(host.code, 2, show(host));
      assert.match(host.stderr, /^error: Cannot listen on --host 203\.0\.113\.5 \(EADDRNOTAVAIL\)/m);
      assert.ok(!host.stderr.includes("    at "), `a stack trace was printed:\n${host.stderr}`);
    } finally {
      blocker.close();
    }
  });
});
