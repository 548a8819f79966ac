// `arr session update ID --lease <minutes | hh:mm:ss>`: sets the session's lease to an absolute
// value (the scripts' -UpdateSession -MaxLeaseTime hh:mm:ss), counted from when it became Ready.
import { OperationFailedError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { formatSession, sessionView } from "../output/sessionView.js";

export async function updateSession(context: CommandContext, sessionId: string): Promise<void> {
  const { lease } = context.local<{ lease: number }>();
  const connection = await context.connect();
  try {
    const client = connection.client;
    const current = await client.getSession(sessionId);
    if (current.status !== "Starting" && current.status !== "Ready") {
      throw new OperationFailedError(
        `Session ${sessionId} is ${current.status}; only a Starting or Ready session can be updated.`,
      );
    }
    const updated = await client.updateSession(sessionId, { maxLeaseTimeInMinutes: lease });
    const view = sessionView(updated, new Date());
    if (context.json) {
      context.printJson({ ...view, previousMaxLeaseTimeInMinutes: current.maxLeaseTimeInMinutes });
      return;
    }
    context.print(
      `Updated session ${sessionId}: lease ${current.maxLeaseTimeInMinutes} -> ${view.maxLeaseTimeInMinutes} minutes.\n`,
    );
    context.print(formatSession(view, context.stdoutStyle));
  } finally {
    await connection.close();
  }
}
