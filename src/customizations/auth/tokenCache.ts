// Caches a Mixed Reality access token, refreshes it ahead of expiry, and makes concurrent callers
// share one token request (single flight).
import type { AbortSignalLike } from "@azure/abort-controller";
import type { AccessToken } from "@azure/core-auth";
import { raceWithAbort } from "../pipeline/abortSignals.js";
import { logger } from "../pipeline/logger.js";

/** Fetches a new access token (for example by a token-service exchange). */
export type AccessTokenSource = () => Promise<AccessToken>;

/** Options of TokenCache. */
export interface TokenCacheOptions {
  /** Refresh this long before expiry (capped at half the token's lifetime). Defaults to 5 minutes. */
  refreshMarginInMs?: number;
  /** Whether the source can produce a different token (false for a fixed token given by the user). */
  refreshable?: boolean;
  /** The clock; tests replace it. */
  now?: () => number;
  /** Secrets behind the tokens (an account key, a credential token), for redaction; see secrets(). */
  credentialSecrets?: () => readonly string[];
}

/** How many of the latest tokens secrets() lists: the one in use and those it replaced lately. */
const rememberedTokenCount = 3;

/** Options of TokenCache.getToken. */
export interface GetCachedTokenOptions {
  /** Stops this caller's wait; a shared token request keeps running for the other callers. */
  abortSignal?: AbortSignalLike | undefined;
}

interface CachedToken {
  token: AccessToken;
  obtainedAtInMs: number;
}

/**
 * Whether a token should be replaced: when less than the margin (at most half its lifetime) is left.
 */
export function shouldRefreshToken(
  token: AccessToken,
  obtainedAtInMs: number,
  nowInMs: number,
  refreshMarginInMs: number,
): boolean {
  const lifetime = token.expiresOnTimestamp - obtainedAtInMs;
  const margin = Math.min(refreshMarginInMs, Math.max(0, lifetime / 2));
  return nowInMs >= token.expiresOnTimestamp - margin;
}

/** A token cache in front of an AccessTokenSource. */
export class TokenCache {
  private cached: CachedToken | undefined;
  private pending: Promise<AccessToken> | undefined;
  private readonly refreshMarginInMs: number;
  private readonly now: () => number;
  private readonly credentialSecrets: () => readonly string[];
  private readonly recentTokens: string[] = [];

  /** Whether a dropped token can be replaced by a different one. */
  readonly refreshable: boolean;

  constructor(
    private readonly source: AccessTokenSource,
    options: TokenCacheOptions = {},
  ) {
    this.refreshMarginInMs = options.refreshMarginInMs ?? 5 * 60_000;
    this.refreshable = options.refreshable ?? true;
    this.now = options.now ?? Date.now;
    this.credentialSecrets = options.credentialSecrets ?? (() => []);
  }

  /**
   * The texts an error message must never show: the latest access tokens (a request may have been
   * signed with one that was replaced since) and the credential secrets behind them.
   */
  secrets(): string[] {
    return [...this.recentTokens, ...this.credentialSecrets()];
  }

  /** The current token, fetching a new one when none is cached or the cached one is about to expire. */
  async getToken(options: GetCachedTokenOptions = {}): Promise<string> {
    const cached = this.cached;
    const now = this.now();
    if (
      cached !== undefined &&
      (!this.refreshable ||
        !shouldRefreshToken(cached.token, cached.obtainedAtInMs, now, this.refreshMarginInMs))
    ) {
      return cached.token.token;
    }
    try {
      const token = await raceWithAbort(this.refresh(), options.abortSignal);
      return token.token;
    } catch (error) {
      // A failed early refresh is not fatal while the previous token is still valid.
      const previous = this.cached;
      if (previous !== undefined && this.now() < previous.token.expiresOnTimestamp && !isAbort(error)) {
        logger.warning(
          "Refreshing the access token failed; the current token stays in use until it expires.",
        );
        return previous.token.token;
      }
      throw error;
    }
  }

  /**
   * Drops the cached token if it is the given one (the service refused it). Returns whether a retry
   * can get a different token.
   */
  invalidate(token: string): boolean {
    if (this.cached?.token.token === token && this.refreshable) {
      this.cached = undefined;
    }
    return this.refreshable;
  }

  private refresh(): Promise<AccessToken> {
    if (this.pending === undefined) {
      const obtainedAtInMs = this.now();
      this.pending = this.source()
        .then((token) => {
          this.cached = { token, obtainedAtInMs };
          this.recentTokens.unshift(token.token);
          this.recentTokens.splice(rememberedTokenCount);
          return token;
        })
        .finally(() => {
          this.pending = undefined;
        });
    }
    return this.pending;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
