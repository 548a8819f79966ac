import assert from "node:assert/strict";
import nock from "nock";
import { AzureKeyCredential, RemoteRenderingClient, isRestError } from "../../../src/index";
import type { AccessToken, TokenCredential } from "../../../src/index";
import {
  accountDomain,
  accountId,
  accountKey,
  apiQuery,
  endpoint,
  fastRetry,
  freshJwt,
  installClock,
  keyClient,
  makeJwt,
  mockSts,
  rejectionOf,
  resetNock,
  sessionBody,
  sessionsPath,
  stsUrl,
  tokenClient,
} from "../support/clientTestKit";

/** Mocks GET session s1 and records the Authorization header of each request. */
function mockGetSession(times = 1, statuses: number[] = []): { authorizations: Array<string | undefined> } {
  const record = { authorizations: [] as Array<string | undefined> };
  nock(endpoint)
    .get(`${sessionsPath}/s1`)
    .query(apiQuery)
    .times(times)
    .reply(function () {
      record.authorizations.push(this.req.headers["authorization"] as string | undefined);
      const status = statuses[record.authorizations.length - 1] ?? 200;
      return status === 200
        ? [200, sessionBody("s1", "Starting"), { "MS-CV": "svc-cv" }]
        : [status, "", { "MS-CV": "svc-cv-401" }];
    });
  return record;
}

