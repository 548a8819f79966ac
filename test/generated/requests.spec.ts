// What the generated clients send for each of the 8 Remote Rendering operations and GetToken:
// method, URL with api-version, headers and body; plus the factories' api-version override, path
// encoding and logging allowlist. The requests are also pinned in requests.snapshot.json.
import assert from "node:assert/strict";
import path from "node:path";
import type { PathUncheckedResponse } from "@azure-rest/core-client";
import type { Debugger } from "@azure/logger";
import nock from "nock";
import type { WireRequest } from "./wireSnapshot";
import { assertWireSnapshot, wireRequest } from "./wireSnapshot";
import {
  accountId,
  conversionBody,
  conversionId,
  conversionSettings,
  endpoint,
  remoteRenderingClient,
  sessionBody,
  sessionId,
  stsClient,
  stsEndpoint,
  tokenBody,
} from "./testClients";

interface RequestCase {
  readonly operation: string;
  readonly method: string;
  readonly host: string;
  readonly path: string;
  readonly apiVersion: string;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly reply: readonly [number, unknown?];
  send(): PromiseLike<PathUncheckedResponse>;
}

const arr = remoteRenderingClient();
const sts = stsClient();
const accountPath = `/accounts/${accountId}`;

const cases: readonly RequestCase[] = [
  {
    operation: "RemoteRendering_CreateConversion",
    method: "PUT",
    host: endpoint,
    path: `${accountPath}/conversions/${conversionId}`,
    apiVersion: "2021-01-01",
    body: conversionSettings,
    headers: { accept: "application/json", "content-type": "application/json" },
    reply: [201, conversionBody],
    send: () =>
      arr
        .path("/accounts/{account_id}/conversions/{conversion_id}", accountId, conversionId)
        .put({ body: conversionSettings }),
  },
  {
    operation: "RemoteRendering_GetConversion",
    method: "GET",
    host: endpoint,
    path: `${accountPath}/conversions/${conversionId}`,
    apiVersion: "2021-01-01",
    body: null,
    headers: { accept: "application/json" },
    reply: [200, conversionBody],
    send: () => arr.path("/accounts/{account_id}/conversions/{conversion_id}", accountId, conversionId).get(),
  },
  {
    operation: "RemoteRendering_ListConversions",
    method: "GET",
    host: endpoint,
    path: `${accountPath}/conversions`,
    apiVersion: "2021-01-01",
    body: null,
    headers: { accept: "application/json" },
    reply: [200, { conversions: [conversionBody] }],
    send: () => arr.path("/accounts/{account_id}/conversions", accountId).get(),
  },
  {
    operation: "RemoteRendering_CreateSession",
    method: "PUT",
    host: endpoint,
    path: `${accountPath}/sessions/${sessionId}`,
    apiVersion: "2021-01-01",
    body: { maxLeaseTimeMinutes: 30, size: "Standard" },
    headers: { accept: "application/json", "content-type": "application/json" },
    reply: [201, sessionBody],
    send: () =>
      arr
        .path("/accounts/{account_id}/sessions/{session_id}", accountId, sessionId)
        .put({ body: { maxLeaseTimeMinutes: 30, size: "Standard" } }),
  },
  {
    operation: "RemoteRendering_GetSession",
    method: "GET",
    host: endpoint,
    path: `${accountPath}/sessions/${sessionId}`,
    apiVersion: "2021-01-01",
    body: null,
    headers: { accept: "application/json" },
    reply: [200, sessionBody],
    send: () => arr.path("/accounts/{account_id}/sessions/{session_id}", accountId, sessionId).get(),
  },
  {
    operation: "RemoteRendering_UpdateSession",
    method: "PATCH",
    host: endpoint,
    path: `${accountPath}/sessions/${sessionId}`,
    apiVersion: "2021-01-01",
    body: { maxLeaseTimeMinutes: 45 },
    headers: { accept: "application/json", "content-type": "application/json" },
    reply: [200, { ...sessionBody, maxLeaseTimeMinutes: 45 }],
    send: () =>
      arr
        .path("/accounts/{account_id}/sessions/{session_id}", accountId, sessionId)
        .patch({ body: { maxLeaseTimeMinutes: 45 } }),
  },
  {
    operation: "RemoteRendering_StopSession",
    method: "POST",
    host: endpoint,
    path: `${accountPath}/sessions/${sessionId}/:stop`,
    apiVersion: "2021-01-01",
    body: null,
    headers: { accept: "application/json" },
    reply: [204],
    send: () => arr.path("/accounts/{account_id}/sessions/{session_id}/:stop", accountId, sessionId).post(),
  },
  {
    operation: "RemoteRendering_ListSessions",
    method: "GET",
    host: endpoint,
    path: `${accountPath}/sessions`,
    apiVersion: "2021-01-01",
    body: null,
    headers: { accept: "application/json" },
    reply: [200, { sessions: [sessionBody] }],
    send: () => arr.path("/accounts/{account_id}/sessions", accountId).get(),
  },
  {
    operation: "GetToken",
    method: "GET",
    host: stsEndpoint,
    path: `/Accounts/${accountId}/token`,
    apiVersion: "2019-02-28-preview",
    body: null,
    headers: { accept: "application/json", "x-mrc-cv": "client-cv.1" },
    reply: [200, tokenBody],
    send: () =>
      sts.path("/Accounts/{accountId}/token", accountId).get({ headers: { "X-MRC-CV": "client-cv.1" } }),
  },
];

