import assert from "node:assert/strict";
import {
  STS_API_VERSION,
  callUrl,
  dataPlaneUrl,
  errorOf,
  fetchToken,
  readAnswer,
  startHarness,
  type Harness,
} from "../support/emulatorHarness";

const ACCOUNT_A = { accountId: "aaaaaaaa-0000-4000-8000-00000000000a", accountKey: "key-of-a" };
const ACCOUNT_B = { accountId: "bbbbbbbb-0000-4000-8000-00000000000b", accountKey: "key-of-b" };

function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("emulator token service and authentication (raw HTTP)", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({ accounts: [ACCOUNT_A, ACCOUNT_B], tokenLifetimeInSeconds: 3600 });
  });
  afterEach(async () => {
    await harness.close();
  });

  const tokenUrl = (accountId: string, apiVersion: string | null = STS_API_VERSION) =>
    `${harness.emulator.url}/Accounts/${accountId}/token${apiVersion === null ? "" : `?api-version=${apiVersion}`}`;
  const getToken = (accountId: string, authorization: string | undefined, apiVersion?: string | null) =>
    fetch(tokenUrl(accountId, apiVersion), {
      headers:
        authorization === undefined ? {} : { Authorization: authorization, "X-MRC-CV": "client-cv-1.0" },
    }).then(readAnswer);

  it("issues a JWT-shaped token with exp, account-id and aud claims", async () => {
    const answer = await getToken(
      ACCOUNT_A.accountId,
      `Bearer ${ACCOUNT_A.accountId}:${ACCOUNT_A.accountKey}`,
    );
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("ms-cv") ?? "", /^[A-Za-z0-9+/]{22}\.0$/);
    assert.deepEqual(Object.keys(answer.body as object), ["AccessToken"]);
    const token = (answer.body as { AccessToken: string }).AccessToken;
    const parts = token.split(".");
    assert.equal(parts.length, 3);
    parts.forEach((part) => assert.match(part, /^[A-Za-z0-9_-]+$/));
    assert.deepEqual(decodeSegment(parts[0] as string), { alg: "HS256", typ: "JWT" });
    const claims = decodeSegment(parts[1] as string);
    assert.equal(claims["account-id"], ACCOUNT_A.accountId);
    assert.equal(typeof claims["aud"], "string");
    assert.equal(claims["iat"], harness.clock.now() / 1000);
    assert.equal(claims["exp"], harness.clock.now() / 1000 + 3600);
    assert.ok(
      harness.logs.some((line) => line.includes("client-cv=client-cv-1.0")),
      "X-MRC-CV is logged",
    );
  });

  it("accepts the token request without api-version but refuses another version", async () => {
    const auth = `Bearer ${ACCOUNT_A.accountId}:${ACCOUNT_A.accountKey}`;
    assert.equal((await getToken(ACCOUNT_A.accountId, auth, null)).status, 200);
    const wrong = await getToken(ACCOUNT_A.accountId, auth, "2021-01-01");
    assert.equal(wrong.status, 400);
    assert.match(wrong.headers.get("www-authenticate") ?? "", /^Invalid request: /);
  });

  it("refuses wrong, missing or foreign account keys with 401 and WWW-Authenticate", async () => {
    for (const authorization of [
      undefined,
      "Basic abc",
      `Bearer ${ACCOUNT_A.accountId}:wrong`,
      `Bearer ${ACCOUNT_A.accountId}`,
      `Bearer ${ACCOUNT_B.accountId}:${ACCOUNT_B.accountKey}`,
      `Bearer ${ACCOUNT_A.accountId}:${ACCOUNT_A.accountKey}x`,
    ]) {
      const answer = await getToken(ACCOUNT_A.accountId, authorization);
      assert.equal(answer.status, 401, String(authorization));
      assert.match(answer.headers.get("www-authenticate") ?? "", /^Invalid token: /);
      assert.equal(errorOf(answer).code, "Unauthorized");
      assert.ok(!answer.text.includes(ACCOUNT_A.accountKey), "the key is not echoed");
    }
    const unknown = await getToken(
      "cccccccc-0000-4000-8000-00000000000c",
      `Bearer cccccccc-0000-4000-8000-00000000000c:k`,
    );
    assert.equal(unknown.status, 401);
    const malformed = await getToken("not-a-uuid", "Bearer not-a-uuid:k");
    assert.equal(malformed.status, 400);
    assert.match(malformed.headers.get("www-authenticate") ?? "", /^Invalid request: /);
  });

  it("answers data-plane calls without a valid token 401 with WWW-Authenticate", async () => {
    const url = dataPlaneUrl(harness.emulator.url, ACCOUNT_A.accountId, "/sessions");
    const tokenA = await fetchToken(harness.emulator.url, ACCOUNT_A);
    const [header, payload] = tokenA.split(".") as [string, string, string];
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...decodeSegment(payload), exp: 9_999_999_999 }),
      "utf8",
    ).toString("base64url");
    const cases: Array<[string, string | undefined]> = [
      ["missing", undefined],
      ["not a bearer", "Basic dXNlcjpwYXNz"],
      ["garbage", "Bearer garbage"],
      ["account key instead of a token", `Bearer ${ACCOUNT_A.accountId}:${ACCOUNT_A.accountKey}`],
      ["changed claims", `Bearer ${header}.${forgedPayload}.${tokenA.split(".")[2]}`],
    ];
    for (const [name, authorization] of cases) {
      const answer = await callUrl(
        "GET",
        url,
        authorization === undefined ? {} : { headers: { Authorization: authorization } },
      );
      assert.equal(answer.status, 401, name);
      assert.match(
        answer.headers.get("www-authenticate") ?? "",
        /^Bearer error="invalid_(request|token)"/,
        name,
      );
      assert.equal(errorOf(answer).code, "Unauthorized", name);
      assert.ok(answer.headers.get("ms-cv"), name);
    }
  });

  it("refuses a token from another emulator (another signing secret)", async () => {
    const other = await startHarness({ accounts: [ACCOUNT_A] });
    try {
      const answer = await callUrl(
        "GET",
        dataPlaneUrl(harness.emulator.url, ACCOUNT_A.accountId, "/sessions"),
        {
          token: other.token,
        },
      );
      assert.equal(answer.status, 401);
    } finally {
      await other.close();
    }
  });

  it("answers 401 once the token has expired on the emulator clock", async () => {
    const token = await fetchToken(harness.emulator.url, ACCOUNT_A);
    const url = dataPlaneUrl(harness.emulator.url, ACCOUNT_A.accountId, "/sessions");
    harness.clock.advance(3_599_000);
    assert.equal((await callUrl("GET", url, { token })).status, 200);
    harness.clock.advance(1_000);
    const expired = await callUrl("GET", url, { token });
    assert.equal(expired.status, 401);
    assert.equal(
      expired.headers.get("www-authenticate"),
      'Bearer error="invalid_token", error_description="The access token expired"',
    );
    const fresh = await fetchToken(harness.emulator.url, ACCOUNT_A);
    assert.equal((await callUrl("GET", url, { token: fresh })).status, 200);
  });

  it("answers 403 to a valid token used on another account", async () => {
    const tokenB = await fetchToken(harness.emulator.url, ACCOUNT_B);
    for (const [method, path] of [
      ["GET", "/sessions"],
      ["GET", "/sessions/x"],
      ["GET", "/conversions"],
      ["POST", "/sessions/x/:stop"],
    ] as const) {
      const answer = await callUrl(method, dataPlaneUrl(harness.emulator.url, ACCOUNT_A.accountId, path), {
        token: tokenB,
      });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.equal(errorOf(answer).code, "Forbidden");
    }
    const unknownAccount = await callUrl(
      "GET",
      dataPlaneUrl(harness.emulator.url, "dddddddd-0000-4000-8000-00000000000d", "/sessions"),
      { token: tokenB },
    );
    assert.equal(unknownAccount.status, 403);
  });

  it("never writes tokens or keys to the log", async () => {
    const token = await fetchToken(harness.emulator.url, ACCOUNT_A);
    await callUrl("GET", dataPlaneUrl(harness.emulator.url, ACCOUNT_A.accountId, "/sessions"), { token });
    await getToken(ACCOUNT_A.accountId, `Bearer ${ACCOUNT_A.accountId}:wrong-key`);
    const log = harness.logs.join("\n");
    assert.ok(harness.logs.length >= 3);
    for (const secret of [token, ACCOUNT_A.accountKey, ACCOUNT_B.accountKey, "wrong-key", harness.token]) {
      assert.ok(!log.includes(secret), "no secret in the log");
    }
  });
});
