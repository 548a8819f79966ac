import assert from "node:assert/strict";
import nock from "nock";
import { RemoteRenderingServiceError, isRestError } from "../../../src/index";
import type { RenderingSessionSize } from "../../../src/index";
import {
  advanceUntil,
  apiQuery,
  drive,
  endpoint,
  flushIo,
  installClock,
  rejectionOf,
  resetNock,
  sessionBody,
  sessionsPath,
  tokenClient,
} from "../support/clientTestKit";
import type { InstalledClock } from "../support/clientTestKit";

interface SessionMock {
  /** Fake-clock times of the status requests. */
  pollTimes: number[];
  createTimes: number[];
  createBodies: unknown[];
  stops: number;
}

/** Mocks creation (answering `created`) and status requests answering `polls` in order. */
function mockSession(created: object | [number, object], polls: object[], id = "s1"): SessionMock {
  const mock: SessionMock = { pollTimes: [], createTimes: [], createBodies: [], stops: 0 };
  const [status, body] = Array.isArray(created) ? created : [201, created];
  const scope = nock(endpoint);
  scope
    .put(`${sessionsPath}/${id}`)
    .query(apiQuery)
    .reply((_uri, requestBody) => {
      mock.createTimes.push(Date.now());
      mock.createBodies.push(requestBody);
      return [status, body, { "MS-CV": "cv-create" }];
    });
  for (const poll of polls) {
    scope
      .get(`${sessionsPath}/${id}`)
      .query(apiQuery)
      .reply(() => {
        mock.pollTimes.push(Date.now());
        return [200, poll, { "MS-CV": `cv-poll-${mock.pollTimes.length}` }];
      });
  }
  scope
    .post(`${sessionsPath}/${id}/:stop`)
    .query(true)
    .optionally()
    .reply(() => {
      mock.stops += 1;
      return [204];
    });
  return mock;
}

const settings = (size: RenderingSessionSize = "Standard") => ({ maxLeaseTimeInMinutes: 10, size });
const gaps = (times: number[]): number[] => times.slice(1).map((time, index) => time - (times[index] ?? 0));

