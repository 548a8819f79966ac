// The redaction rule: long secrets go wherever they occur, short ones only as whole tokens, so a toy
// key such as "k" cannot mangle the words of an error message.
import assert from "node:assert/strict";
import nock from "nock";
import { AzureKeyCredential, RemoteRenderingClient } from "../../../src/index";
import { redactSecrets } from "../../../src/customizations/errors/redactSecrets";
import {
  accountDomain,
  accountId,
  endpoint,
  fastRetry,
  rejectionOf,
  resetNock,
} from "../support/clientTestKit";

describe("redactSecrets", () => {
  afterEach(() => resetNock());

  it("replaces a secret of 8 characters or more wherever it occurs, even inside a word", () => {
    const key = "abcdefgh1234";
    assert.equal(
      redactSecrets(`key=${key}; prefix${key}suffix; ${key}`, [key]),
      "key=[REDACTED]; prefix[REDACTED]suffix; [REDACTED]",
    );
  });

  it("replaces a short secret only as a whole token, leaving words that contain it", () => {
    assert.equal(
      redactSecrets("Token exchange refused key k for Bearer id:k (k)", ["k"]),
      "Token exchange refused key [REDACTED] for Bearer id:[REDACTED] ([REDACTED])",
    );
    assert.equal(redactSecrets("Ärk k1 1k kÄ", ["k"]), "Ärk k1 1k kÄ");
  });

  it("leaves a short secret inside correlation vectors alone, but not after = or :", () => {
    assert.equal(
      redactSecrets("MS-CV ab/k+cd.0, X-MRC-CV k_x-k.0, key=k&x, id:k", ["k"]),
      "MS-CV ab/k+cd.0, X-MRC-CV k_x-k.0, key=[REDACTED]&x, id:[REDACTED]",
    );
  });

  it("treats regular-expression characters in a short secret literally", () => {
    assert.equal(redactSecrets("a.b a+b [+] +", ["+"]), "a.b a+b [[REDACTED]] [REDACTED]");
    assert.equal(redactSecrets("x.y xzy", ["x.y"]), "[REDACTED] xzy");
  });

  it("replaces longer secrets first, so a credential containing a shorter one goes as a whole", () => {
    const credential = `${accountId}:k`;
    assert.equal(redactSecrets(`Bearer ${credential}`, ["k", credential]), "Bearer [REDACTED]");
  });

  it("ignores empty secrets and leaves text without secrets unchanged", () => {
    assert.equal(redactSecrets("nothing to hide", ["", "zzzzzzzzzz"]), "nothing to hide");
  });

  it("keeps the message of a failed token exchange readable when the account key is one letter", async () => {
    nock(`https://sts.${accountDomain}`)
      .get(`/Accounts/${accountId}/token`)
      .query(true)
      .reply(400, { error: { code: "BadRequest", message: "The key k is not valid." } }, { "MS-CV": "cv-k" });
    const client = new RemoteRenderingClient(
      endpoint,
      accountId,
      accountDomain,
      new AzureKeyCredential("k"),
      fastRetry,
    );
    const error = await rejectionOf(client.getSession("s1"));
    assert.ok(error instanceof Error);
    assert.match(error.message, /^Token exchange at https:\/\/sts\.eastus\.mixedreality\.azure\.com /);
    assert.match(error.message, /The key \[REDACTED\] is not valid\./);
    assert.equal(error.message.split("[REDACTED]").length, 2, "only the standalone key is redacted");
    assert.match(error.message, /MS-CV cv-k\)$/);
    assert.doesNotMatch(error.message, /To\[REDACTED\]en/);
  });
});
