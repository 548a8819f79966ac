// Runs the client through token exchanges, a token refresh, failures and pollers with verbose logging
// on, then scans everything a user could see or store (logs, error messages and objects, serialized
// pollers) for the account key, the tokens and the storage access signatures.
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { AzureLogger, getLogLevel, setLogLevel } from "@azure/logger";
import type { AzureLogLevel } from "@azure/logger";
import nock from "nock";
import { AzureKeyCredential, RemoteRenderingClient } from "../../src/index";
import type { TokenCredential } from "../../src/index";
import {
  accountDomain,
  accountId,
  accountKey,
  apiQuery,
  conversionBody,
  conversionSettings,
  conversionsPath,
  drive,
  endpoint,
  fastRetry,
  freshJwt,
  installClock,
  keyClient,
  mockSts,
  rejectionOf,
  resetNock,
  sessionBody,
  sessionsPath,
} from "./support/clientTestKit";
import type { InstalledClock } from "./support/clientTestKit";

describe("secrets stay out of logs, errors and serialized state", () => {
  const logs: string[] = [];
  const originalLog = AzureLogger.log;
  let previousLevel: AzureLogLevel | undefined;
  let clock: InstalledClock | undefined;

  beforeEach(() => {
    logs.length = 0;
    previousLevel = getLogLevel();
    setLogLevel("verbose");
    AzureLogger.log = (...args: unknown[]) => {
      logs.push(args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 6 }))).join(" "));
    };
  });
  afterEach(() => {
    AzureLogger.log = originalLog;
    setLogLevel(previousLevel);
    clock?.uninstall();
    clock = undefined;
    resetNock();
  });

  it("keeps the Authorization header out of the HTTP log even when logging options allow it", async () => {
    const token = freshJwt("logged-secret");
    mockSts([token]);
    nock(endpoint)
      .get(`${sessionsPath}/s1`)
      .query(apiQuery)
      .reply(200, sessionBody("s1", "Starting"), { "MS-CV": "cv-logged" });
    const client = keyClient({
      loggingOptions: { additionalAllowedHeaderNames: ["Authorization", "x-ms-request-id"] },
    });
    await client.getSession("s1");
    const logged = logs.join("\n");
    assert.match(logged, /cv-logged/, "the response headers were logged");
    assert.match(logged, /"authorization": "REDACTED"/i, "the header was logged, redacted");
    assert.ok(!logged.includes(accountKey), "the account key is not logged");
    assert.ok(!logged.includes(token), "the token is not logged");
  });

  it("never shows the key, the tokens or the access signatures", async () => {
    const firstToken = freshJwt("first-secret");
    const secondToken = freshJwt("second-secret");
    const readSas = "sv=2020&sig=READSECRET";
    const writeSas = "sv=2020&sig=WRITESECRET";
    const secrets = [accountKey, `${accountId}:${accountKey}`, firstToken, secondToken, readSas, writeSas];
    const sts = mockSts([firstToken, secondToken]);
    const seen: unknown[] = [];

    nock(endpoint)
      // A refused token, then success after the refresh.
      .get(`${sessionsPath}/s1`)
      .query(apiQuery)
      .reply(401, "", { "MS-CV": "cv-401" })
      .get(`${sessionsPath}/s1`)
      .query(apiQuery)
      .reply(200, sessionBody("s1", "Starting"), { "MS-CV": "cv-ok" })
      // A session that fails while starting.
      .put(`${sessionsPath}/s2`)
      .query(apiQuery)
      .reply(201, sessionBody("s2", "Starting"))
      .get(`${sessionsPath}/s2`)
      .query(apiQuery)
      .reply(200, sessionBody("s2", "Error", { error: { code: "VmFailed", message: "no GPU" } }))
      // A conversion carrying access signatures, then a 403.
      .put(`${conversionsPath}/c1`)
      .query(apiQuery)
      .reply(201, conversionBody("c1", "NotStarted"))
      .get(`${conversionsPath}/c1`)
      .query(apiQuery)
      .reply(200, conversionBody("c1", "Running"))
      .get(`${conversionsPath}/c2`)
      .query(apiQuery)
      .reply(403, { error: { code: "Forbidden", message: "denied" } }, { "MS-CV": "cv-403" })
      // A redirect to another host, and a @nextLink to another host.
      .get(`${sessionsPath}/moved`)
      .query(apiQuery)
      .reply(307, "", { Location: "https://evil.example/steal" })
      .get(sessionsPath)
      .query(apiQuery)
      .reply(200, { sessions: [], "@nextLink": "https://evil.example/next" });
    let evilRequests = 0;
    nock("https://evil.example")
      .get(() => true)
      .query(true)
      .times(5)
      .reply(() => {
        evilRequests += 1;
        return [200, {}];
      });

    const client = keyClient();
    clock = installClock();
    seen.push(await drive(clock, client.getSession("s1")));
    const failing = client.beginSession("s2", { maxLeaseTimeInMinutes: 5, size: "Standard" });
    seen.push(await drive(clock, rejectionOf(failing.pollUntilDone())));
    seen.push(await drive(clock, failing.serialize()));
    const converting = client.beginConversion(
      "c1",
      {
        inputSettings: { ...conversionSettings.inputSettings, storageContainerReadListSas: readSas },
        outputSettings: { ...conversionSettings.outputSettings, storageContainerWriteSas: writeSas },
      },
      { intervalInMs: 1000 },
    );
    await drive(clock, converting.poll());
    seen.push(converting.operationState, await drive(clock, converting.serialize()));
    seen.push(await drive(clock, rejectionOf(client.getConversion("c2"))));
    seen.push(await drive(clock, rejectionOf(client.getSession("moved"))));
    const pages = client.listSessions().byPage();
    seen.push(await drive(clock, pages.next()));
    seen.push(await drive(clock, rejectionOf(pages.next())));

    // A token-service failure and an Entra ID exchange go through the same redaction.
    nock.cleanAll();
    nock(`https://sts.${accountDomain}`)
      .get(`/Accounts/${accountId}/token`)
      .query(true)
      .reply(
        400,
        { error: { code: "BadRequest", message: `bad key ${accountKey}` } },
        { "MS-CV": "sts-400" },
      );
    seen.push(await drive(clock, rejectionOf(keyClient().getSession("s1"))));
    const entraToken = "entra-secret-token-xyz";
    secrets.push(entraToken);
    const entra: TokenCredential = {
      getToken: async () => ({ token: entraToken, expiresOnTimestamp: Date.now() + 60_000 }),
    };
    nock(`https://sts.${accountDomain}`)
      .get(`/Accounts/${accountId}/token`)
      .query(true)
      .reply(401, "", { "MS-CV": "sts-401" });
    const entraClient = new RemoteRenderingClient(endpoint, accountId, accountDomain, entra, fastRetry);
    seen.push(await drive(clock, rejectionOf(entraClient.getSession("s1"))));
    const keyCredentialClient = new RemoteRenderingClient(
      endpoint,
      accountId,
      accountDomain,
      new AzureKeyCredential(accountKey),
      fastRetry,
    );
    seen.push(inspect(keyCredentialClient, { depth: 4 }));

    assert.equal(evilRequests, 0, "no request reached the foreign host");
    assert.ok(sts.requests.length >= 2, "the token was refreshed during the run");
    const visible = [
      ...logs,
      ...seen.flatMap((item) =>
        item instanceof Error
          ? [
              item.message,
              inspect(item, { depth: 6 }),
              JSON.stringify(item),
              JSON.stringify(Object.entries(item)),
            ]
          : [typeof item === "string" ? item : inspect(item, { depth: 6 }), JSON.stringify(item) ?? ""],
      ),
    ].join("\n");
    for (const secret of secrets) {
      const at = visible.indexOf(secret);
      assert.ok(
        at < 0,
        `a secret appeared: ${secret.slice(0, 12)}... in ${visible.slice(Math.max(0, at - 300), at + 50)}`,
      );
    }
    // The scan saw real material: correlation vectors are logged.
    assert.match(logs.join("\n"), /X-MRC-CV/i);
    assert.match(logs.join("\n"), /cv-401/);
    assert.match(visible, /Refused to send a request to https:\/\/evil\.example/);
  });
});

