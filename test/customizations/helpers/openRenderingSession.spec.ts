// openRenderingSession: a Ready session ended when its `await using` scope exits, with the public
// client against the emulator (manual clock) over loopback.
import assert from "node:assert/strict";
import nock from "nock";
import { ManualClock, startEmulator, type RunningEmulator } from "../../../src/emulator";
import {
  AzureKeyCredential,
  RemoteRenderingClient,
  RemoteRenderingServiceError,
  openRenderingSession,
} from "../../../src/index";

const ACCOUNT = { accountId: "7e3d2c1b-0a9f-4e8d-b7c6-a5f4e3d2c1b0", accountKey: "c2NvcGUtdGVzdC1rZXk" };
const SETTINGS = { size: "Standard", maxLeaseTimeInMinutes: 10 } as const;

describe("openRenderingSession", function () {
  let emulator: RunningEmulator;
  let clock: ManualClock;
  let client: RemoteRenderingClient;

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

  /** Resolves once the session exists. */
  async function created(sessionId: string): Promise<void> {
    for (;;) {
      try {
        await client.getSession(sessionId);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }

  /** Moves the emulator's clock past start-up once the session exists. */
  async function startUpWhenCreated(sessionId: string): Promise<void> {
    await created(sessionId);
    clock.advance(10_000);
  }

  it("is the client's openSession and keepSessionAlive methods too", async () => {
    {
      const opening = client.openSession("scoped-method", SETTINGS, { intervalInMs: 5 });
      await startUpWhenCreated("scoped-method");
      await using scope = await opening;
      assert.equal(scope.session.status, "Ready");
      const keeper = client.keepSessionAlive("scoped-method", {
        intervalInMs: 60_000,
        extensionInMinutes: 5,
      });
      const renewed = await new Promise<number>((resolve) => {
        const poll = (): void => {
          if (keeper.renewals > 0) resolve(keeper.renewals);
          else setTimeout(poll, 5);
        };
        poll();
      });
      assert.equal(renewed, 1);
      assert.equal((await keeper.stop()).reason, "stopped");
      const session = await client.getSession("scoped-method");
      assert.equal(session.maxLeaseTimeInMinutes, SETTINGS.maxLeaseTimeInMinutes + 5);
    }
    assert.equal((await client.getSession("scoped-method")).status, "Stopped");
  });

  it("gives the Ready session inside the scope and ends it when the scope exits", async () => {
    {
      const opening = openRenderingSession(client, "scoped-1", SETTINGS, { intervalInMs: 5 });
      await startUpWhenCreated("scoped-1");
      await using scope = await opening;
      assert.equal(scope.session.status, "Ready");
      assert.equal(typeof scope.session.hostname, "string");
      assert.equal(scope.keepAlive, undefined);
      assert.equal((await client.getSession("scoped-1")).status, "Ready");
    }
    assert.equal((await client.getSession("scoped-1")).status, "Stopped");
  });

  it("ends the session when the scope exits by an exception", async () => {
    const opening = openRenderingSession(client, "scoped-throw", SETTINGS, { intervalInMs: 5 });
    await startUpWhenCreated("scoped-throw");
    await assert.rejects(async () => {
      await using scope = await opening;
      assert.equal(scope.session.status, "Ready");
      throw new Error("the app failed");
    }, /the app failed/);
    assert.equal((await client.getSession("scoped-throw")).status, "Stopped");
  });

  it("keeps the session alive while open when asked, and stops renewing before ending it", async () => {
    let renewals = 0;
    {
      const opening = openRenderingSession(client, "scoped-alive", SETTINGS, {
        intervalInMs: 5,
        keepAlive: { intervalInMs: 5, extensionInMinutes: 2, onRenewed: () => (renewals += 1) },
      });
      await startUpWhenCreated("scoped-alive");
      await using scope = await opening;
      while (renewals < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(scope.keepAlive);
    }
    const session = await client.getSession("scoped-alive");
    assert.equal(session.status, "Stopped");
    assert.equal(session.maxLeaseTimeInMinutes, 10 + 2 * renewals);
  });

  it("ends the session it created when waiting is aborted, so none is left behind", async () => {
    const controller = new AbortController();
    const opening = openRenderingSession(client, "scoped-abort", SETTINGS, {
      intervalInMs: 5,
      abortSignal: controller.signal,
    });
    await created("scoped-abort");
    controller.abort();
    await assert.rejects(opening);
    assert.equal((await client.getSession("scoped-abort")).status, "Stopped");
  });

  it("passes on a start failure without a scope", async () => {
    emulator.faults.add({ kind: "session-start-failure", count: 1 });
    const opening = openRenderingSession(client, "scoped-fail", SETTINGS, { intervalInMs: 5 });
    await startUpWhenCreated("scoped-fail");
    await assert.rejects(opening, (error: unknown) => {
      assert.ok(error instanceof RemoteRenderingServiceError);
      assert.equal(error.code, "SessionStartFailed");
      return true;
    });
    assert.equal((await client.getSession("scoped-fail")).status, "Error");
  });

  it("checks keepAlive options before creating anything", async () => {
    await assert.rejects(
      openRenderingSession(client, "scoped-bad-keepalive", SETTINGS, { keepAlive: { intervalInMs: 0 } }),
      { name: "RangeError", message: /intervalInMs must be a finite number/ },
    );
    await assert.rejects(
      openRenderingSession(client, "scoped-bad-keepalive", SETTINGS, {
        keepAlive: { onError: 42 as never },
      }),
      { name: "TypeError", message: /options\.keepAlive\.onError must be a function/ },
    );
    await assert.rejects(client.getSession("scoped-bad-keepalive"), { statusCode: 404 });
  });

  it("ends the Ready session when starting the keep-alive fails after all", async () => {
    // Options that pass the first check and then change: the failure comes after the creation.
    let reads = 0;
    const keepAlive = {
      get intervalInMs(): number {
        reads += 1;
        return reads === 1 ? 5 : 0;
      },
    };
    const opening = openRenderingSession(client, "scoped-late-failure", SETTINGS, {
      intervalInMs: 5,
      keepAlive,
    });
    await startUpWhenCreated("scoped-late-failure");
    await assert.rejects(opening, { name: "RangeError" });
    assert.equal((await client.getSession("scoped-late-failure")).status, "Stopped");
  });

  it("ends once, however often end() and disposal are called", async () => {
    const opening = openRenderingSession(client, "scoped-twice", SETTINGS, { intervalInMs: 5 });
    await startUpWhenCreated("scoped-twice");
    const scope = await opening;
    const first = scope.end();
    assert.equal(scope.end(), first);
    await first;
    await scope[Symbol.asyncDispose]();
    assert.equal((await client.getSession("scoped-twice")).status, "Stopped");
  });
});
