// A rendering session tied to a scope: `await using scope = await openRenderingSession(...)` starts
// a session, waits until it is Ready, and ends it when the scope exits (optionally renewing its lease
// while the scope is open). No session is left behind: if waiting fails or is aborted, the session
// is ended before the error is passed on.
import { keepSessionAlive, type KeepSessionAliveOptions, type SessionKeepAlive } from "./keepSessionAlive.js";
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
  const { keepAlive: keepAliveOptions, ...beginOptions } = options;
  const poller = client.beginSession(sessionId, settings, beginOptions);
  let session: ReadyRenderingSession;
  try {
    session = await poller.pollUntilDone();
  } catch (error) {
    // The caller gets no scope, so nobody else could end the session: end it here if it exists.
    const latest = poller.operationState?.latestResponse;
    const ended = latest !== undefined && latest.status !== "Starting" && latest.status !== "Ready";
    if (!ended) await client.endSession(sessionId).catch(() => undefined);
    throw error;
  }

  const keepAlive =
    keepAliveOptions !== undefined ? keepSessionAlive(client, sessionId, keepAliveOptions) : undefined;
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
