import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import {
  FAULT_HEADER,
  startEmulator,
  type EmulatorAccount,
  type EmulatorOptions,
  type FaultRule,
} from "../../../src/emulator/index";
import type { WireSession } from "../../../src/emulator/operations/wireTypes";
import { callUrl, errorOf, startHarness, type Harness } from "../support/emulatorHarness";

const SESSION = { maxLeaseTimeMinutes: 10, size: "Standard" };

/** Starts an emulator, then adds the rules (so the harness's own token request is not hit). */
async function startWithFaults(rules: FaultRule[], options: EmulatorOptions = {}): Promise<Harness> {
  const started = await startHarness(options);
  rules.forEach((rule) => started.emulator.faults.add(rule));
  return started;
}

describe("emulator fault injection (raw HTTP)", () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it("throttles the next N requests with 429 and Retry-After, then answers normally", async () => {
    harness = await startWithFaults([{ kind: "throttle", count: 2, retryAfterInSeconds: 7 }]);
    for (let i = 0; i < 2; i += 1) {
      const answer = await harness.call("GET", "/sessions");
      assert.equal(answer.status, 429);
      assert.equal(answer.headers.get("retry-after"), "7");
      assert.equal(errorOf(answer).code, "TooManyRequests");
      assert.ok(answer.headers.get("ms-cv"));
    }
    assert.equal((await harness.call("GET", "/sessions")).status, 200);
    assert.deepEqual(harness.emulator.faults.list(), []);
    assert.equal(
      harness.logs.filter((line) => line.includes(" 429 ") && line.endsWith("fault=throttle")).length,
      2,
    );
  });

  it("answers 500 and 503 with error_response bodies", async () => {
    harness = await startWithFaults([
      { kind: "internal-error", count: 1 },
      { kind: "unavailable", count: 1, retryAfterInSeconds: 2 },
      { kind: "unavailable", count: 1 },
    ]);
    const internal = await harness.call("GET", "/conversions");
    assert.equal(internal.status, 500);
    assert.equal(errorOf(internal).code, "InternalServerError");
    const unavailable = await harness.call("GET", "/conversions");
    assert.equal(unavailable.status, 503);
    assert.equal(errorOf(unavailable).code, "ServiceUnavailable");
    assert.equal(unavailable.headers.get("retry-after"), "2");
    const plain = await harness.call("GET", "/conversions");
    assert.equal(plain.status, 503);
    assert.equal(plain.headers.get("retry-after"), null);
    assert.equal((await harness.call("GET", "/conversions")).status, 200);
  });

  it("delays an answer and then answers normally", async () => {
    harness = await startWithFaults([{ kind: "delay", count: 1, delayInMs: 150 }]);
    const started = performance.now();
    const answer = await harness.call("GET", "/sessions");
    // A lower bound only: timers never fire early, however busy the machine is.
    assert.ok(performance.now() - started >= 145, "the answer waited for the delay");
    assert.equal(answer.status, 200);
    assert.ok(harness.logs.some((line) => line.includes(" 200 ") && line.endsWith("fault=delay")));
  });

  it("resets the connection without an answer, and serves the next request", async () => {
    harness = await startWithFaults([{ kind: "reset", count: 1, operations: ["CreateSession"] }]);
    await assert.rejects(harness.call("PUT", "/sessions/reset-1", { body: SESSION }), TypeError);
    assert.equal((await harness.call("GET", "/sessions/reset-1")).status, 404, "nothing was created");
    assert.equal((await harness.call("PUT", "/sessions/reset-1", { body: SESSION })).status, 201);
    assert.ok(harness.logs.some((line) => line.includes(" reset ") && line.endsWith("fault=reset")));
  });

  it("applies a fraction of requests, reproducibly for a given seed", async () => {
    const run = async (): Promise<number[]> => {
      const local = await startWithFaults([{ kind: "throttle", probability: 0.3, retryAfterInSeconds: 0 }], {
        seed: 7,
      });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 100; i += 1) statuses.push((await local.call("GET", "/sessions")).status);
        return statuses;
      } finally {
        await local.close();
      }
    };
    const first = await run();
    const throttled = first.filter((status) => status === 429).length;
    assert.ok(throttled > 10 && throttled < 50, `about 30 of 100 throttled, got ${throttled}`);
    assert.ok(first.every((status) => status === 429 || status === 200));
    assert.deepEqual(await run(), first, "the same seed throttles the same requests");
  });

  it("applies rules configured at start, including to the token service", async () => {
    const emulator = await startEmulator({
      logger: false,
      faults: [{ kind: "throttle", count: 1, operations: ["GetToken"], retryAfterInSeconds: 4 }],
    });
    try {
      const account = emulator.accounts[0] as EmulatorAccount;
      const tokenUrl = `${emulator.url}/Accounts/${account.accountId}/token?api-version=2019-02-28-preview`;
      const headers = { Authorization: `Bearer ${account.accountId}:${account.accountKey}` };
      const throttled = await callUrl("GET", tokenUrl, { headers });
      assert.equal(throttled.status, 429);
      assert.equal(throttled.headers.get("retry-after"), "4");
      assert.match(throttled.headers.get("www-authenticate") ?? "", /^Invalid request: .*rate limit/);
      assert.equal((await callUrl("GET", tokenUrl, { headers })).status, 200);
    } finally {
      await emulator.close();
    }
  });

  it("limits a rule to the operations it names", async () => {
    harness = await startWithFaults([{ kind: "internal-error", operations: ["GetSession"] }]);
    assert.equal((await harness.call("PUT", "/sessions/ops-1", { body: SESSION })).status, 201);
    assert.equal((await harness.call("GET", "/sessions/ops-1")).status, 500);
    assert.equal(
      (await harness.call("GET", "/sessions/ops-1")).status,
      500,
      "no count: every matching request",
    );
    assert.equal((await harness.call("GET", "/sessions")).status, 200);
  });

  it("applies a fault named in the request header to that request only", async () => {
    harness = await startHarness();
    const throttled = await harness.call("GET", "/sessions", {
      headers: { [FAULT_HEADER]: "throttle; retry-after=3" },
    });
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get("retry-after"), "3");
    const unavailable = await harness.call("GET", "/sessions", {
      headers: { [FAULT_HEADER]: "unavailable" },
    });
    assert.equal(unavailable.status, 503);
    assert.equal(
      (await harness.call("GET", "/sessions", { headers: { [FAULT_HEADER]: "internal-error" } })).status,
      500,
    );
    assert.equal(
      (await harness.call("GET", "/sessions", { headers: { [FAULT_HEADER]: "delay; delay-ms=5" } })).status,
      200,
    );
    await assert.rejects(
      harness.call("GET", "/sessions", { headers: { [FAULT_HEADER]: "reset" } }),
      TypeError,
    );
    assert.equal((await harness.call("GET", "/sessions")).status, 200);
    for (const value of ["explode", "throttle; retry-after=x", "delay; speed=2"]) {
      const bad = await harness.call("GET", "/sessions", { headers: { [FAULT_HEADER]: value } });
      assert.equal(bad.status, 400, value);
      assert.equal(errorOf(bad).target, FAULT_HEADER);
    }
  });

  it("adds, lists and clears rules through the admin endpoint", async () => {
    harness = await startHarness();
    const admin = `${harness.emulator.url}/_emulator/faults`;
    const added = await callUrl("POST", admin, {
      body: { kind: "unavailable", count: 1, retryAfterInSeconds: 1 },
    });
    assert.equal(added.status, 201);
    assert.deepEqual(added.body, {
      id: 1,
      kind: "unavailable",
      count: 1,
      retryAfterInSeconds: 1,
      remaining: 1,
    });
    assert.equal((await harness.call("GET", "/sessions")).status, 503);
    assert.equal((await harness.call("GET", "/sessions")).status, 200);

    await callUrl("POST", admin, { body: { kind: "throttle" } });
    assert.deepEqual((await callUrl("GET", admin)).body, { faults: [{ id: 2, kind: "throttle" }] });
    assert.equal((await harness.call("GET", "/sessions")).status, 429);
    assert.equal((await callUrl("DELETE", admin)).status, 204);
    assert.equal((await harness.call("GET", "/sessions")).status, 200);

    for (const body of [
      { kind: "meltdown" },
      { kind: "throttle", count: 0 },
      { kind: "throttle", probability: 2 },
      [],
    ]) {
      const answer = await callUrl("POST", admin, { body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(errorOf(answer).code, "BadRequest");
    }
    assert.equal((await callUrl("PUT", admin, { body: {} })).status, 405);
    assert.equal((await callUrl("GET", `${harness.emulator.url}/_emulator/nothing`)).status, 404);
  });

  it("adds rules programmatically", async () => {
    const local = await startHarness();
    harness = local;
    const rule = local.emulator.faults.add({ kind: "throttle", count: 1 });
    assert.equal(rule.remaining, 1);
    assert.equal((await local.call("GET", "/sessions")).status, 429);
    assert.throws(() => local.emulator.faults.add({ kind: "throttle", count: -1 }), RangeError);
  });

  it("makes a session fail to start: status Error with an error object", async () => {
    harness = await startWithFaults([{ kind: "session-start-failure", count: 1 }]);
    const created = await harness.call("PUT", "/sessions/doomed", { body: SESSION });
    assert.equal(created.status, 201);
    assert.equal((created.body as WireSession).status, "Starting");
    assert.equal(
      (await harness.call("PUT", "/sessions/doomed", { body: SESSION })).status,
      200,
      "a retry spends no fault",
    );
    await harness.call("PUT", "/sessions/healthy", { body: SESSION });
    harness.clock.advance(60_000);
    const failed = (await harness.call("GET", "/sessions/doomed")).body as WireSession;
    assert.equal(failed.status, "Error");
    assert.deepEqual(Object.keys(failed.error ?? {}), ["code", "message"]);
    assert.equal(failed.error?.code, "SessionStartFailed");
    assert.equal(failed.hostname, null);
    assert.equal(failed.teraflops, 0);
    assert.equal(((await harness.call("GET", "/sessions/healthy")).body as WireSession).status, "Ready");
    assert.equal(
      (await harness.call("PATCH", "/sessions/doomed", { body: { maxLeaseTimeMinutes: 20 } })).status,
      422,
    );
  });

  it("makes a session or a conversion fail through the request header", async () => {
    harness = await startHarness();
    await harness.call("PUT", "/sessions/header-doomed", {
      body: SESSION,
      headers: { [FAULT_HEADER]: "session-start-failure" },
    });
    await harness.call("PUT", "/conversions/header-doomed", {
      headers: { [FAULT_HEADER]: "conversion-failure" },
      body: {
        settings: {
          inputLocation: {
            storageContainerUri: "https://a.blob.core.windows.net/c",
            storageContainerReadListSas: "s",
            relativeInputAssetPath: "fine.fbx",
          },
          outputLocation: {
            storageContainerUri: "https://a.blob.core.windows.net/c",
            storageContainerWriteSas: "s",
          },
        },
      },
    });
    harness.clock.advance(60_000);
    assert.equal(
      ((await harness.call("GET", "/sessions/header-doomed")).body as WireSession).status,
      "Error",
    );
    const conversion = (await harness.call("GET", "/conversions/header-doomed")).body as {
      status: string;
      error: { code: string };
    };
    assert.equal(conversion.status, "Failed");
    assert.equal(conversion.error.code, "ConversionProcessFailed");
  });
});
