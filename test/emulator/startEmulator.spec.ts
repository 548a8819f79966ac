import assert from "node:assert/strict";
import {
  DEFAULT_EMULATOR_ACCOUNT,
  ManualClock,
  startEmulator,
  type EmulatorOptions,
} from "../../src/emulator/index";
import type { WireSession } from "../../src/emulator/operations/wireTypes";
import { callUrl, dataPlaneUrl, fetchToken } from "./support/emulatorHarness";

describe("startEmulator", () => {
  it("serves the well-known default account on a free loopback port when nothing is configured", async () => {
    const emulator = await startEmulator({ logger: false });
    try {
      assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(emulator.usesDefaultAccount, true);
      assert.deepEqual(emulator.accounts, [{ ...DEFAULT_EMULATOR_ACCOUNT, linkedStorageAccounts: [] }]);
      assert.match(
        DEFAULT_EMULATOR_ACCOUNT.accountId,
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      const token = await fetchToken(emulator.url, DEFAULT_EMULATOR_ACCOUNT);
      const list = await callUrl(
        "GET",
        dataPlaneUrl(emulator.url, DEFAULT_EMULATOR_ACCOUNT.accountId, "/sessions"),
        { token },
      );
      assert.equal(list.status, 200);
    } finally {
      await emulator.close();
    }
  });

  it("refuses bad options with a TypeError or RangeError naming the option", async () => {
    const cases: Array<[EmulatorOptions, RegExp, ErrorConstructor]> = [
      [{ port: -1 }, /^port /, RangeError],
      [{ port: 1.5 }, /^port /, RangeError],
      [{ host: "" }, /^host /, TypeError],
      [{ accounts: [] }, /^accounts /, RangeError],
      [{ accounts: [{ accountId: "nope", accountKey: "k" }] }, /^accounts\[0\]\.accountId /, RangeError],
      [
        { accounts: [{ accountId: DEFAULT_EMULATOR_ACCOUNT.accountId, accountKey: "" }] },
        /^accounts\[0\]\.accountKey /,
        TypeError,
      ],
      [
        {
          accounts: [
            { accountId: DEFAULT_EMULATOR_ACCOUNT.accountId, accountKey: "a" },
            { accountId: DEFAULT_EMULATOR_ACCOUNT.accountId.toUpperCase(), accountKey: "b" },
          ],
        },
        /^accounts\[1\]\.accountId repeats/,
        RangeError,
      ],
      [{ tokenLifetimeInSeconds: 0 }, /^tokenLifetimeInSeconds /, RangeError],
      [{ sessionStartupInSeconds: { Standard: -1 } }, /^sessionStartupInSeconds\.Standard /, RangeError],
      [
        { conversionPhasesInSeconds: { running: Number.NaN } },
        /^conversionPhasesInSeconds\.running /,
        TypeError,
      ],
      [{ pageSize: 0 }, /^pageSize /, RangeError],
      [{ clock: { speed: 0 } }, /^clock\.speed /, RangeError],
      [{ faults: [{ kind: "explode" as never }] }, /^faults\[0\]\.kind /, RangeError],
      [{ faults: [{ kind: "throttle", probability: 1.5 }] }, /^faults\[0\]\.probability /, RangeError],
      [
        { faults: [{ kind: "session-start-failure", operations: ["GetSession"] }] },
        /^faults\[0\]\.operations /,
        RangeError,
      ],
      [{ maxBodySizeInBytes: 10 }, /^maxBodySizeInBytes /, RangeError],
      [{ logger: "stderr" as never }, /^logger /, TypeError],
    ];
    for (const [options, message, type] of cases) {
      await assert.rejects(startEmulator({ logger: false, ...options }), (error: Error) => {
        assert.ok(error instanceof type, `${JSON.stringify(options)} -> ${error.name}: ${error.message}`);
        assert.match(error.message, message);
        return true;
      });
    }
  });

  it("rejects when the port is taken", async () => {
    const first = await startEmulator({ logger: false });
    try {
      const port = Number(new URL(first.url).port);
      await assert.rejects(startEmulator({ logger: false, port }), /EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it("closes once, also through await using", async () => {
    let url: string;
    {
      await using emulator = await startEmulator({ logger: false });
      url = emulator.url;
      assert.equal((await fetch(`${url}/_emulator/clock`)).status, 200);
    }
    await assert.rejects(fetch(`${url}/_emulator/clock`), TypeError);
  });

  it("runs a faster clock, so sessions become Ready in a fraction of their start-up time", async () => {
    const emulator = await startEmulator({
      logger: false,
      clock: { speed: 600 },
      sessionStartupInSeconds: { Standard: 30 },
    });
    try {
      assert.equal(emulator.clock.speed, 600);
      const account = emulator.accounts[0] ?? DEFAULT_EMULATOR_ACCOUNT;
      const token = await fetchToken(emulator.url, account);
      const url = dataPlaneUrl(emulator.url, account.accountId, "/sessions/fast");
      await callUrl("PUT", url, { token, body: { maxLeaseTimeMinutes: 5, size: "Standard" } });
      let status = "Starting";
      for (let attempt = 0; attempt < 200 && status === "Starting"; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        status = ((await callUrl("GET", url, { token })).body as WireSession).status;
      }
      assert.equal(status, "Ready", "30 emulated seconds pass in 50 real milliseconds");
    } finally {
      await emulator.close();
    }
  });

  it("shows and advances a manual clock through the admin endpoint", async () => {
    const clock = new ManualClock(Date.UTC(2030, 5, 1));
    const emulator = await startEmulator({ logger: false, clock });
    try {
      const state = await callUrl("GET", `${emulator.url}/_emulator/clock`);
      assert.deepEqual(state.body, {
        now: "2030-06-01T00:00:00.000Z",
        nowInMs: Date.UTC(2030, 5, 1),
        speed: 1,
        manual: true,
      });
      const moved = await callUrl("POST", `${emulator.url}/_emulator/clock`, {
        body: { advanceInMs: 90_000 },
      });
      assert.equal((moved.body as { now: string }).now, "2030-06-01T00:01:30.000Z");
      assert.equal(clock.now(), Date.UTC(2030, 5, 1) + 90_000);
      const bad = await callUrl("POST", `${emulator.url}/_emulator/clock`, { body: { advanceInMs: -5 } });
      assert.equal(bad.status, 400);
    } finally {
      await emulator.close();
    }
    const real = await startEmulator({ logger: false });
    try {
      const refused = await callUrl("POST", `${real.url}/_emulator/clock`, { body: { advanceInMs: 1 } });
      assert.equal(refused.status, 409);
    } finally {
      await real.close();
    }
  });

  it("refuses a clock step past the latest time it can show (400 naming advanceInMs and its range), and keeps serving", async () => {
    const clock = new ManualClock(Date.UTC(2030, 5, 1));
    const emulator = await startEmulator({ logger: false, clock });
    try {
      for (const advanceInMs of [1e20, Number.MAX_VALUE, "60000", null]) {
        const refused = await callUrl("POST", `${emulator.url}/_emulator/clock`, { body: { advanceInMs } });
        assert.equal(refused.status, 400, String(advanceInMs));
        const error = (refused.body as { error: { target: string; message: string } }).error;
        assert.equal(error.target, "advanceInMs");
        assert.match(
          error.message,
          /^advanceInMs must be a number of milliseconds from 0 to \d+ .*9998-01-01/,
        );
      }
      assert.equal(clock.now(), Date.UTC(2030, 5, 1), "the clock did not move");
      assert.equal((await callUrl("GET", `${emulator.url}/_emulator/clock`)).status, 200);
      const account = emulator.accounts[0] ?? DEFAULT_EMULATOR_ACCOUNT;
      const token = await fetchToken(emulator.url, account);
      const created = await callUrl("PUT", dataPlaneUrl(emulator.url, account.accountId, "/sessions/after"), {
        token,
        body: { maxLeaseTimeMinutes: 5, size: "Standard" },
      });
      assert.equal(created.status, 201);
      // The largest step allowed still leaves a clock every answer can show.
      const max = clock.maxAdvanceInMs;
      const moved = await callUrl("POST", `${emulator.url}/_emulator/clock`, { body: { advanceInMs: max } });
      assert.equal((moved.body as { now: string }).now, "9998-01-01T00:00:00.000Z");
      const late = await fetchToken(emulator.url, account);
      const later = await callUrl("PUT", dataPlaneUrl(emulator.url, account.accountId, "/sessions/late"), {
        token: late,
        body: { maxLeaseTimeMinutes: 5, size: "Standard" },
      });
      assert.equal(later.status, 201, later.text);
    } finally {
      await emulator.close();
    }
    assert.throws(() => new ManualClock(Date.UTC(2030, 0, 1)).advance(1e20), /^RangeError: durationInMs /);
    assert.throws(() => new ManualClock(1e20), /^RangeError: startInMs /);
    assert.throws(() => new ManualClock(0).set(1e20), /^RangeError: timeInMs /);
  });

  it("refuses admin calls from web pages (an Origin header, and their preflights) unless corsAdmin is set", async () => {
    const clock = new ManualClock(Date.UTC(2030, 5, 1));
    const emulator = await startEmulator({ logger: false, clock });
    const origin = { Origin: "https://evil.example" };
    try {
      const calls: Array<[string, string, unknown]> = [
        ["GET", "/_emulator/faults", undefined],
        ["POST", "/_emulator/faults", { kind: "internal-error" }],
        ["DELETE", "/_emulator/faults", undefined],
        ["POST", "/_emulator/clock", { advanceInMs: 60_000 }],
      ];
      for (const [method, path, body] of calls) {
        const refused = await callUrl(method, `${emulator.url}${path}`, { headers: origin, body });
        assert.equal(refused.status, 403, `${method} ${path}`);
        assert.equal(refused.headers.get("access-control-allow-origin"), null);
        assert.match((refused.body as { error: { message: string } }).error.message, /--cors-admin/);
      }
      const preflight = await fetch(`${emulator.url}/_emulator/faults`, {
        method: "OPTIONS",
        headers: { ...origin, "Access-Control-Request-Method": "POST" },
      });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers.get("access-control-allow-origin"), null);
      assert.equal(preflight.headers.get("access-control-allow-methods"), null);
      assert.deepEqual(emulator.faults.list(), [], "no fault was added");
      assert.equal(clock.now(), Date.UTC(2030, 5, 1), "the clock did not move");
      // Tools without an Origin header keep working, and the data plane still answers pages.
      assert.equal((await callUrl("GET", `${emulator.url}/_emulator/faults`)).status, 200);
      const account = emulator.accounts[0] ?? DEFAULT_EMULATOR_ACCOUNT;
      const token = await fetchToken(emulator.url, account);
      const page = await callUrl("GET", dataPlaneUrl(emulator.url, account.accountId, "/sessions"), {
        token,
        headers: origin,
      });
      assert.equal(page.status, 200);
      assert.equal(page.headers.get("access-control-allow-origin"), "*");
    } finally {
      await emulator.close();
    }
    const open = await startEmulator({ logger: false, clock, corsAdmin: true });
    try {
      const preflight = await fetch(`${open.url}/_emulator/faults`, {
        method: "OPTIONS",
        headers: { ...origin, "Access-Control-Request-Method": "POST" },
      });
      assert.equal(preflight.status, 204);
      const added = await callUrl("POST", `${open.url}/_emulator/faults`, {
        headers: origin,
        body: { kind: "internal-error", count: 1 },
      });
      assert.equal(added.status, 201);
      assert.equal(added.headers.get("access-control-allow-origin"), "*");
    } finally {
      await open.close();
    }
    await assert.rejects(
      startEmulator({ logger: false, corsAdmin: "yes" as never }),
      /^TypeError: corsAdmin /,
    );
  });

  it("writes one line per request to standard error by default", async () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const emulator = await startEmulator();
      await fetch(`${emulator.url}/_emulator/clock`);
      await emulator.close();
    } finally {
      process.stderr.write = original;
    }
    const lines = written.filter((text) => text.includes("/_emulator/clock"));
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? "", /GET \/_emulator\/clock 200 .*\n$/);
  });
});