describe("secrets echoed by the service or a proxy in data-plane errors", () => {
  afterEach(resetNock);

  /** An error body that repeats the bearer token it was sent, as a careless service or proxy does. */
  function echo(this: { req: { headers: Record<string, string | string[] | undefined> } }): object {
    const authorization = String(this.req.headers["authorization"] ?? "");
    const token = authorization.replace(/^Bearer /, "");
    return {
      error: {
        code: `Denied-${token}`,
        message: `The token ${token} was refused (header: ${authorization}).`,
        target: token,
        details: [{ code: "Echo", message: `saw ${token}` }],
        innerError: { code: "Inner", message: token },
      },
    };
  }

  function assertRedacted(error: Error, secrets: readonly string[]): void {
    const views = {
      message: error.message,
      json: JSON.stringify(error),
      inspect: inspect(error, { depth: 10 }),
      details: JSON.stringify((error as { details?: unknown }).details),
      code: String((error as { code?: unknown }).code),
    };
    for (const secret of secrets) {
      for (const [view, text] of Object.entries(views)) {
        assert.ok(!text.includes(secret), `${view} shows a secret: ${text}`);
      }
    }
    assert.match(views.message, /\[REDACTED\]/);
  }

  it("redacts a fixed access token echoed in a 401 and in a 500", async () => {
    const token = freshJwt("fixed-echoed");
    const client = new RemoteRenderingClient(
      endpoint,
      accountId,
      { token, expiresOnTimestamp: Date.now() + 3_600_000 },
      fastRetry,
    );
    // A fixed token is not renewed after a 401; a 500 is tried three times (fastRetry).
    for (const [status, attempts] of [
      [401, 1],
      [500, 3],
    ] as const) {
      nock(endpoint)
        .get(`${sessionsPath}/s1`)
        .query(apiQuery)
        .times(attempts)
        .reply(function () {
          return [status, echo.call(this)];
        });
      const error = await rejectionOf(client.getSession("s1"));
      assert.equal((error as { statusCode?: number }).statusCode, status);
      assertRedacted(error, [token]);
      assert.ok(nock.isDone());
    }
  });

  it("redacts exchanged tokens (also one replaced after a 401) in every operation's error", async () => {
    const first = freshJwt("first-exchanged");
    const second = freshJwt("second-exchanged");
    mockSts([first, second]);
    const client = keyClient();
    nock(endpoint)
      .patch(`${sessionsPath}/s1`)
      .query(apiQuery)
      .times(2)
      .reply(function () {
        return [401, echo.call(this)];
      })
      .get(conversionsPath)
      .query(apiQuery)
      .reply(function () {
        return [403, echo.call(this)];
      });
    const update = await rejectionOf(client.updateSession("s1", { maxLeaseTimeInMinutes: 20 }));
    assertRedacted(update, [first, second, accountKey]);
    const list = await rejectionOf(client.listConversions().next());
    assertRedacted(list, [first, second, accountKey]);
  });
});