describe("generated clients: requests", function () {
  const recorded: WireRequest[] = [];

  afterEach(function () {
    nock.cleanAll();
  });

  for (const testCase of cases) {
    it(`${testCase.operation} sends ${testCase.method} ${testCase.path} with api-version ${testCase.apiVersion}`, async function () {
      const scope = nock(testCase.host)
        .intercept(testCase.path, testCase.method)
        .query(true)
        .reply(function (uri, body) {
          recorded.push(wireRequest(testCase.operation, this.req, `${testCase.host}${uri}`, body));
          return [...testCase.reply];
        });
      const response = await testCase.send();
      assert.ok(scope.isDone());
      assert.equal(response.status, String(testCase.reply[0]));
      const sent = recorded.at(-1) as WireRequest;
      const url = new URL(sent.url);
      assert.equal(sent.method, testCase.method);
      assert.equal(url.origin + url.pathname, testCase.host + testCase.path);
      assert.deepEqual([...url.searchParams.entries()], [["api-version", testCase.apiVersion]]);
      assert.deepEqual(
        sent.headers,
        testCase.headers,
        "headers (the generated client adds no Authorization)",
      );
      assert.deepEqual(sent.body, testCase.body);
    });
  }

  it("matches the wire snapshot (requests.snapshot.json)", function () {
    assert.equal(recorded.length, cases.length, "every operation was recorded once");
    assertWireSnapshot(path.join(__dirname, "requests.snapshot.json"), recorded);
  });

  it("lets options.apiVersion replace the spec's api-version and encodes path parameters", async function () {
    const scope = nock(endpoint)
      .get(`/accounts/${accountId}/sessions/a%20b%2Fc`)
      .query({ "api-version": "2099-01-01" })
      .reply(200, sessionBody);
    const client = remoteRenderingClient({ apiVersion: "2099-01-01" });
    const response = await client
      .path("/accounts/{account_id}/sessions/{session_id}", accountId, "a b/c")
      .get();
    assert.equal(response.status, "200");
    assert.ok(scope.isDone());
  });

  it("lets logging show the spec's headers, but never Authorization", async function () {
    const lines: string[] = [];
    const logger = Object.assign((...args: unknown[]) => lines.push(args.map(String).join(" ")), {
      enabled: true,
      namespace: "test",
      log: () => undefined,
      destroy: () => true,
      extend: () => logger,
    }) as unknown as Debugger;
    nock(stsEndpoint)
      .get(`/Accounts/${accountId}/token`)
      .query(true)
      .reply(401, "", { "MS-CV": "response-cv.0", "WWW-Authenticate": 'Bearer error="invalid_token"' });
    const client = stsClient({ loggingOptions: { logger } });
    await client.path("/Accounts/{accountId}/token", accountId).get({
      headers: { "X-MRC-CV": "client-cv.2", Authorization: "Bearer secret-token" },
    });
    const log = lines.join("\n");
    assert.match(log, /"x-mrc-cv": "client-cv\.2"/);
    assert.match(log, /"ms-cv": "response-cv\.0"/);
    assert.match(log, /"www-authenticate": "Bearer error=\\"invalid_token\\""/);
    assert.doesNotMatch(log, /secret-token/);
    assert.match(log, /"authorization": "REDACTED"/);
  });
});
