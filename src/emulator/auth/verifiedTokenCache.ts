// Access tokens whose signature was already verified, so that a client calling many times with one
// token costs one HMAC, not one per request. The cache is bounded (the oldest entry leaves first),
// holds only tokens with a valid signature, and checks the lifetime on every use: an expired token
// is refused and dropped as if it had never been cached.
import {
  checkTokenLifetime,
  verifyAccessToken,
  type AccessTokenClaims,
  type TokenCheck,
} from "./accessTokens.js";

/** Tokens kept at most; far more than the clients of a local emulator use at once. */
export const DEFAULT_MAX_CACHED_TOKENS = 1024;

export class VerifiedTokenCache {
  private readonly claimsByToken = new Map<string, AccessTokenClaims>();

  constructor(
    private readonly secret: Buffer,
    private readonly maxEntries: number = DEFAULT_MAX_CACHED_TOKENS,
    private readonly verify: typeof verifyAccessToken = verifyAccessToken,
  ) {}

  get size(): number {
    return this.claimsByToken.size;
  }

  /** Like verifyAccessToken, verifying each token's signature once while it is cached. */
  check(token: string, nowInMs: number): TokenCheck {
    const cached = this.claimsByToken.get(token);
    if (cached !== undefined) {
      const lifetime = checkTokenLifetime(cached, nowInMs);
      if (!lifetime.valid) this.claimsByToken.delete(token);
      return lifetime;
    }
    const check = this.verify(token, nowInMs, this.secret);
    if (check.valid) {
      if (this.claimsByToken.size >= this.maxEntries) {
        const oldest = this.claimsByToken.keys().next();
        if (oldest.done !== true) this.claimsByToken.delete(oldest.value);
      }
      this.claimsByToken.set(token, check.claims);
    }
    return check;
  }
}
