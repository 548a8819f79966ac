import assert from "node:assert/strict";
import type { WireSession, WireSessionList } from "../../src/emulator/operations/wireTypes";
import {
  MINUTE_IN_MS,
  START_TIME_IN_MS,
  errorOf,
  startHarness,
  type Harness,
} from "./support/emulatorHarness";

const SEVEN_DIGIT_OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?\+00:00$/;

describe("emulator sessions (raw HTTP)", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const create = (id: string, body: unknown = { maxLeaseTimeMinutes: 5, size: "Standard" }) =>
    harness.call("PUT", `/sessions/${id}`, { body });

  it("runs the full lifecycle: create, Starting, Ready, extend, stop, Stopped", async () => {
    const created = await create("lifecycle-1");
    assert.equal(created.status, 201);
    const starting = created.body as WireSession;
    assert.deepEqual(Object.keys(starting), [
      "id",
      "creationTime",
      "arrInspectorPort",
      "handshakePort",
      "elapsedTimeMinutes",
      "hostname",
      "maxLeaseTimeMinutes",
      "size",
      "status",
      "teraflops",
      "error",
    ]);
    assert.equal(starting.status, "Starting");
    assert.equal(starting.handshakePort, 0);
    assert.equal(starting.arrInspectorPort, 0);
    assert.equal(starting.hostname, null);
    assert.equal(starting.teraflops, 0);
    assert.equal(starting.error, null);
    assert.match(starting.creationTime, SEVEN_DIGIT_OFFSET_TIME);
    assert.equal(new Date(starting.creationTime).getTime(), START_TIME_IN_MS, "created at the emulated time");

    harness.clock.advance(59_999);
    assert.equal(
      ((await harness.call("GET", "/sessions/lifecycle-1")).body as WireSession).status,
      "Starting",
    );
    harness.clock.advance(1);
    const ready = (await harness.call("GET", "/sessions/lifecycle-1")).body as WireSession;
    assert.equal(ready.status, "Ready");
    for (const port of [ready.handshakePort, ready.arrInspectorPort]) {
      assert.ok(Number.isInteger(port) && port >= 49152 && port <= 65534, `port ${port} in range`);
    }
    assert.notEqual(ready.handshakePort, ready.arrInspectorPort);
    assert.match(ready.hostname ?? "", /^\d{9}-[0-9a-f-]{36}\.remoterendering\.vm\.emulator\.localhost$/);
    assert.equal(ready.teraflops, 10.6);
    assert.equal(ready.elapsedTimeMinutes, 0);
    assert.equal(ready.creationTime, starting.creationTime);

    harness.clock.advance(3 * MINUTE_IN_MS + 30_000);
    assert.equal(
      ((await harness.call("GET", "/sessions/lifecycle-1")).body as WireSession).elapsedTimeMinutes,
      3,
    );

    const extended = await harness.call("PATCH", "/sessions/lifecycle-1", {
      body: { maxLeaseTimeMinutes: 10 },
    });
    assert.equal(extended.status, 200);
    assert.equal((extended.body as WireSession).maxLeaseTimeMinutes, 10);
    assert.equal((extended.body as WireSession).status, "Ready");

    const stopped = await harness.call("POST", "/sessions/lifecycle-1/:stop");
    assert.equal(stopped.status, 204);
    assert.equal(stopped.text, "");
    assert.ok(stopped.headers.get("ms-cv"));

    harness.clock.advance(10 * MINUTE_IN_MS);
    const after = (await harness.call("GET", "/sessions/lifecycle-1")).body as WireSession;
    assert.equal(after.status, "Stopped");
    assert.equal(after.hostname, null);
    assert.equal(after.handshakePort, 0);
    assert.equal(after.arrInspectorPort, 0);
    assert.equal(after.elapsedTimeMinutes, 3, "elapsed time stops with the session");
    assert.equal(after.teraflops, 10.6);

    const again = await harness.call("POST", "/sessions/lifecycle-1/:stop");
    assert.equal(again.status, 204, "stopping twice is harmless");
  });

  it("uses the start-up time of the session's size", async () => {
    await create("premium-1", { maxLeaseTimeMinutes: 30, size: "Premium" });
    harness.clock.advance(60_000);
    assert.equal(((await harness.call("GET", "/sessions/premium-1")).body as WireSession).status, "Starting");
    harness.clock.advance(60_000);
    const ready = (await harness.call("GET", "/sessions/premium-1")).body as WireSession;
    assert.equal(ready.status, "Ready");
    assert.equal(ready.size, "Premium");
    assert.equal(ready.teraflops, 33.2);
  });

  it("answers a retried create with identical settings 200 and the same session", async () => {
    const first = await create("retried-1");
    harness.clock.advance(61_000);
    await harness.call("PATCH", "/sessions/retried-1", { body: { maxLeaseTimeMinutes: 8 } });
    const retried = await create("retried-1");
    assert.equal(retried.status, 200);
    const session = retried.body as WireSession;
    assert.equal(session.creationTime, (first.body as WireSession).creationTime);
    assert.equal(session.status, "Ready");
    assert.equal(session.maxLeaseTimeMinutes, 8, "shows the current lease");
  });

  it("answers a create with other settings for an existing id 409", async () => {
    await create("conflict-1");
    for (const body of [
      { maxLeaseTimeMinutes: 6, size: "Standard" },
      { maxLeaseTimeMinutes: 5, size: "Premium" },
    ]) {
      const answer = await create("conflict-1", body);
      assert.equal(answer.status, 409);
      assert.equal(errorOf(answer).code, "Conflict");
    }
  });

  it("expires a Ready session once it has been Ready longer than its lease", async () => {
    await create("expiring-1", { maxLeaseTimeMinutes: 2, size: "Standard" });
    harness.clock.advance(60_000 + 2 * MINUTE_IN_MS - 1);
    const lastReady = (await harness.call("GET", "/sessions/expiring-1")).body as WireSession;
    assert.equal(lastReady.status, "Ready");
    assert.equal(lastReady.elapsedTimeMinutes, 1);
    harness.clock.advance(1);
    const expired = (await harness.call("GET", "/sessions/expiring-1")).body as WireSession;
    assert.equal(expired.status, "Expired");
    assert.equal(expired.elapsedTimeMinutes, 2);
    assert.equal(expired.hostname, null);
    assert.equal(expired.handshakePort, 0);

    const list = (await harness.call("GET", "/sessions")).body as WireSessionList;
    assert.deepEqual(list.sessions, [], "expired sessions are not listed");
    const extend = await harness.call("PATCH", "/sessions/expiring-1", { body: { maxLeaseTimeMinutes: 30 } });
    assert.equal(extend.status, 422);
    assert.equal((await harness.call("POST", "/sessions/expiring-1/:stop")).status, 204);
    const still = (await harness.call("GET", "/sessions/expiring-1")).body as WireSession;
    assert.equal(still.status, "Expired", "stopping an expired session keeps it Expired");
  });

  it("moves the expiry when the lease is extended while Ready", async () => {
    await create("extend-1", { maxLeaseTimeMinutes: 2, size: "Standard" });
    harness.clock.advance(60_000 + 90_000);
    assert.equal(
      (await harness.call("PATCH", "/sessions/extend-1", { body: { maxLeaseTimeMinutes: 4 } })).status,
      200,
    );
    harness.clock.advance(MINUTE_IN_MS);
    assert.equal(((await harness.call("GET", "/sessions/extend-1")).body as WireSession).status, "Ready");
    harness.clock.advance(2 * MINUTE_IN_MS);
    assert.equal(((await harness.call("GET", "/sessions/extend-1")).body as WireSession).status, "Expired");
  });

  it("lets a lease be extended while the session is Starting, as recorded", async () => {
    await create("starting-extend", { maxLeaseTimeMinutes: 4, size: "Standard" });
    const answer = await harness.call("PATCH", "/sessions/starting-extend", {
      body: { maxLeaseTimeMinutes: 5 },
    });
    assert.equal(answer.status, 200);
    assert.equal((answer.body as WireSession).status, "Starting");
    assert.equal((answer.body as WireSession).maxLeaseTimeMinutes, 5);
  });

  it("validates create bodies with 400 naming the field", async () => {
    const negative = await create("bad-1", { maxLeaseTimeMinutes: -4, size: "Standard" });
    assert.equal(negative.status, 400);
    assert.deepEqual((negative.body as { error: unknown }).error, {
      code: "BadRequest",
      message: "The maxLeaseTimeMinutes value cannot be negative.",
      details: null,
      target: "maxLeaseTimeMinutes",
      innerError: null,
    });
    const cases: Array<[unknown, string]> = [
      [{ maxLeaseTimeMinutes: 1441, size: "Standard" }, "maxLeaseTimeMinutes"],
      [{ maxLeaseTimeMinutes: 1.5, size: "Standard" }, "maxLeaseTimeMinutes"],
      [{ maxLeaseTimeMinutes: "60", size: "Standard" }, "maxLeaseTimeMinutes"],
      [{ size: "Standard" }, "maxLeaseTimeMinutes"],
      [{ maxLeaseTimeMinutes: 60, size: "Huge" }, "size"],
      [{ maxLeaseTimeMinutes: 60, size: "standard" }, "size"],
      [{ maxLeaseTimeMinutes: 60 }, "size"],
      [[], "body"],
      ["text", "body"],
    ];
    for (const [body, target] of cases) {
      const answer = await create("bad-1", body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(errorOf(answer).target, target, JSON.stringify(body));
      assert.equal(errorOf(answer).code, "BadRequest");
    }
    const both = await create("bad-1", { maxLeaseTimeMinutes: -1, size: "Tiny" });
    const details = (both.body as { error: { details: Array<{ target: string }> } }).error.details;
    assert.deepEqual(
      details.map((detail) => detail.target),
      ["maxLeaseTimeMinutes", "size"],
    );
    assert.equal((await harness.call("GET", "/sessions/bad-1")).status, 404, "nothing was created");
  });

  it("accepts the edges of the allowed ranges", async () => {
    assert.equal((await create("a".repeat(256), { maxLeaseTimeMinutes: 0, size: "Standard" })).status, 201);
    assert.equal((await create("Z_-9", { maxLeaseTimeMinutes: 1440, size: "Premium" })).status, 201);
  });

  it("rejects session ids that are too long or use other characters", async () => {
    for (const id of ["a".repeat(257), "a.b", "a%20b", "caf%C3%A9"]) {
      const answer = await create(id);
      assert.equal(answer.status, 400, id);
      assert.equal(errorOf(answer).target, "session_id");
    }
  });

  it("ends a session with lease 0 as Expired when it would become Ready", async () => {
    await create("zero-lease", { maxLeaseTimeMinutes: 0, size: "Standard" });
    harness.clock.advance(60_000);
    assert.equal(((await harness.call("GET", "/sessions/zero-lease")).body as WireSession).status, "Expired");
  });

  it("checks updates: 422 (the operation's only listed client error) for invalid or smaller leases", async () => {
    await create("update-1", { maxLeaseTimeMinutes: 10, size: "Standard" });
    for (const value of [-1, 1441, 2.5, "20", null]) {
      const answer = await harness.call("PATCH", "/sessions/update-1", {
        body: { maxLeaseTimeMinutes: value },
      });
      assert.equal(answer.status, 422, String(value));
      assert.equal(errorOf(answer).code, "UnprocessableEntity");
      assert.equal(errorOf(answer).target, "maxLeaseTimeMinutes");
    }
    const negative = await harness.call("PATCH", "/sessions/update-1", { body: { maxLeaseTimeMinutes: -1 } });
    assert.equal(errorOf(negative).message, "The maxLeaseTimeMinutes value cannot be negative.");
    const missing = await harness.call("PATCH", "/sessions/update-1", { body: {} });
    assert.equal(missing.status, 422);
    assert.equal(errorOf(missing).target, "maxLeaseTimeMinutes");
    for (const value of [10, 9, 0]) {
      const answer = await harness.call("PATCH", "/sessions/update-1", {
        body: { maxLeaseTimeMinutes: value },
      });
      assert.equal(answer.status, 422, String(value));
      assert.equal(errorOf(answer).code, "UnprocessableEntity");
      assert.match(errorOf(answer).message, /larger than the current value \(10\)/);
    }
    const top = await harness.call("PATCH", "/sessions/update-1", { body: { maxLeaseTimeMinutes: 1440 } });
    assert.equal(top.status, 200);
  });

  it("answers 404 with an error_response for unknown session ids", async () => {
    for (const [method, path, body] of [
      ["GET", "/sessions/nope", undefined],
      ["PATCH", "/sessions/nope", { maxLeaseTimeMinutes: 20 }],
      ["POST", "/sessions/nope/:stop", undefined],
    ] as const) {
      const answer = await harness.call(method, path, body === undefined ? {} : { body });
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.equal(errorOf(answer).code, "NotFound");
      assert.ok(answer.headers.get("ms-cv"));
    }
  });

  it("keeps session ids case sensitive and account ids case insensitive", async () => {
    await create("CaseId");
    assert.equal((await harness.call("GET", "/sessions/caseid")).status, 404);
    const upper = await fetch(
      `${harness.emulator.url}/accounts/${harness.account.accountId.toUpperCase()}/sessions/CaseId?api-version=2021-01-01`,
      { headers: { Authorization: `Bearer ${harness.token}` } },
    );
    assert.equal(upper.status, 200);
  });
});
