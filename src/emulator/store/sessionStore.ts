// Session state transitions over an EmulatorState, and the view a client sees at a given time.
// Functions here do no I/O; the request handlers turn their outcomes into HTTP answers.
import type { RandomSource } from "../faults/randomSource.js";
import { formatServiceTime } from "./serviceTime.js";
import { resourceKey, type EmulatorState, type StoredSession } from "./state.js";
import type { WireError, WireSession, WireSessionSize, WireSessionStatus } from "../operations/wireTypes.js";

export interface SessionSettings {
  /** Start-up time per size, in emulated milliseconds. */
  startupInMs: Readonly<Record<WireSessionSize, number>>;
  teraflops: Readonly<Record<WireSessionSize, number>>;
}

export interface CreateSessionRequest {
  accountId: string;
  sessionId: string;
  size: WireSessionSize;
  maxLeaseTimeMinutes: number;
}

export type CreateSessionOutcome =
  | { kind: "created"; session: StoredSession }
  | { kind: "existing"; session: StoredSession }
  | { kind: "conflict"; session: StoredSession };

const MINUTE_IN_MS = 60_000;
const FIRST_DYNAMIC_PORT = 49152;
const LAST_PORT = 65534;

export function findSession(
  state: EmulatorState,
  accountId: string,
  sessionId: string,
): StoredSession | undefined {
  return state.sessions.get(resourceKey(accountId, sessionId));
}

/**
 * Creates a session, or finds the one a retried request created. `decideStartFailure` runs only
 * when a new session is created, so a fault meant for one new session is not spent on a retry.
 */
export function createSession(
  state: EmulatorState,
  request: CreateSessionRequest,
  now: number,
  settings: SessionSettings,
  random: RandomSource,
  decideStartFailure: () => WireError | null,
): CreateSessionOutcome {
  const existing = findSession(state, request.accountId, request.sessionId);
  if (existing !== undefined) {
    const identical =
      existing.size === request.size && existing.requestedLeaseInMinutes === request.maxLeaseTimeMinutes;
    return { kind: identical ? "existing" : "conflict", session: existing };
  }
  const handshakePort = random.integer(FIRST_DYNAMIC_PORT, LAST_PORT);
  let arrInspectorPort = random.integer(FIRST_DYNAMIC_PORT, LAST_PORT - 1);
  if (arrInspectorPort >= handshakePort) arrInspectorPort += 1;
  const session: StoredSession = {
    accountId: request.accountId.toLowerCase(),
    id: request.sessionId,
    sequence: state.nextSequence,
    size: request.size,
    requestedLeaseInMinutes: request.maxLeaseTimeMinutes,
    maxLeaseTimeMinutes: request.maxLeaseTimeMinutes,
    createdAtInMs: now,
    creationTime: formatServiceTime(now, random.integer(0, 9999), "offset"),
    readyAtInMs: now + settings.startupInMs[request.size],
    stoppedAtInMs: null,
    hostname: `${random.integer(100_000_000, 999_999_999)}-${random.uuid()}.remoterendering.vm.emulator.localhost`,
    handshakePort,
    arrInspectorPort,
    teraflops: settings.teraflops[request.size],
    startFailure: decideStartFailure(),
  };
  state.nextSequence += 1;
  state.sessions.set(resourceKey(session.accountId, session.id), session);
  return { kind: "created", session };
}

export function sessionStatusAt(session: StoredSession, now: number): WireSessionStatus {
  if (session.stoppedAtInMs !== null) return "Stopped";
  if (now < session.readyAtInMs) return "Starting";
  if (session.startFailure !== null) return "Error";
  if (now >= leaseEndInMs(session)) return "Expired";
  return "Ready";
}

export function isTerminalSessionStatus(status: WireSessionStatus): boolean {
  return status === "Stopped" || status === "Expired" || status === "Error";
}

function leaseEndInMs(session: StoredSession): number {
  return session.readyAtInMs + session.maxLeaseTimeMinutes * MINUTE_IN_MS;
}

