import assert from "node:assert/strict";
import { issueAccessToken, verifyAccessToken } from "../../../src/emulator/auth/accessTokens";

const SECRET = Buffer.alloc(32, 7);
const NOW = Date.UTC(2026, 0, 1);

describe("emulator access tokens", () => {
  it("verifies its own tokens until exp, on the given clock", () => {
    const token = issueAccessToken("AAAAAAAA-0000-4000-8000-000000000001", NOW, 60, SECRET);
    const check = verifyAccessToken(token, NOW + 59_999, SECRET);
    assert.equal(check.valid, true);
    assert.equal(check.valid && check.claims["account-id"], "aaaaaaaa-0000-4000-8000-000000000001");
    assert.deepEqual(verifyAccessToken(token, NOW + 60_000, SECRET), { valid: false, reason: "expired" });
  });

  it("refuses other secrets, edited tokens and things that are not JWTs", () => {
    const token = issueAccessToken("aaaaaaaa-0000-4000-8000-000000000001", NOW, 60, SECRET);
    assert.deepEqual(verifyAccessToken(token, NOW, Buffer.alloc(32, 8)), {
      valid: false,
      reason: "bad-signature",
    });
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const edited = `${header}.${payload.slice(0, -2)}AA.${signature}`;
    assert.equal(verifyAccessToken(edited, NOW, SECRET).valid, false);
    for (const text of ["", "a.b", "a.b.c.d", "a.b.c!"]) {
      assert.deepEqual(verifyAccessToken(text, NOW, SECRET), { valid: false, reason: "malformed" });
    }
  });

  it("refuses tokens issued well in the future", () => {
    const token = issueAccessToken("aaaaaaaa-0000-4000-8000-000000000001", NOW + 3_600_000, 7200, SECRET);
    assert.deepEqual(verifyAccessToken(token, NOW, SECRET), { valid: false, reason: "not-yet-valid" });
  });
});