describe("RemoteRenderingClient authentication", () => {
  afterEach(resetNock);

  it("exchanges the account key at the token service, then sends the token to the service", async () => {
    const stsToken = freshJwt("from-key");
    const sts = mockSts([stsToken]);
    const service = mockGetSession();
    const session = await keyClient().getSession("s1");
    assert.equal(session.status, "Starting");
    assert.equal(sts.requests.length, 1);
    assert.equal(sts.requests[0]?.authorization, `Bearer ${accountId}:${accountKey}`);
    assert.match(sts.requests[0]?.correlationVector ?? "", /^[A-Za-z0-9+/]{22}\.0$/);
    assert.equal(service.authorizations[0], `Bearer ${stsToken}`);
  });

  it("honours authenticationEndpointUrl instead of https://sts.{accountDomain}", async () => {
    const custom = "https://token.custom.example";
    const sts = mockSts([freshJwt("custom")], custom);
    const defaultSts = mockSts([freshJwt("default")]);
    mockGetSession();
    const client = keyClient({ authenticationEndpointUrl: `${custom}/` });
    await client.getSession("s1");
    assert.equal(sts.requests.length, 1);
    assert.equal(defaultSts.requests.length, 0);
  });

  it("exchanges an Entra ID token obtained for the scope {sts}/.default", async () => {
    const scopes: Array<string | string[]> = [];
    const credential: TokenCredential = {
      getToken: async (scope) => {
        scopes.push(scope);
        return { token: "entra-token-123", expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const stsToken = freshJwt("from-entra");
    const sts = mockSts([stsToken]);
    const service = mockGetSession();
    const client = new RemoteRenderingClient(endpoint, accountId, accountDomain, credential, fastRetry);
    await client.getSession("s1");
    assert.deepEqual(scopes, [`${stsUrl}/.default`]);
    assert.equal(sts.requests[0]?.authorization, "Bearer entra-token-123");
    assert.equal(service.authorizations[0], `Bearer ${stsToken}`);
  });

  it("asks Entra ID for the scope of the configured token service, {authenticationEndpointUrl}/.default", async () => {
    const custom = "https://token.custom.example";
    const scopes: Array<string | string[]> = [];
    const credential: TokenCredential = {
      getToken: async (scope) => {
        scopes.push(scope);
        return { token: "entra-token-456", expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const sts = mockSts([freshJwt("custom-entra")], custom);
    mockGetSession();
    const client = new RemoteRenderingClient(endpoint, accountId, accountDomain, credential, {
      ...fastRetry,
      authenticationEndpointUrl: custom,
    });
    await client.getSession("s1");
    assert.deepEqual(scopes, [`${custom}/.default`]);
    assert.equal(sts.requests[0]?.authorization, "Bearer entra-token-456");
  });

  it("uses a ready access token as is, without the token service", async () => {
    const sts = mockSts();
    const service = mockGetSession();
    await tokenClient("ready-token").getSession("s1");
    assert.equal(service.authorizations[0], "Bearer ready-token");
    assert.equal(sts.requests.length, 0);
  });

  it("sends exactly one token request for 64 concurrent first calls", async () => {
    const sts = mockSts();
    const service = mockGetSession(64);
    const client = keyClient();
    const sessions = await Promise.all(Array.from({ length: 64 }, () => client.getSession("s1")));
    assert.equal(sessions.length, 64);
    assert.equal(service.authorizations.length, 64);
    assert.equal(sts.requests.length, 1);
  });

  it("drops the token after a 401 and retries once with a new one", async () => {
    const first = freshJwt("first");
    const second = freshJwt("second");
    const sts = mockSts([first, second]);
    const service = mockGetSession(2, [401, 200]);
    const session = await keyClient().getSession("s1");
    assert.equal(session.sessionId, "s1");
    assert.deepEqual(service.authorizations, [`Bearer ${first}`, `Bearer ${second}`]);
    assert.equal(sts.requests.length, 2);
  });

  it("throws a RestError 401 when the new token is refused too, without retrying again", async () => {
    const sts = mockSts([freshJwt("first"), freshJwt("second")]);
    const service = mockGetSession(3, [401, 401, 200]);
    const error = await rejectionOf(keyClient().getSession("s1"));
    assert.ok(isRestError(error));
    assert.equal(error.statusCode, 401);
    assert.match(error.message, /MS-CV svc-cv-401/);
    assert.equal(service.authorizations.length, 2);
    assert.equal(sts.requests.length, 2);
  });

  it("does not retry a 401 with a fixed access token", async () => {
    const service = mockGetSession(2, [401, 200]);
    const error = await rejectionOf(tokenClient("fixed").getSession("s1"));
    assert.ok(isRestError(error) && error.statusCode === 401);
    assert.equal(service.authorizations.length, 1);
  });

  it("reports a refused token exchange as a RestError without the key", async () => {
    nock(stsUrl)
      .get(`/Accounts/${accountId}/token`)
      .query(true)
      .reply(401, "", { "MS-CV": "sts-denied", "WWW-Authenticate": "Invalid token" });
    const error = await rejectionOf(keyClient().getSession("s1"));
    assert.ok(isRestError(error));
    assert.equal(error.statusCode, 401);
    assert.match(error.message, /Token exchange/);
    assert.match(error.message, /MS-CV sts-denied/);
    assert.ok(!error.message.includes(accountKey));
    assert.equal(error.request?.headers.get("authorization"), undefined);
  });

  it("does not multiply retries when the token service cannot be reached", async () => {
    // fastRetry allows 2 retries: the exchange tries 3 times, and the rendering request's own retry
    // policy must not start the exchange again (that made 9 attempts, and ~25 s with default delays).
    let attempts = 0;
    nock(stsUrl)
      .get(`/Accounts/${accountId}/token`)
      .query(true)
      .times(20)
      .replyWithError(
        Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) as unknown as string,
      )
      .on("request", () => (attempts += 1));
    const service = nock(endpoint).get(`${sessionsPath}/s1`).query(true).reply(200, {});
    const error = await rejectionOf(keyClient().getSession("s1"));
    assert.ok(isRestError(error));
    assert.equal(error.code, "TokenExchangeFailed");
    assert.match(error.message, /Could not get an access token from the token service: .*ECONNREFUSED/);
    assert.equal((error.cause as { code?: string } | undefined)?.code, "ECONNREFUSED");
    assert.equal(attempts, 3);
    assert.equal(service.isDone(), false);
  });

  it("reads the key at each exchange, so AzureKeyCredential.update() takes effect", async () => {
    const sts = mockSts([freshJwt("a"), freshJwt("b")]);
    mockGetSession(3, [200, 401, 200]);
    const key = new AzureKeyCredential("old-key");
    const client = new RemoteRenderingClient(endpoint, accountId, accountDomain, key, fastRetry);
    await client.getSession("s1");
    key.update("new-key");
    await client.getSession("s1");
    assert.deepEqual(
      sts.requests.map((request) => request.authorization),
      [`Bearer ${accountId}:old-key`, `Bearer ${accountId}:new-key`],
    );
  });

  it("sends the configured api-version", async () => {
    let query = "";
    nock(endpoint)
      .get(`${sessionsPath}/s1`)
      .query(true)
      .reply(function () {
        query = new URL(this.req.path, endpoint).searchParams.get("api-version") ?? "";
        return [200, sessionBody("s1", "Starting")];
      });
    await tokenClient("t", { apiVersion: "2021-01-01-preview" }).getSession("s1");
    assert.equal(query, "2021-01-01-preview");
  });

  describe("with a fake clock", () => {
    let clock: ReturnType<typeof installClock> | undefined;
    afterEach(() => clock?.uninstall());

    it("refreshes the token ahead of its expiry", async () => {
      clock = installClock();
      const shortLived = makeJwt(Math.floor(Date.now() / 1000) + 600, "short");
      const next = makeJwt(Math.floor(Date.now() / 1000) + 7200, "next");
      const sts = mockSts([shortLived, next]);
      const service = mockGetSession(3);
      const client = keyClient();
      await client.getSession("s1");
      clock.tick(4 * 60_000);
      await client.getSession("s1");
      assert.equal(sts.requests.length, 1);
      clock.tick(60_000 + 1);
      await client.getSession("s1");
      assert.equal(sts.requests.length, 2);
      assert.deepEqual(service.authorizations, [
        `Bearer ${shortLived}`,
        `Bearer ${shortLived}`,
        `Bearer ${next}`,
      ]);
    });
  });

  it("accepts an AccessToken typed value in the three-argument form", () => {
    const token: AccessToken = { token: "t", expiresOnTimestamp: 1 };
    assert.equal(new RemoteRenderingClient(endpoint, accountId, token).accountId, accountId);
  });
});
