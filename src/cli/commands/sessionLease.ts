// Changing a session's lease: `arr session update ID --lease <minutes | hh:mm:ss>` sets it to an
// absolute value (the scripts' -UpdateSession -MaxLeaseTime hh:mm:ss), counted from when the session
// became Ready; `arr session extend ID --by MINUTES` makes it the current lease plus MINUTES (not
// the time elapsed plus MINUTES). Both read the session first and show the lease before and after.
import { OperationFailedError, UsageError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { maxLeaseTimeInMinutes as MAX_LEASE_IN_MINUTES } from "../../limits.js";
import { formatSession, sessionView, type SessionView } from "../output/sessionView.js";

interface LeaseChange {
  /** The verb of the refusal for an ended session ("updated", "extended"). */
  verb: string;
  /** The new lease, from the current one; throws a UsageError when it cannot be set. */
  target(previous: number): number;
  /** The first output line (without its newline), after the change. */
  summary(previous: number, view: SessionView): string;
}

async function changeLease(context: CommandContext, sessionId: string, change: LeaseChange): Promise<void> {
  const connection = await context.connect();
  try {
    const client = connection.client;
    const current = await client.getSession(sessionId);
    if (current.status !== "Starting" && current.status !== "Ready") {
      throw new OperationFailedError(
        `Session ${sessionId} is ${current.status}; only a Starting or Ready session can be ${change.verb}.`,
      );
    }
    const previous = current.maxLeaseTimeInMinutes;
    const maxLeaseTimeInMinutes = change.target(previous);
    const updated = await client.updateSession(sessionId, { maxLeaseTimeInMinutes });
    const view = sessionView(updated, new Date());
    if (context.json) {
      context.printJson({ ...view, previousMaxLeaseTimeInMinutes: previous });
      return;
    }
    context.print(`${change.summary(previous, view)}\n`);
    context.print(formatSession(view, context.stdoutStyle));
  } finally {
    await connection.close();
  }
}

export async function updateSession(context: CommandContext, sessionId: string): Promise<void> {
  const { lease } = context.local<{ lease: number }>();
  return changeLease(context, sessionId, {
    verb: "updated",
    target: () => lease,
    summary: (previous, view) =>
      `Updated session ${sessionId}: lease ${previous} -> ${view.maxLeaseTimeInMinutes} minutes.`,
  });
}

export async function extendSession(context: CommandContext, sessionId: string): Promise<void> {
  const { by } = context.local<{ by: number }>();
  return changeLease(context, sessionId, {
    verb: "extended",
    target: (previous) => {
      const maxLeaseTimeInMinutes = previous + by;
      if (maxLeaseTimeInMinutes > MAX_LEASE_IN_MINUTES) {
        throw new UsageError(
          `--by ${by} would make the lease ${maxLeaseTimeInMinutes} minutes; the service allows at most ` +
            `${MAX_LEASE_IN_MINUTES} (current lease: ${previous} minutes).`,
        );
      }
      return maxLeaseTimeInMinutes;
    },
    summary: (previous, view) => {
      const ends =
        view.endsAt !== undefined
          ? `it now ends about ${view.endsAt}`
          : `it ends ${view.maxLeaseTimeInMinutes} minutes after the session becomes Ready`;
      return `Extended session ${sessionId}: lease ${previous} -> ${view.maxLeaseTimeInMinutes} minutes; ${ends}.`;
    },
  });
}
