// `arr session extend ID --by MINUTES`: the new lease is the session's current lease plus MINUTES
// (not the time elapsed plus MINUTES), and the output shows when the lease now ends.
import { OperationFailedError, UsageError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { maxLeaseTimeInMinutes as MAX_LEASE_IN_MINUTES } from "../../limits.js";
import { formatSession, sessionView } from "../output/sessionView.js";

export async function extendSession(context: CommandContext, sessionId: string): Promise<void> {
  const { by } = context.local<{ by: number }>();
  const connection = await context.connect();
  try {
    const client = connection.client;
    const current = await client.getSession(sessionId);
    if (current.status !== "Starting" && current.status !== "Ready") {
      throw new OperationFailedError(
        `Session ${sessionId} is ${current.status}; only a Starting or Ready session can be extended.`,
      );
    }
    const previous = current.maxLeaseTimeInMinutes;
    const maxLeaseTimeInMinutes = previous + by;
    if (maxLeaseTimeInMinutes > MAX_LEASE_IN_MINUTES) {
      throw new UsageError(
        `--by ${by} would make the lease ${maxLeaseTimeInMinutes} minutes; the service allows at most ` +
          `${MAX_LEASE_IN_MINUTES} (current lease: ${previous} minutes).`,
      );
    }
    const updated = await client.updateSession(sessionId, { maxLeaseTimeInMinutes });
    const view = sessionView(updated, new Date());
    if (context.json) {
      context.printJson({ ...view, previousMaxLeaseTimeInMinutes: previous });
      return;
    }
    const ends =
      view.endsAt !== undefined
        ? `it now ends about ${view.endsAt}`
        : `it ends ${view.maxLeaseTimeInMinutes} minutes after the session becomes Ready`;
    context.print(
      `Extended session ${sessionId}: lease ${previous} -> ${view.maxLeaseTimeInMinutes} minutes; ${ends}.\n`,
    );
    context.print(formatSession(view, context.stdoutStyle));
  } finally {
    await connection.close();
  }
}