function elapsedMinutes(session: StoredSession, status: WireSessionStatus, now: number): number {
  const readyUntil =
    status === "Ready"
      ? now
      : status === "Expired"
        ? leaseEndInMs(session)
        : status === "Stopped" && session.stoppedAtInMs !== null
          ? session.stoppedAtInMs
          : session.readyAtInMs;
  return Math.max(0, Math.floor((readyUntil - session.readyAtInMs) / MINUTE_IN_MS));
}

/**
 * The session as the service shows it at `now`. As recorded: while Starting, and again once
 * Stopped, ports are 0 and the host name null; teraflops stays 0 until the session was Ready.
 */
export function sessionView(session: StoredSession, now: number): WireSession {
  const status = sessionStatusAt(session, now);
  const live = status === "Ready";
  const wasReady =
    status === "Ready" || status === "Expired" || (status === "Stopped" && stoppedAfterReady(session));
  return {
    id: session.id,
    creationTime: session.creationTime,
    arrInspectorPort: live ? session.arrInspectorPort : 0,
    handshakePort: live ? session.handshakePort : 0,
    elapsedTimeMinutes: elapsedMinutes(session, status, now),
    hostname: live ? session.hostname : null,
    maxLeaseTimeMinutes: session.maxLeaseTimeMinutes,
    size: session.size,
    status,
    teraflops: wasReady ? session.teraflops : 0,
    error: status === "Error" ? session.startFailure : null,
  };
}

function stoppedAfterReady(session: StoredSession): boolean {
  return (
    session.startFailure === null &&
    session.stoppedAtInMs !== null &&
    session.stoppedAtInMs >= session.readyAtInMs
  );
}

export type UpdateLeaseOutcome =
  | { kind: "updated"; session: StoredSession }
  | { kind: "not-found" }
  | { kind: "terminal"; status: WireSessionStatus }
  | { kind: "not-larger"; currentInMinutes: number };

/** Extends the lease; the new value must be larger than the current one (checked here). */
export function updateSessionLease(
  state: EmulatorState,
  accountId: string,
  sessionId: string,
  maxLeaseTimeMinutes: number,
  now: number,
): UpdateLeaseOutcome {
  const session = findSession(state, accountId, sessionId);
  if (session === undefined) return { kind: "not-found" };
  const status = sessionStatusAt(session, now);
  if (isTerminalSessionStatus(status)) return { kind: "terminal", status };
  if (maxLeaseTimeMinutes <= session.maxLeaseTimeMinutes) {
    return { kind: "not-larger", currentInMinutes: session.maxLeaseTimeMinutes };
  }
  session.maxLeaseTimeMinutes = maxLeaseTimeMinutes;
  state.sessions.markChanged(session);
  return { kind: "updated", session };
}

export type StopSessionOutcome = { kind: "stopped" } | { kind: "already-ended" } | { kind: "not-found" };

/** Stops a Starting or Ready session at once; stopping an ended session changes nothing. */
export function stopSession(
  state: EmulatorState,
  accountId: string,
  sessionId: string,
  now: number,
): StopSessionOutcome {
  const session = findSession(state, accountId, sessionId);
  if (session === undefined) return { kind: "not-found" };
  if (isTerminalSessionStatus(sessionStatusAt(session, now))) return { kind: "already-ended" };
  session.stoppedAtInMs = now;
  state.sessions.markChanged(session);
  state.sessions.close(session);
  return { kind: "stopped" };
}

/**
 * Sessions a list answers with, after `afterSequence`: only Starting and Ready ones, in creation
 * order. A session found to have ended (its lease ran out, it failed to start) is closed on the way,
 * so no later page walks over it again (the clock never goes back).
 */
export function* listableSessionsAfter(
  state: EmulatorState,
  accountId: string,
  afterSequence: number,
  now: number,
): Generator<StoredSession, void, undefined> {
  for (const session of state.sessions.openAfter(accountId, afterSequence)) {
    if (isTerminalSessionStatus(sessionStatusAt(session, now))) state.sessions.close(session);
    else yield session;
  }
}