describe("RemoteRenderingClient.beginSession", () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = installClock();
  });
  afterEach(() => {
    clock.uninstall();
    resetNock();
  });

  it("sends the settings and completes with the Ready session, checking every 2 s after creation", async () => {
    const mock = mockSession(sessionBody("s1", "Starting"), [
      sessionBody("s1", "Starting"),
      sessionBody("s1", "Starting"),
      sessionBody("s1", "Ready"),
    ]);
    const start = Date.now();
    const session = await drive(clock, tokenClient().beginSession("s1", settings()).pollUntilDone());
    assert.deepEqual(mock.createBodies, [{ maxLeaseTimeMinutes: 10, size: "Standard" }]);
    assert.equal(session.status, "Ready");
    assert.equal(session.hostname, "1-2.remoterendering.vm.eastus.mixedreality.azure.com");
    // core-lro polls once before its first wait; that poll reuses the creation's fresh answer instead
    // of a request, so 6 s of waiting cost ceil(6 / 2) + 1 = 4 requests, the creation included.
    assert.deepEqual(
      mock.pollTimes.map((time) => time - start),
      [2000, 4000, 6000],
    );
    assert.equal(mock.createBodies.length + mock.pollTimes.length, 4);
  });

  it("polls every 10 s for Premium, and at intervalInMs when given", async () => {
    const premium = mockSession(
      sessionBody("p1", "Starting", { size: "Premium" }),
      [sessionBody("p1", "Starting", { size: "Premium" }), sessionBody("p1", "Ready", { size: "Premium" })],
      "p1",
    );
    await drive(clock, tokenClient().beginSession("p1", settings("Premium")).pollUntilDone());
    assert.deepEqual(gaps(premium.pollTimes), [10_000]);

    const custom = mockSession(
      sessionBody("c1", "Starting"),
      [sessionBody("c1", "Starting"), sessionBody("c1", "Ready")],
      "c1",
    );
    await drive(clock, tokenClient().beginSession("c1", settings(), { intervalInMs: 250 }).pollUntilDone());
    assert.deepEqual(gaps(custom.pollTimes), [250]);
  });

  it("is awaitable directly and reports progress with the latest session", async () => {
    mockSession(sessionBody("s1", "Starting"), [sessionBody("s1", "Starting"), sessionBody("s1", "Ready")]);
    const poller = tokenClient().beginSession("s1", settings());
    const seen: string[] = [];
    poller.onProgress((state) => seen.push(state.latestResponse?.status ?? "none"));
    const session = await drive(clock, Promise.resolve(poller));
    assert.equal(session.status, "Ready");
    // The first progress report is the creation's answer, reused for core-lro's first poll.
    assert.deepEqual(seen, ["Starting", "Starting", "Ready"]);
    assert.equal(poller.isDone, true);
    assert.equal(poller.result?.sessionId, "s1");
  });

  it("completes at once when the session is Ready on creation", async () => {
    const mock = mockSession(sessionBody("s1", "Ready"), []);
    const session = await drive(clock, tokenClient().beginSession("s1", settings()).pollUntilDone());
    assert.equal(session.status, "Ready");
    assert.equal(mock.pollTimes.length, 0);
  });

  it("rejects with the service's error when the session ends in Error", async () => {
    mockSession(sessionBody("s1", "Starting"), [
      sessionBody("s1", "Error", { error: { code: "VmStartFailed", message: "no capacity" } }),
    ]);
    const poller = tokenClient().beginSession("s1", settings());
    const error = await drive(clock, rejectionOf(poller.pollUntilDone()));
    assert.ok(error instanceof RemoteRenderingServiceError);
    assert.equal(error.code, "VmStartFailed");
    assert.equal(error.message, "no capacity");
    assert.equal(error.msCv, "cv-poll-1");
    assert.equal(poller.isDone, true);
    assert.equal(poller.operationState?.status, "failed");
    assert.equal(poller.operationState?.error, error);
  });

  it("rejects with the service's error when creation already reports Error", async () => {
    mockSession(sessionBody("s1", "Error", { error: { code: "QuotaExceeded", message: "too many" } }), []);
    const error = await drive(
      clock,
      rejectionOf(tokenClient().beginSession("s1", settings()).pollUntilDone()),
    );
    assert.ok(error instanceof RemoteRenderingServiceError && error.code === "QuotaExceeded");
  });

  for (const [status, pattern] of [
    ["Expired", /expired before it became Ready/],
    ["Stopped", /stopped before it became Ready/],
  ] as const) {
    it(`rejects saying so when the session is ${status} before Ready`, async () => {
      mockSession(sessionBody("s1", "Starting"), [sessionBody("s1", status)]);
      const error = await drive(
        clock,
        rejectionOf(tokenClient().beginSession("s1", settings()).pollUntilDone()),
      );
      assert.match(error.message, pattern);
    });
  }

  it("rejects on a status it does not know instead of polling forever", async () => {
    const mock = mockSession(sessionBody("s1", "Starting"), [
      sessionBody("s1", "Hibernating"),
      sessionBody("s1", "Ready"),
    ]);
    const error = await drive(
      clock,
      rejectionOf(tokenClient().beginSession("s1", settings()).pollUntilDone()),
    );
    assert.match(error.message, /"Hibernating".*does not know/);
    await drive(clock, flushIo());
    assert.equal(mock.pollTimes.length, 1);
    assert.equal(mock.stops, 0);
  });

  it("rejects with a RestError when creation fails (409 Conflict)", async () => {
    mockSession([409, { error: { code: "Conflict", message: "exists" } }], []);
    const poller = tokenClient().beginSession("s1", settings());
    const error = await drive(clock, rejectionOf(poller.pollUntilDone()));
    assert.ok(isRestError(error) && error.statusCode === 409 && error.code === "Conflict");
  });

  it("stops polling on abort and never stops the session", async () => {
    const mock = mockSession(sessionBody("s1", "Starting"), [
      sessionBody("s1", "Starting"),
      sessionBody("s1", "Starting"),
      sessionBody("s1", "Ready"),
    ]);
    const controller = new AbortController();
    const poller = tokenClient().beginSession("s1", settings(), { abortSignal: controller.signal });
    const done = rejectionOf(poller.pollUntilDone());
    await advanceUntil(clock, () => mock.pollTimes.length === 1);
    controller.abort();
    const error = await drive(clock, done);
    assert.equal(error.name, "AbortError");
    await clock.tickAsync(60_000);
    await flushIo();
    assert.equal(mock.pollTimes.length, 1);
    assert.equal(mock.stops, 0);
  });

  it("aborts an in-flight status request", async () => {
    let requested = false;
    nock(endpoint).put(`${sessionsPath}/s1`).query(apiQuery).reply(201, sessionBody("s1", "Starting"));
    nock(endpoint)
      .get(`${sessionsPath}/s1`)
      .query(apiQuery)
      .reply((_uri, _body, callback) => {
        requested = true;
        void callback; // never answered: only the abort can end this request
      });
    const controller = new AbortController();
    const poller = tokenClient().beginSession("s1", settings(), { abortSignal: controller.signal });
    const done = rejectionOf(poller.pollUntilDone());
    await advanceUntil(clock, () => requested);
    controller.abort();
    const error = await drive(clock, done);
    assert.equal(error.name, "AbortError");
  });

  it("serializes without secrets and resumes polling without creating the session again", async () => {
    const mock = mockSession(sessionBody("s1", "Starting", { size: "Premium" }), [
      sessionBody("s1", "Starting", { size: "Premium" }),
    ]);
    const first = tokenClient("very-secret-token").beginSession("s1", settings("Premium"));
    await drive(clock, first.poll());
    const saved = await drive(clock, first.serialize());
    assert.ok(!saved.includes("very-secret-token"));
    assert.equal(mock.createTimes.length, 1);

    nock(endpoint)
      .get(`${sessionsPath}/s1`)
      .query(apiQuery)
      .times(2)
      .reply(function () {
        mock.pollTimes.push(Date.now());
        return [
          200,
          sessionBody("s1", mock.pollTimes.length < 3 ? "Starting" : "Ready", { size: "Premium" }),
        ];
      });
    const resumed = tokenClient("other-token").beginSession({ resumeFrom: saved });
    const session = await drive(clock, resumed.pollUntilDone());
    assert.equal(session.status, "Ready");
    assert.equal(mock.createTimes.length, 1);
    // Resumed pollers keep the size's default interval (Premium: 10 s).
    assert.deepEqual(gaps(mock.pollTimes.slice(1)), [10_000]);
  });

  it("refuses to resume a session from a conversion poller's state", async () => {
    const text = JSON.stringify({
      state: {
        status: "running",
        config: { metadata: { resourceKind: "conversion", accountId: "x", resourceId: "c1" } },
      },
    });
    assert.throws(() => tokenClient().beginSession({ resumeFrom: text }), RangeError);
  });
});
