// A rendering session tied to a scope: `await using scope = await openRenderingSession(...)` starts
// a session, waits until it is Ready, and ends it when the scope exits (optionally renewing its lease
// while the scope is open). No session is left behind: if waiting fails or is aborted, the session
// is ended before the error is passed on.
import { keepSessionAlive, type KeepSessionAliveOptions, type SessionKeepAlive } from "./keepSessionAlive.js";
import { validateKeepSessionAliveOptions } from "./keepSessionAliveOptions.js";
import { validateOptionsBag } from "../models/validateOperationOptions.js";
import type { BeginSessionOptions, RenderingSessionPollerLike } from "../models/options.js";
import type { ReadyRenderingSession, RenderingSessionSettings } from "../models/renderingSession.js";
import type { KeepSessionAliveClient } from "./keepSessionAlive.js";

/** The client methods a session scope uses (a RemoteRenderingClient has them). */
export interface RenderingSessionScopeClient extends KeepSessionAliveClient {
  beginSession(
    sessionId: string,
    settings: RenderingSessionSettings,
    options?: BeginSessionOptions,
  ): RenderingSessionPollerLike;
}

export interface OpenRenderingSessionOptions extends BeginSessionOptions {
  /** Renew the lease while the scope is open (see keepSessionAlive); off by default. */
  keepAlive?: Omit<KeepSessionAliveOptions, "endSessionOnStop" | "abortSignal">;
}

export interface RenderingSessionScope extends AsyncDisposable {
  /** The session as it was when it became Ready. */
  readonly session: ReadyRenderingSession;
  /** The keep-alive, when `keepAlive` was given. */
  readonly keepAlive: SessionKeepAlive | undefined;
  /** Stops the keep-alive, then ends the session. Later calls return the first call's promise. */
  end(): Promise<void>;
}

/** Starts a session, waits until it is Ready, and returns a scope that ends it on disposal. */
export async function openRenderingSession(
  client: RenderingSessionScopeClient,
  sessionId: string,
  settings: RenderingSessionSettings,
  options: OpenRenderingSessionOptions = {},
): Promise<RenderingSessionScope> {
  // Every option is checked before anything is sent: an error after the creation would leave a
  // session running (and billed) that the caller has no scope to end.
  const { keepAlive: keepAliveOptions, ...beginOptions } = validateOptionsBag(
    "options",
    options,
    "OpenRenderingSessionOptions",
  ) as OpenRenderingSessionOptions;
  if (keepAliveOptions !== undefined) {
    validateKeepSessionAliveOptions(keepAliveOptions, "options.keepAlive");
    for (const name of ["endSessionOnStop", "abortSignal"] as const) {
      if (name in keepAliveOptions) {
        throw new TypeError(
          `options.keepAlive.${name} is not accepted: the scope ends the session, and options.abortSignal ` +
            `stops waiting for it.`,
        );
      }
    }
  }
  const poller = client.beginSession(sessionId, settings, beginOptions);
  let session: ReadyRenderingSession;
  let keepAlive: SessionKeepAlive | undefined;
  try {
    session = await poller.pollUntilDone();
    keepAlive =
      keepAliveOptions !== undefined ? keepSessionAlive(client, sessionId, keepAliveOptions) : undefined;
  } catch (error) {
    // The caller gets no scope, so nobody else could end the session: end it here if it exists.
    const latest = poller.operationState?.latestResponse;
    const ended = latest !== undefined && latest.status !== "Starting" && latest.status !== "Ready";
    if (!ended) await client.endSession(sessionId).catch(() => undefined);
    throw error;
  }

  let ending: Promise<void> | undefined;
  const end = (): Promise<void> =>
    (ending ??= (async () => {
      await keepAlive?.stop();
      await client.endSession(sessionId);
    })());
  return {
    session,
    keepAlive,
    end,
    [Symbol.asyncDispose]: end,
  };
}
