// Microsoft Entra tokens at the emulator's token service: a TokenCredential (here a local one that
// makes unsigned test tokens) works end to end with the public client when the token's audience is
// the emulator; other audiences and expired tokens get 401.
import assert from "node:assert/strict";
import type { AccessToken, TokenCredential } from "@azure/core-auth";
import { RemoteRenderingClient, isRestError } from "../../../src/index";
import { ACCOUNT_DOMAIN } from "../support/clientHarness";
import { STS_API_VERSION, startHarness, type Harness } from "../support/emulatorHarness";

function unsignedToken(claims: Record<string, unknown>): string {
  const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${segment({ alg: "none", typ: "JWT" })}.${segment(claims)}.`;
}

/** A local credential: answers every scope with an unsigned token for that scope's resource. */
class LocalEntraCredential implements TokenCredential {
  readonly scopes: string[] = [];
  constructor(private readonly claims: (scope: string) => Record<string, unknown>) {}
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    const scope = Array.isArray(scopes) ? (scopes[0] ?? "") : scopes;
    this.scopes.push(scope);
    const expiresOnTimestamp = Date.now() + 3_600_000;
    return { token: unsignedToken(this.claims(scope)), expiresOnTimestamp };
  }
}

describe("emulator token service: Microsoft Entra tokens", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const clientWith = (credential: TokenCredential) =>
    new RemoteRenderingClient(harness.emulator.url, harness.account.accountId, ACCOUNT_DOMAIN, credential, {
      authenticationEndpointUrl: harness.emulator.url,
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 0 },
    });

  it("accepts a token whose audience is the emulator (the scope the client asks for)", async () => {
    const credential = new LocalEntraCredential((scope) => ({
      aud: scope.replace(/\/\.default$/, ""),
      exp: Math.floor(Date.now() / 1000) + 3600,
      oid: "00000000-0000-0000-0000-000000000001",
    }));
    const client = clientWith(credential);
    const poller = client.beginSession("entra-1", { size: "Standard", maxLeaseTimeInMinutes: 10 });
    await poller.submitted();
    assert.equal((await client.getSession("entra-1")).status, "Starting");
    assert.deepEqual(credential.scopes.slice(0, 1), [`${harness.emulator.url}/.default`]);
  });

  it("refuses another audience and expired tokens with 401", async () => {
    const wrong = clientWith(
      new LocalEntraCredential(() => ({
        aud: "https://management.azure.com",
        exp: Math.floor(Date.now() / 1000) + 3600,
      })),
    );
    await assert.rejects(
      () => wrong.getSession("x"),
      (error: unknown) => isRestError(error) && error.statusCode === 401,
    );
    const url = `${harness.emulator.url}/Accounts/${harness.account.accountId}/token?api-version=${STS_API_VERSION}`;
    const expired = unsignedToken({ aud: harness.emulator.url, exp: Math.floor(Date.now() / 1000) - 10 });
    const answer = await fetch(url, { headers: { Authorization: `Bearer ${expired}` } });
    assert.equal(answer.status, 401);
    assert.match(answer.headers.get("www-authenticate") ?? "", /expired/);
    const valid = unsignedToken({ aud: harness.emulator.url, exp: Math.floor(Date.now() / 1000) + 60 });
    const unknownAccount = await fetch(
      url.replace(harness.account.accountId, "11111111-2222-3333-4444-555555555555"),
      {
        headers: { Authorization: `Bearer ${valid}` },
      },
    );
    assert.equal(unknownAccount.status, 401);
    const ok = await fetch(url, { headers: { Authorization: `Bearer ${valid}` } });
    assert.equal(ok.status, 200);
  });
});
