// Keeps a rendering session alive by extending its lease at a fixed interval, until stopped.
// It renews at once, then every `intervalInMs`: each renewal sets the lease to the session's current
// lease plus `extensionInMinutes`. With an extension of at least the interval, the time left on the
// lease never shrinks. `await using` stops it (and ends the session with `endSessionOnStop`).
import type { AbortSignalLike } from "@azure/abort-controller";
import type { RenderingSession, UpdateSessionSettings } from "../models/renderingSession.js";
import { validateResourceId } from "../validation.js";
import { maxLeaseTimeInMinutes as leaseLimitInMinutes } from "../serviceLimits.js";
import { logger } from "../pipeline/logger.js";
import { validateKeepSessionAliveOptions, type KeepSessionAliveOptions } from "./keepSessionAliveOptions.js";

export type { KeepSessionAliveOptions } from "./keepSessionAliveOptions.js";

/**
 * The client methods the keep-alive uses (a RemoteRenderingClient has them). `updateSession` must be
 * idempotent as the client's is: a resent update whose lease is already set succeeds.
 */
export interface KeepSessionAliveClient {
  getSession(sessionId: string, options?: { abortSignal?: AbortSignalLike }): Promise<RenderingSession>;
  updateSession(
    sessionId: string,
    settings: UpdateSessionSettings,
    options?: { abortSignal?: AbortSignalLike },
  ): Promise<RenderingSession>;
  endSession(sessionId: string, options?: { abortSignal?: AbortSignalLike }): Promise<void>;
}

/** Why a keep-alive ended. */
export type KeepSessionAliveOutcome =
  | { reason: "stopped"; renewals: number; sessionEnded: boolean }
  | { reason: "sessionEnded"; renewals: number; session: RenderingSession }
  | { reason: "failed"; renewals: number; error: unknown };

export interface SessionKeepAlive extends AsyncDisposable {
  readonly sessionId: string;
  /** Renewals done so far. */
  readonly renewals: number;
  /**
   * Settles when the keep-alive ends: stopped, the session ended by itself (Stopped, Expired, Error),
   * or a renewal was refused (for example at the maxLeaseTimeInMinutes limit). It never rejects.
   */
  readonly done: Promise<KeepSessionAliveOutcome>;
  /** Stops renewing (ending the session with `endSessionOnStop`); resolves with the outcome. */
  stop(): Promise<KeepSessionAliveOutcome>;
}

/**
 * Calls a user callback so that its failure cannot end the keep-alive or the process: a throw (or a
 * rejected promise it returns) is reported through the logger.
 */
function callSafely<T>(callbackName: string, callback: ((value: T) => void) | undefined, value: T): void {
  if (callback === undefined) return;
  const report = (failure: unknown): void =>
    logger.warning(
      `The ${callbackName} callback of keepSessionAlive failed; the keep-alive goes on: ` +
        `${failure instanceof Error ? failure.message : String(failure)}`,
    );
  try {
    const returned: unknown = callback(value);
    if (returned instanceof Promise) returned.catch(report);
  } catch (failure) {
    report(failure);
  }
}

/** Starts renewing the lease of `sessionId`; see {@link KeepSessionAliveOptions}. */
export function keepSessionAlive(
  client: KeepSessionAliveClient,
  sessionId: string,
  options?: KeepSessionAliveOptions,
): SessionKeepAlive {
  const checked = validateKeepSessionAliveOptions(options);
  const { intervalInMs, extensionInMinutes } = checked;
  validateResourceId("sessionId", sessionId);

  const requests = new AbortController();
  let renewals = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let finished = false;
  let stopping: Promise<KeepSessionAliveOutcome> | undefined;
  let settle!: (outcome: KeepSessionAliveOutcome) => void;
  const done = new Promise<KeepSessionAliveOutcome>((resolve) => (settle = resolve));

  const finish = (outcome: KeepSessionAliveOutcome): void => {
    if (finished) return;
    finished = true;
    if (timer !== undefined) clearTimeout(timer);
    checked.abortSignal?.removeEventListener("abort", onAbort);
    settle(outcome);
  };

  const renew = async (): Promise<void> => {
    const signal = { abortSignal: requests.signal };
    const session = await client.getSession(sessionId, signal);
    if (finished || stopping) return;
    if (session.status === "Starting") return; // the lease only runs once Ready
    if (session.status !== "Ready") {
      finish({ reason: "sessionEnded", renewals, session });
      return;
    }
    const maxLeaseTimeInMinutes = session.maxLeaseTimeInMinutes + extensionInMinutes;
    if (maxLeaseTimeInMinutes > leaseLimitInMinutes) {
      const error = new RangeError(
        `Cannot extend session ${sessionId} beyond ${leaseLimitInMinutes} minutes; its lease is ` +
          `${session.maxLeaseTimeInMinutes} minutes.`,
      );
      finish({ reason: "failed", renewals, error });
      return;
    }
    // updateSession is idempotent: a resent PATCH whose first attempt was applied still succeeds.
    let updated: RenderingSession;
    try {
      updated = await client.updateSession(sessionId, { maxLeaseTimeInMinutes }, signal);
    } catch (error) {
      // The session may have ended between the read and the update (the service then answers
      // 422): that is the session ending, not a failed renewal.
      if (!isLastingFailure(error)) throw error;
      const now = await client.getSession(sessionId, signal).catch(() => undefined);
      if (now === undefined || now.status === "Ready" || now.status === "Starting") throw error;
      if (!finished && !stopping) finish({ reason: "sessionEnded", renewals, session: now });
      return;
    }
    renewals += 1;
    callSafely("onRenewed", checked.onRenewed, updated);
  };

  const tick = (): void => {
    timer = undefined;
    running = renew().then(
      () => undefined,
      (error: unknown) => {
        if (finished || stopping) return;
        if (isLastingFailure(error)) finish({ reason: "failed", renewals, error });
        else callSafely("onError", checked.onError, error);
      },
    );
    void running.then(() => {
      running = undefined;
      if (!finished && !stopping) timer = setTimeout(tick, intervalInMs);
    });
  };

  const stop = (): Promise<KeepSessionAliveOutcome> => {
    if (finished) return done;
    stopping ??= (async () => {
      if (timer !== undefined) clearTimeout(timer);
      requests.abort();
      await running;
      let sessionEnded = false;
      if (checked.endSessionOnStop && !finished) {
        try {
          await client.endSession(sessionId);
          sessionEnded = true;
        } catch (error) {
          finish({ reason: "failed", renewals, error });
        }
      }
      finish({ reason: "stopped", renewals, sessionEnded });
      return done;
    })();
    return stopping;
  };

  const onAbort = (): void => void stop();
  if (checked.abortSignal?.aborted) {
    void stop();
  } else {
    checked.abortSignal?.addEventListener("abort", onAbort);
    tick();
  }

  return {
    sessionId,
    get renewals() {
      return renewals;
    },
    done,
    stop,
    async [Symbol.asyncDispose]() {
      await stop();
    },
  };
}

/**
 * A failure that retrying will not fix: a 4xx answer other than 408 (timeout) and 429 (throttling),
 * or an argument the client refused before sending (TypeError, RangeError).
 */
function isLastingFailure(error: unknown): boolean {
  if (error instanceof TypeError || error instanceof RangeError) return true;
  const status =
    typeof error === "object" && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === "number" && status >= 400 && status < 500 && status !== 408 && status !== 429;
}
