import assert from "node:assert/strict";
import type { AccessToken } from "../../../src/index";
import { shouldRefreshToken, TokenCache } from "../../../src/customizations/auth/tokenCache";
import { rejectionOf } from "../support/clientTestKit";

/** A token source whose answers the test releases by hand. */
function manualSource(): {
  source: () => Promise<AccessToken>;
  calls: number;
  resolve(token: AccessToken): void;
  reject(error: Error): void;
} {
  const waiting: Array<{ resolve(token: AccessToken): void; reject(error: Error): void }> = [];
  const handle = {
    calls: 0,
    source: () =>
      new Promise<AccessToken>((resolve, reject) => {
        handle.calls += 1;
        waiting.push({ resolve, reject });
      }),
    resolve: (token: AccessToken) => waiting.shift()?.resolve(token),
    reject: (error: Error) => waiting.shift()?.reject(error),
  };
  return handle;
}

describe("TokenCache", () => {
  let now = 1_000_000;
  const clock = (): number => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it("refreshes when less than the margin, capped at half the lifetime, is left", () => {
    const token = { token: "t", expiresOnTimestamp: 3_600_000 };
    assert.equal(shouldRefreshToken(token, 0, 3_600_000 - 300_001, 300_000), false);
    assert.equal(shouldRefreshToken(token, 0, 3_600_000 - 300_000, 300_000), true);
    const short = { token: "t", expiresOnTimestamp: 60_000 };
    assert.equal(shouldRefreshToken(short, 0, 29_999, 300_000), false);
    assert.equal(shouldRefreshToken(short, 0, 30_000, 300_000), true);
  });

  it("shares one request among concurrent first callers", async () => {
    const manual = manualSource();
    const cache = new TokenCache(manual.source, { now: clock });
    const waiting = Array.from({ length: 64 }, () => cache.getToken());
    manual.resolve({ token: "A", expiresOnTimestamp: now + 3_600_000 });
    assert.deepEqual(new Set(await Promise.all(waiting)), new Set(["A"]));
    assert.equal(manual.calls, 1);
    assert.equal(await cache.getToken(), "A");
    assert.equal(manual.calls, 1);
  });

  it("fetches a new token ahead of expiry", async () => {
    let counter = 0;
    const cache = new TokenCache(
      async () => ({ token: `T${++counter}`, expiresOnTimestamp: now + 3_600_000 }),
      {
        now: clock,
        refreshMarginInMs: 300_000,
      },
    );
    assert.equal(await cache.getToken(), "T1");
    now += 3_600_000 - 300_001;
    assert.equal(await cache.getToken(), "T1");
    now += 1;
    assert.equal(await cache.getToken(), "T2");
  });

  it("keeps a still-valid token when an early refresh fails, and fails once it expired", async () => {
    let fail = false;
    const cache = new TokenCache(
      async () => {
        if (fail) throw new Error("token service down");
        return { token: "T", expiresOnTimestamp: now + 3_600_000 };
      },
      { now: clock },
    );
    assert.equal(await cache.getToken(), "T");
    fail = true;
    now += 3_500_000;
    assert.equal(await cache.getToken(), "T");
    now += 200_000;
    assert.match((await rejectionOf(cache.getToken())).message, /token service down/);
  });

  it("drops a refused token so that the next call fetches another", async () => {
    let counter = 0;
    const cache = new TokenCache(
      async () => ({ token: `T${++counter}`, expiresOnTimestamp: now + 3_600_000 }),
      {
        now: clock,
      },
    );
    assert.equal(await cache.getToken(), "T1");
    assert.equal(cache.invalidate("some-older-token"), true);
    assert.equal(await cache.getToken(), "T1");
    assert.equal(cache.invalidate("T1"), true);
    assert.equal(await cache.getToken(), "T2");
  });

  it("reports that a fixed token cannot be replaced", async () => {
    const cache = new TokenCache(async () => ({ token: "fixed", expiresOnTimestamp: 0 }), {
      refreshable: false,
    });
    assert.equal(await cache.getToken(), "fixed");
    assert.equal(cache.invalidate("fixed"), false);
    assert.equal(await cache.getToken(), "fixed");
  });

  it("lets one caller abort its wait without cancelling the shared request", async () => {
    const manual = manualSource();
    const cache = new TokenCache(manual.source, { now: clock });
    const controller = new AbortController();
    const aborted = cache.getToken({ abortSignal: controller.signal });
    const patient = cache.getToken();
    controller.abort();
    assert.equal((await rejectionOf(aborted)).name, "AbortError");
    manual.resolve({ token: "A", expiresOnTimestamp: now + 3_600_000 });
    assert.equal(await patient, "A");
    assert.equal(manual.calls, 1);
  });
});
