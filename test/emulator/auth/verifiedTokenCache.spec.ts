import assert from "node:assert/strict";
import { issueAccessToken, verifyAccessToken } from "../../../src/emulator/auth/accessTokens";
import { VerifiedTokenCache } from "../../../src/emulator/auth/verifiedTokenCache";

const SECRET = Buffer.alloc(32, 7);
const NOW = Date.UTC(2026, 0, 1);
const ACCOUNT = "aaaaaaaa-0000-4000-8000-000000000001";

function counting(): { verify: typeof verifyAccessToken; calls: () => number } {
  let calls = 0;
  return {
    verify: (token, nowInMs, secret) => {
      calls += 1;
      return verifyAccessToken(token, nowInMs, secret);
    },
    calls: () => calls,
  };
}

describe("VerifiedTokenCache", () => {
  it("verifies the signature of a token once, and its lifetime on every use", () => {
    const spy = counting();
    const cache = new VerifiedTokenCache(SECRET, 10, spy.verify);
    const token = issueAccessToken(ACCOUNT, NOW, 60, SECRET);
    for (let i = 0; i < 100; i += 1) assert.equal(cache.check(token, NOW + i).valid, true);
    assert.equal(spy.calls(), 1);
    assert.deepEqual(cache.check(token, NOW + 60_000), { valid: false, reason: "expired" });
    assert.equal(cache.size, 0, "an expired token leaves the cache");
    assert.deepEqual(cache.check(token, NOW + 60_000), { valid: false, reason: "expired" });
  });

  it("never keeps tokens that fail verification", () => {
    const spy = counting();
    const cache = new VerifiedTokenCache(SECRET, 10, spy.verify);
    const forged = issueAccessToken(ACCOUNT, NOW, 60, Buffer.alloc(32, 8));
    const expired = issueAccessToken(ACCOUNT, NOW - 120_000, 60, SECRET);
    for (let i = 0; i < 3; i += 1) {
      assert.deepEqual(cache.check(forged, NOW), { valid: false, reason: "bad-signature" });
      assert.deepEqual(cache.check(expired, NOW), { valid: false, reason: "expired" });
      assert.deepEqual(cache.check("not.a.token!", NOW), { valid: false, reason: "malformed" });
    }
    assert.equal(cache.size, 0);
    assert.equal(spy.calls(), 9);
  });

  it("holds at most maxEntries tokens, dropping the oldest first", () => {
    const spy = counting();
    const cache = new VerifiedTokenCache(SECRET, 3, spy.verify);
    const tokens = Array.from({ length: 5 }, (_, i) =>
      issueAccessToken(ACCOUNT, NOW + i * 1000, 600, SECRET),
    );
    for (const token of tokens) assert.equal(cache.check(token, NOW + 5000).valid, true);
    assert.equal(cache.size, 3);
    assert.equal(spy.calls(), 5);
    cache.check(tokens[4] as string, NOW + 5000); // still cached
    assert.equal(spy.calls(), 5);
    cache.check(tokens[0] as string, NOW + 5000); // dropped: verified again
    assert.equal(spy.calls(), 6);
  });
});
