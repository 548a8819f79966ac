// Public types of rendering sessions. A session is a tagged union on `status`; narrowing on it gives
// the fields that status guarantees (for example only a Ready session has a hostname and ports).
import type { RemoteRenderingServiceError } from "../errors/remoteRenderingServiceError.js";
import type { renderingSessionSizes } from "../serviceLimits.js";

/** Session sizes known to this client. */
export type KnownRenderingSessionSize = (typeof renderingSessionSizes)[number];

/**
 * The size of the server behind a session. A size this client does not know is kept as the string
 * the service sent.
 */
export type RenderingSessionSize = KnownRenderingSessionSize | (string & {});

/**
 * The status of a session: one of the service's statuses, or "Unknown" for a status this client does
 * not know (the service's text is then in `serviceStatus`).
 */
export type RenderingSessionStatus = "Starting" | "Ready" | "Error" | "Expired" | "Stopped" | "Unknown";

/** Settings of a new session. */
export interface RenderingSessionSettings {
  /** Minutes the session runs once Ready before it expires: an integer from minLeaseTimeInMinutes to maxLeaseTimeInMinutes. */
  maxLeaseTimeInMinutes: number;
  /** The server size: "Standard" or "Premium". */
  size: RenderingSessionSize;
}

/** Settings that can change on a running session. */
export interface UpdateSessionSettings {
  /** The new lease in minutes: an integer up to maxLeaseTimeInMinutes, larger than the current lease. */
  maxLeaseTimeInMinutes: number;
}

/** Fields every session has, whatever its status. */
export interface RenderingSessionBase {
  /** The id chosen when the session was created. */
  sessionId: string;
  /** The server size. */
  size: RenderingSessionSize;
  /** Minutes the session runs once Ready. */
  maxLeaseTimeInMinutes: number;
  /** When the session was created, if the service said. */
  createdOn?: Date;
  /** Whole minutes the session has spent in the Ready state, if the service said. */
  elapsedTimeInMinutes?: number;
}

/**
 * What the service reported about the server of a session that is not Ready. The service sends
 * placeholders (port 0, no hostname) before a server is assigned; those are left out here.
 */
export interface PartialRenderingSessionProperties {
  /** The host name of the server, if one was reported. */
  hostname?: string;
  /** The handshake port, if one was reported. */
  handshakePort?: number;
  /** The ArrInspector port, if one was reported. */
  arrInspectorPort?: number;
  /** The GPU power of the server in teraflops, if one was reported. */
  teraflops?: number;
}

/** A session whose server is starting; it has no host name or ports yet. */
export interface StartingRenderingSession extends RenderingSessionBase {
  status: "Starting";
}

/** A session that accepts connections. */
export interface ReadyRenderingSession extends RenderingSessionBase {
  status: "Ready";
  /** The host name of the rendering server. */
  hostname: string;
  /** The TCP port for the connection handshake. */
  handshakePort: number;
  /** The TCP port of the ArrInspector tool. */
  arrInspectorPort: number;
  /** The GPU power of the server in teraflops. */
  teraflops: number;
}

/** A session that failed; it cannot be used. */
export interface ErrorRenderingSession extends RenderingSessionBase, PartialRenderingSessionProperties {
  status: "Error";
  /** The error the service reported. */
  error: RemoteRenderingServiceError;
}

/** A session that reached the end of its lease. */
export interface ExpiredRenderingSession extends RenderingSessionBase, PartialRenderingSessionProperties {
  status: "Expired";
}

/** A session that was stopped (see `endSession`). */
export interface StoppedRenderingSession extends RenderingSessionBase, PartialRenderingSessionProperties {
  status: "Stopped";
}

/** A session in a status this client does not know. */
export interface UnknownRenderingSession extends RenderingSessionBase, PartialRenderingSessionProperties {
  status: "Unknown";
  /** The status exactly as the service sent it. */
  serviceStatus: string;
}

/** A rendering session, tagged on `status`. */
export type RenderingSession =
  | StartingRenderingSession
  | ReadyRenderingSession
  | ErrorRenderingSession
  | ExpiredRenderingSession
  | StoppedRenderingSession
  | UnknownRenderingSession;
