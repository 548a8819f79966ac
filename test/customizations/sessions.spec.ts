import assert from "node:assert/strict";
import nock from "nock";
import { RemoteRenderingServiceError, isRemoteRenderingRestError, isRestError } from "../../src/index";
import {
  apiQuery,
  drive,
  endpoint,
  installClock,
  rejectionOf,
  resetNock,
  sessionBody,
  sessionsPath,
  tokenClient,
} from "./support/clientTestKit";

const errorBody = (code: string, message: string): object => ({
  error: {
    code,
    message,
    details: [{ code: `${code}Detail`, message: "more" }],
    target: "maxLeaseTimeMinutes",
  },
});

describe("RemoteRenderingClient sessions", () => {
  afterEach(resetNock);

  it("updates the lease with PATCH and returns the updated session", async () => {
    let sentBody: unknown;
    nock(endpoint)
      .patch(`${sessionsPath}/s1`, (body: unknown) => {
        sentBody = body;
        return true;
      })
      .query(apiQuery)
      .reply(200, sessionBody("s1", "Ready", { maxLeaseTimeMinutes: 30 }));
    const session = await tokenClient().updateSession("s1", { maxLeaseTimeInMinutes: 30 });
    assert.deepEqual(sentBody, { maxLeaseTimeMinutes: 30 });
    assert.equal(session.maxLeaseTimeInMinutes, 30);
  });

  describe("a resent PATCH whose first attempt was applied (idempotent update)", () => {
    /** The first PATCH is applied but its answer is lost (reset); the pipeline's resend gets 422. */
    function lostAnswerThen422(leaseNowInMinutes: number, status = "Ready"): { patches: () => number } {
      let patches = 0;
      const scope = nock(endpoint)
        .patch(`${sessionsPath}/s1`)
        .query(apiQuery)
        // The answer of the applied PATCH is lost: the connection is reset instead.
        .replyWithError(
          Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) as unknown as string,
        )
        .patch(`${sessionsPath}/s1`)
        .query(apiQuery)
        .reply(422, errorBody("UnprocessableEntity", "The new lease must be larger than the current one."))
        .get(`${sessionsPath}/s1`)
        .query(apiQuery)
        .reply(200, sessionBody("s1", status, { maxLeaseTimeMinutes: leaseNowInMinutes }));
      scope.on("request", (request: { method: string }) => {
        if (request.method === "PATCH") patches += 1;
      });
      return { patches: () => patches };
    }

    it("succeeds with the session when its lease already equals the target", async () => {
      const sent = lostAnswerThen422(30);
      const session = await tokenClient().updateSession("s1", { maxLeaseTimeInMinutes: 30 });
      assert.equal(sent.patches(), 2, "the PATCH was sent twice");
      assert.equal(session.status, "Ready");
      assert.equal(session.maxLeaseTimeInMinutes, 30);
      assert.ok(nock.isDone());
    });

    it("passes the 422 on when the lease differs or the session has ended", async () => {
      for (const [lease, status] of [
        [20, "Ready"],
        [30, "Stopped"],
      ] as const) {
        lostAnswerThen422(lease, status);
        const error = await rejectionOf(tokenClient().updateSession("s1", { maxLeaseTimeInMinutes: 30 }));
        assert.ok(isRemoteRenderingRestError(error), String(error));
        assert.equal(error.statusCode, 422);
        assert.ok(nock.isDone());
      }
    });
  });

  it("ends a session with POST :stop", async () => {
    const scope = nock(endpoint).post(`${sessionsPath}/s1/:stop`).query(apiQuery).reply(204);
    await tokenClient().endSession("s1");
    assert.ok(scope.isDone());
  });

  it("lists sessions across pages linked by relative and absolute @nextLink", async () => {
    nock(endpoint)
      .get(sessionsPath)
      .query(apiQuery)
      .reply(200, { sessions: [sessionBody("a", "Ready")], "@nextLink": `${sessionsPath}?page=2` })
      .get(sessionsPath)
      .query({ page: "2", "api-version": "2021-01-01" })
      .reply(200, {
        sessions: [sessionBody("b", "Starting")],
        "@nextLink": `${endpoint}${sessionsPath}?page=3`,
      })
      .get(sessionsPath)
      .query({ page: "3", "api-version": "2021-01-01" })
      .reply(200, { sessions: [sessionBody("c", "Hibernating")] });
    const ids: string[] = [];
    for await (const session of tokenClient().listSessions()) {
      ids.push(`${session.sessionId}:${session.status}`);
    }
    assert.deepEqual(ids, ["a:Ready", "b:Starting", "c:Unknown"]);
  });

  it("pages with byPage() and resumes from a continuation token", async () => {
    nock(endpoint)
      .get(sessionsPath)
      .query(apiQuery)
      .reply(200, {
        sessions: [sessionBody("a", "Ready"), sessionBody("b", "Ready")],
        "@nextLink": `${sessionsPath}?page=2`,
      })
      .get(sessionsPath)
      .query({ page: "2", "api-version": "2021-01-01" })
      .times(2)
      .reply(200, { sessions: [sessionBody("c", "Ready")] });
    const client = tokenClient();
    const pages: string[][] = [];
    for await (const page of client.listSessions().byPage()) {
      pages.push(page.map((session) => session.sessionId));
    }
    assert.deepEqual(pages, [["a", "b"], ["c"]]);
    const resumed: string[][] = [];
    for await (const page of client.listSessions().byPage({ continuationToken: `${sessionsPath}?page=2` })) {
      resumed.push(page.map((session) => session.sessionId));
    }
    assert.deepEqual(resumed, [["c"]]);
  });

  it("refuses a @nextLink to another host: no request and no token go there", async () => {
    let foreignRequests = 0;
    nock("https://evil.example")
      .get(() => true)
      .query(true)
      .reply(() => {
        foreignRequests += 1;
        return [200, { sessions: [] }];
      });
    nock(endpoint)
      .get(sessionsPath)
      .query(apiQuery)
      .reply(200, { sessions: [sessionBody("a", "Ready")], "@nextLink": "https://evil.example/steal?x=1" });
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const session of tokenClient("secret-token").listSessions()) {
          seen.push(session.sessionId);
        }
      })(),
    );
    assert.deepEqual(seen, ["a"]);
    assert.match(error.message, /Refused to send a request to https:\/\/evil\.example/);
    assert.ok(!error.message.includes("secret-token"));
    assert.equal(foreignRequests, 0);
    const sameHostOtherPort = await rejectionOf(
      tokenClient()
        .listSessions()
        .byPage({ continuationToken: `${endpoint}:8443${sessionsPath}` })
        .next(),
    );
    assert.match(sameHostOtherPort.message, /Refused/);
  });

  it("never follows a redirect to another host, even when cross-origin redirects are allowed", async () => {
    let foreignRequests = 0;
    nock("https://evil.example")
      .get(() => true)
      .query(true)
      .times(2)
      .reply(() => {
        foreignRequests += 1;
        return [200, sessionBody("s1", "Ready")];
      });
    nock(endpoint)
      .get(`${sessionsPath}/s1`)
      .query(apiQuery)
      .times(2)
      .reply(307, "", { Location: "https://evil.example/capture" });
    const notFollowed = await rejectionOf(tokenClient("secret-token").getSession("s1"));
    assert.ok(isRestError(notFollowed) && notFollowed.statusCode === 307);
    const permissive = tokenClient("secret-token", { redirectOptions: { allowCrossOriginRedirects: true } });
    const refused = await rejectionOf(permissive.getSession("s1"));
    assert.match(refused.message, /Refused to send a request to https:\/\/evil\.example/);
    assert.equal(foreignRequests, 0);
  });

  describe("failures", () => {
    const cases: Array<[number, string]> = [
      [400, "BadRequest"],
      [403, "Forbidden"],
      [404, "NotFound"],
      [409, "Conflict"],
      [422, "UnprocessableEntity"],
    ];
    for (const [status, code] of cases) {
      it(`throws a RestError for HTTP ${status} with the service's code, message, details and MS-CV`, async () => {
        nock(endpoint)
          .patch(`${sessionsPath}/s1`)
          .query(apiQuery)
          .reply(status, errorBody(code, `message for ${status}`), { "MS-CV": `cv-${status}` });
        const error = await rejectionOf(tokenClient().updateSession("s1", { maxLeaseTimeInMinutes: 5 }));
        assert.ok(isRemoteRenderingRestError(error));
        assert.equal(error.statusCode, status);
        assert.equal(error.code, code);
        assert.match(error.message, new RegExp(`message for ${status}`));
        assert.match(error.message, new RegExp(`MS-CV cv-${status}`));
        assert.equal(error.details.msCv, `cv-${status}`);
        assert.equal(error.details.error?.target, "maxLeaseTimeMinutes");
        assert.deepEqual(error.details.error?.details, [{ code: `${code}Detail`, message: "more" }]);
      });
    }

    // On the fake clock: the wait is the header's (at most 60 s), not the millisecond backoff of these tests.
    for (const [name, value, waitInMs] of [
      ["Retry-After", "1", 1000],
      ["Retry-After", "86400", 60_000],
      ["Retry-After", "1e9", 60_000],
      ["Retry-After", "Infinity", 60_000],
      ["Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT", 60_000],
      ["retry-after-ms", "86400000", 60_000],
    ] as const) {
      it(`retries a 429 after its ${name} of ${value} (waiting ${waitInMs} ms), then succeeds`, async () => {
        const times: number[] = [];
        nock(endpoint)
          .get(`${sessionsPath}/s1`)
          .query(apiQuery)
          .reply(() => {
            times.push(Date.now());
            return [429, "", { [name]: value }];
          })
          .get(`${sessionsPath}/s1`)
          .query(apiQuery)
          .reply(() => {
            times.push(Date.now());
            return [200, sessionBody("s1", "Ready")];
          });
        const clock = installClock();
        try {
          const session = await drive(clock, tokenClient().getSession("s1"));
          assert.equal(session.status, "Ready");
        } finally {
          clock.uninstall();
        }
        assert.deepEqual([times.length, (times[1] ?? 0) - (times[0] ?? 0)], [2, waitInMs]);
      });
    }

    it("retries a 500 and then succeeds", async () => {
      nock(endpoint)
        .get(`${sessionsPath}/s1`)
        .query(apiQuery)
        .reply(500, errorBody("InternalServerError", "try again"))
        .get(`${sessionsPath}/s1`)
        .query(apiQuery)
        .reply(200, sessionBody("s1", "Starting"));
      assert.equal((await tokenClient().getSession("s1")).status, "Starting");
    });

    it("gives up after the configured retries with a RestError 500", async () => {
      const scope = nock(endpoint)
        .get(`${sessionsPath}/s1`)
        .query(apiQuery)
        .times(3)
        .reply(500, errorBody("InternalServerError", "still broken"), { "MS-CV": "cv-500" });
      const error = await rejectionOf(tokenClient().getSession("s1"));
      assert.ok(isRestError(error) && error.statusCode === 500 && error.code === "InternalServerError");
      assert.ok(scope.isDone());
    });

    it("reports a malformed body as a parse error", async () => {
      nock(endpoint).get(`${sessionsPath}/s1`).query(apiQuery).reply(200, { unexpected: true });
      const error = await rejectionOf(tokenClient().getSession("s1"));
      assert.ok(isRestError(error) && error.code === "PARSE_ERROR");
    });
  });

  it("keeps the service error of a session in the Error state", async () => {
    nock(endpoint)
      .get(`${sessionsPath}/s1`)
      .query(apiQuery)
      .reply(200, sessionBody("s1", "Error", { error: { code: "VmFailed", message: "no GPU" } }), {
        "MS-CV": "cv-e",
      });
    const session = await tokenClient().getSession("s1");
    assert.ok(session.status === "Error" && session.error instanceof RemoteRenderingServiceError);
    assert.equal(session.error.code, "VmFailed");
    assert.equal(session.error.msCv, "cv-e");
  });
});
