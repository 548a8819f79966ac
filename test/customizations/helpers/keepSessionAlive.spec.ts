// keepSessionAlive with the public client against the emulator over loopback. The emulator's clock
// is moved by hand; the keep-alive's own interval runs on fake timers where the test counts ticks.
import assert from "node:assert/strict";
import nock from "nock";
import FakeTimers from "@sinonjs/fake-timers";
import { ManualClock, startEmulator, type RunningEmulator } from "../../../src/emulator";
import {
  AzureKeyCredential,
  RemoteRenderingClient,
  keepSessionAlive,
  type KeepSessionAliveClient,
  type RenderingSession,
} from "../../../src/index";

const ACCOUNT = {
  accountId: "0d6a1c53-2b8e-4f47-8c1e-5a4b3c2d1e0f",
  accountKey: "a2VlcC1hbGl2ZS10ZXN0LWtleQ",
};
const MINUTE = 60_000;

describe("keepSessionAlive", function () {
  let emulator: RunningEmulator;
  let clock: ManualClock;
  let client: RemoteRenderingClient;
  let nextId = 0;

  // These tests only talk to the emulator on loopback. nock's interception is switched off for
  // them: when a request is aborted while its connection is still opening, nock's socket wrapper
  // passes a late "connect ECANCELED" to the already destroyed request (an uncaught error that the
  // plain Node socket does not raise).
  before(() => nock.restore());
  after(() => nock.activate());

  before(async () => {
    clock = new ManualClock();
    emulator = await startEmulator({ clock, logger: false, accounts: [ACCOUNT] });
    client = new RemoteRenderingClient(
      emulator.url,
      ACCOUNT.accountId,
      "localhost.mixedreality.azure.com",
      new AzureKeyCredential(ACCOUNT.accountKey),
      {
        allowInsecureConnection: true,
        authenticationEndpointUrl: emulator.url,
        retryOptions: { maxRetries: 0 },
      },
    );
  });
  after(() => emulator.close());
  afterEach(() => emulator.faults.clear());

  async function readySession(maxLeaseTimeInMinutes = 10): Promise<string> {
    const id = `keep-${++nextId}`;
    await client.beginSession(id, { size: "Standard", maxLeaseTimeInMinutes }).submitted();
    clock.advance(10_000);
    return id;
  }

  /** The client, counting the session reads the keep-alive makes. */
  function countingClient(): KeepSessionAliveClient & { reads: number } {
    const counting = {
      reads: 0,
      getSession: (...args: Parameters<KeepSessionAliveClient["getSession"]>) => {
        counting.reads += 1;
        return client.getSession(...args);
      },
      updateSession: (...args: Parameters<KeepSessionAliveClient["updateSession"]>) =>
        client.updateSession(...args),
      endSession: (...args: Parameters<KeepSessionAliveClient["endSession"]>) => client.endSession(...args),
    };
    return counting;
  }

  /** Resolves after `count` renewals, with the sessions reported. */
  function renewalsOf(count: number): {
    sessions: RenderingSession[];
    reached: Promise<void>;
    onRenewed(s: RenderingSession): void;
  } {
    const sessions: RenderingSession[] = [];
    let resolve!: () => void;
    const reached = new Promise<void>((r) => (resolve = r));
    return {
      sessions,
      reached,
      onRenewed(session) {
        sessions.push(session);
        if (sessions.length === count) resolve();
      },
    };
  }

  it("renews at once and then at each interval, adding the extension to the current lease", async () => {
    const id = await readySession(10);
    const seen = renewalsOf(3);
    const keeper = keepSessionAlive(client, id, {
      intervalInMs: 5,
      extensionInMinutes: 7,
      onRenewed: seen.onRenewed,
    });
    await seen.reached;
    const outcome = await keeper.stop();
    assert.deepEqual(outcome, { reason: "stopped", renewals: keeper.renewals, sessionEnded: false });
    assert.ok(keeper.renewals >= 3);
    assert.deepEqual(
      seen.sessions.slice(0, 3).map((s) => s.maxLeaseTimeInMinutes),
      [17, 24, 31],
    );
    const session = await client.getSession(id);
    assert.equal(session.status, "Ready");
    assert.equal(session.maxLeaseTimeInMinutes, 10 + 7 * keeper.renewals);
    assert.equal(await keeper.done, outcome);
    assert.equal(await keeper.stop(), outcome, "stop() again gives the same outcome");
  });

  it("waits exactly one interval between renewals (fake timers)", async () => {
    const id = await readySession();
    const counting = countingClient();
    const timers = FakeTimers.install({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const seen = renewalsOf(2);
      const keeper = keepSessionAlive(counting, id, { intervalInMs: 60_000, onRenewed: seen.onRenewed });
      assert.equal(counting.reads, 1, "the first renewal starts at once");
      // Let the first renewal finish over real I/O, then check the next one waits for the timer.
      while (keeper.renewals < 1) await new Promise((resolve) => setImmediate(resolve));
      await timers.tickAsync(59_999);
      assert.equal(counting.reads, 1);
      await timers.tickAsync(1);
      assert.equal(counting.reads, 2);
      await seen.reached;
      assert.equal(seen.sessions[1]?.maxLeaseTimeInMinutes, 12, "default extension: the interval in minutes");
      await keeper.stop();
      await timers.tickAsync(120_000);
      assert.equal(counting.reads, 2, "no renewal after stop");
    } finally {
      timers.uninstall();
    }
  });

  it("counts a renewal whose retried PATCH got 422 because the first attempt was applied", async () => {
    const id = await readySession();
    // The first update is applied but its answer is lost; the pipeline's retry of the same PATCH
    // then asks for a lease that is no longer larger, and the emulator answers 422.
    const lossy: KeepSessionAliveClient = {
      getSession: (sessionId, options) => client.getSession(sessionId, options),
      endSession: (sessionId, options) => client.endSession(sessionId, options),
      updateSession: async (sessionId, settings, options) => {
        await client.updateSession(sessionId, settings, options);
        return client.updateSession(sessionId, settings, options);
      },
    };
    const errors: unknown[] = [];
    const seen = renewalsOf(1);
    const keeper = keepSessionAlive(lossy, id, {
      intervalInMs: 60_000,
      extensionInMinutes: 3,
      onRenewed: seen.onRenewed,
      onError: (error) => errors.push(error),
    });
    await seen.reached;
    const outcome = await keeper.stop();
    assert.equal(outcome.reason, "stopped");
    assert.equal(outcome.renewals, 1);
    assert.deepEqual(errors, []);
    assert.equal(seen.sessions[0]?.maxLeaseTimeInMinutes, 13);
    assert.equal((await client.getSession(id)).maxLeaseTimeInMinutes, 13);
  });

  it("does not renew while the session is Starting (its lease has not begun)", async () => {
    const id = `keep-starting-${++nextId}`;
    await client.beginSession(id, { size: "Premium", maxLeaseTimeInMinutes: 5 }).submitted();
    const counting = countingClient();
    const seen = renewalsOf(1);
    const keeper = keepSessionAlive(counting, id, {
      intervalInMs: 5,
      extensionInMinutes: 1,
      onRenewed: seen.onRenewed,
    });
    while (counting.reads < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(keeper.renewals, 0);
    assert.equal((await client.getSession(id)).maxLeaseTimeInMinutes, 5);
    clock.advance(20_000);
    await seen.reached;
    await keeper.stop();
    assert.equal(seen.sessions[0]?.maxLeaseTimeInMinutes, 6);
  });

  it("ends the session on stop with endSessionOnStop, and on disposal with await using", async () => {
    const first = await readySession();
    const keeper = keepSessionAlive(client, first, { intervalInMs: 1000, endSessionOnStop: true });
    assert.deepEqual(await keeper.stop(), {
      reason: "stopped",
      renewals: keeper.renewals,
      sessionEnded: true,
    });
    assert.equal((await client.getSession(first)).status, "Stopped");

    const second = await readySession();
    {
      await using alive = keepSessionAlive(client, second, { intervalInMs: 1000, endSessionOnStop: true });
      assert.equal(alive.sessionId, second);
    }
    assert.equal((await client.getSession(second)).status, "Stopped");

    const third = await readySession();
    {
      await using _alive = keepSessionAlive(client, third, { intervalInMs: 1000 });
    }
    assert.equal(
      (await client.getSession(third)).status,
      "Ready",
      "without endSessionOnStop it keeps running",
    );
  });

  it("ends when the session ends by itself, reporting the session", async () => {
    const id = await readySession(1);
    const seen = renewalsOf(1);
    const keeper = keepSessionAlive(client, id, {
      intervalInMs: 5,
      extensionInMinutes: 1,
      onRenewed: seen.onRenewed,
    });
    await seen.reached;
    clock.advance(60 * MINUTE);
    const outcome = await keeper.done;
    assert.equal(outcome.reason, "sessionEnded");
    assert.equal(outcome.reason === "sessionEnded" && outcome.session.status, "Expired");
  });

  it("ends as sessionEnded when the session is ended between its read and the renewal (422)", async () => {
    const id = await readySession(10);
    // The session is ended after the keep-alive has read it as Ready and before its PATCH.
    const racing: KeepSessionAliveClient = {
      getSession: (...args) => client.getSession(...args),
      updateSession: async (...args) => {
        await client.endSession(id);
        return client.updateSession(...args);
      },
      endSession: (...args) => client.endSession(...args),
    };
    const keeper = keepSessionAlive(racing, id, { intervalInMs: 5, extensionInMinutes: 1 });
    const outcome = await keeper.done;
    assert.equal(outcome.reason, "sessionEnded");
    assert.equal(outcome.reason === "sessionEnded" && outcome.session.status, "Stopped");
    assert.equal(keeper.renewals, 0);
  });

  it("fails at the 1440-minute limit and on a refused renewal, without rejecting", async () => {
    const nearLimit = await readySession(1439);
    const limited = keepSessionAlive(client, nearLimit, { intervalInMs: 5, extensionInMinutes: 2 });
    const atLimit = await limited.done;
    assert.equal(atLimit.reason, "failed");
    assert.match(
      String(atLimit.reason === "failed" && atLimit.error),
      /RangeError: Cannot extend session keep-\d+ beyond 1440 minutes; its lease is 1439 minutes\./,
    );

    const missing = await keepSessionAlive(client, "keep-no-such-session", { intervalInMs: 5 }).done;
    assert.equal(missing.reason, "failed");
    assert.equal(missing.reason === "failed" && (missing.error as { statusCode?: number }).statusCode, 404);
  });

  it("reports passing failures through onError and goes on renewing", async () => {
    const id = await readySession();
    emulator.faults.add({ kind: "unavailable", count: 2, operations: ["UpdateSession"] });
    const errors: unknown[] = [];
    const seen = renewalsOf(1);
    const keeper = keepSessionAlive(client, id, {
      intervalInMs: 5,
      extensionInMinutes: 1,
      onError: (error) => errors.push(error),
      onRenewed: seen.onRenewed,
    });
    await seen.reached;
    await keeper.stop();
    assert.equal(errors.length, 2);
    assert.ok(errors.every((e) => (e as { statusCode?: number }).statusCode === 503));
  });

  it("survives an onError callback that throws: renewals go on, stop() and done settle", async () => {
    const id = await readySession();
    emulator.faults.add({ kind: "unavailable", count: 2, operations: ["UpdateSession"] });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      let calls = 0;
      const seen = renewalsOf(1);
      const keeper = keepSessionAlive(client, id, {
        intervalInMs: 5,
        extensionInMinutes: 1,
        onError: () => {
          calls += 1;
          throw new Error("a broken error handler");
        },
        onRenewed: (session) => {
          seen.onRenewed(session);
          throw new Error("a broken renewal handler");
        },
      });
      await seen.reached;
      const outcome = await keeper.stop();
      assert.equal(outcome.reason, "stopped");
      assert.equal(await keeper.done, outcome);
      assert.equal(calls, 2, "both passing failures reached the callback");
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(unhandled, [], "no unhandled rejection");
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("refuses callbacks that are not functions and a non-signal abortSignal before any request", () => {
    const counting = countingClient();
    for (const [name, value] of [
      ["onError", 42],
      ["onRenewed", "log"],
      ["abortSignal", {}],
      ["endSessionOnStop", "yes"],
    ] as const) {
      assert.throws(() => keepSessionAlive(counting, "s", { [name]: value } as never), {
        name: "TypeError",
        message: new RegExp(`options\\.${name} must be`),
      });
    }
    assert.throws(() => keepSessionAlive(counting, "s", null as never), {
      name: "TypeError",
      message: /options must be an object \(KeepSessionAliveOptions\) or undefined; got null/,
    });
    assert.equal(counting.reads, 0);
  });

  it("stops when its abort signal fires", async () => {
    const id = await readySession();
    const controller = new AbortController();
    const keeper = keepSessionAlive(client, id, { intervalInMs: 60_000, abortSignal: controller.signal });
    controller.abort();
    assert.equal((await keeper.done).reason, "stopped");
    const early = keepSessionAlive(client, id, { abortSignal: AbortSignal.abort() });
    assert.deepEqual(await early.done, { reason: "stopped", renewals: 0, sessionEnded: false });
  });

  it("validates its options", () => {
    assert.throws(() => keepSessionAlive(client, "s", { intervalInMs: 0 }), {
      name: "RangeError",
      message: /intervalInMs must be a finite number of milliseconds, at least 1; got 0\./,
    });
    for (const extensionInMinutes of [0, 1441, 1.5]) {
      assert.throws(() => keepSessionAlive(client, "s", { extensionInMinutes }), {
        name: "RangeError",
        message: /extensionInMinutes must be an integer from 1 to 1440/,
      });
    }
    for (const sessionId of ["", "no spaces", "x".repeat(257)]) {
      assert.throws(() => keepSessionAlive(client, sessionId, {}), {
        name: "RangeError",
        message: /sessionId must be 1 to 256 letters, digits, '-' or '_'/,
      });
    }
  });
});
