// How the command line shows a rendering session: a plain JSON-ready object (the --json contract),
// a "label: value" block for one session and a table for many.
import type { RenderingSession } from "../../index.js";
import { formatDetails, formatTable } from "./formatTable.js";
import { paint, type TerminalStyle } from "./terminalStyle.js";

/** The --json form of a session. Times are ISO 8601 strings. */
export interface SessionView {
  id: string;
  status: string;
  size: string;
  maxLeaseTimeInMinutes: number;
  elapsedTimeInMinutes?: number;
  createdOn?: string;
  /** Estimated end of the lease (now + lease - elapsed), for a Ready session. */
  endsAt?: string;
  hostname?: string;
  handshakePort?: number;
  arrInspectorPort?: number;
  teraflops?: number;
  error?: { code: string; message: string };
}

const MINUTE_IN_MS = 60_000;

export function sessionView(session: RenderingSession, now: Date): SessionView {
  const view: SessionView = {
    id: session.sessionId,
    status: session.status === "Unknown" ? session.serviceStatus : session.status,
    size: session.size,
    maxLeaseTimeInMinutes: session.maxLeaseTimeInMinutes,
  };
  if (session.elapsedTimeInMinutes !== undefined) view.elapsedTimeInMinutes = session.elapsedTimeInMinutes;
  if (session.createdOn !== undefined) view.createdOn = session.createdOn.toISOString();
  if (session.status === "Ready") {
    const remaining = session.maxLeaseTimeInMinutes - (session.elapsedTimeInMinutes ?? 0);
    view.endsAt = new Date(now.getTime() + remaining * MINUTE_IN_MS).toISOString();
  }
  if (session.status !== "Starting") {
    if (session.hostname !== undefined) view.hostname = session.hostname;
    if (session.handshakePort !== undefined) view.handshakePort = session.handshakePort;
    if (session.arrInspectorPort !== undefined) view.arrInspectorPort = session.arrInspectorPort;
    if (session.teraflops !== undefined) view.teraflops = session.teraflops;
  }
  if (session.status === "Error") view.error = { code: session.error.code, message: session.error.message };
  return view;
}

function statusText(status: string, style: TerminalStyle): string {
  if (status === "Ready") return paint(style, "green", status);
  if (status === "Starting") return paint(style, "yellow", status);
  if (status === "Error") return paint(style, "red", status);
  return status;
}

function leaseText(view: SessionView): string {
  const elapsed = view.elapsedTimeInMinutes !== undefined ? `, ${view.elapsedTimeInMinutes} elapsed` : "";
  const ends = view.endsAt !== undefined ? `, ends about ${view.endsAt}` : "";
  const waiting = view.status === "Starting" ? " (counted from Ready)" : "";
  return `${view.maxLeaseTimeInMinutes} min${elapsed}${ends}${waiting}`;
}

/** One session as aligned "label: value" lines. */
export function formatSession(view: SessionView, style: TerminalStyle): string {
  return formatDetails(
    [
      ["Session", view.id],
      ["Status", statusText(view.status, style)],
      ["Size", view.size],
      ["Hostname", view.hostname],
      ["Handshake port", view.handshakePort?.toString()],
      ["Inspector port", view.arrInspectorPort?.toString()],
      ["Teraflops", view.teraflops?.toString()],
      ["Lease", leaseText(view)],
      ["Created", view.createdOn],
      ["Error", view.error ? `${view.error.code}: ${view.error.message}` : undefined],
    ],
    style,
  );
}

/** Sessions as a table, one row each. */
export function formatSessionTable(views: readonly SessionView[], style: TerminalStyle): string {
  if (views.length === 0) return "No sessions.\n";
  return formatTable(
    ["ID", "STATUS", "SIZE", "HOSTNAME", "PORTS", "LEASE", "ELAPSED", "ENDS ABOUT"],
    views.map((v) => [
      v.id,
      v.status,
      v.size,
      v.hostname ?? "-",
      v.handshakePort !== undefined ? `${v.handshakePort}/${v.arrInspectorPort ?? "-"}` : "-",
      `${v.maxLeaseTimeInMinutes} min`,
      v.elapsedTimeInMinutes !== undefined ? `${v.elapsedTimeInMinutes} min` : "-",
      v.endsAt ?? "-",
    ]),
    style,
  );
}
