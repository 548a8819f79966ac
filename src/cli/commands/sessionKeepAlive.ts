// `arr session keep-alive ID [--every MINUTES] [--by MINUTES] [--stop-on-exit]`: renews the lease
// until Ctrl-C (or SIGTERM), then leaves the session running, or stops it with --stop-on-exit.
// Each renewal prints a line (with --json, one JSON object per line).
import type { RenderingSession } from "../../index.js";
import { OperationFailedError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { ExitCode } from "../exitCodes.js";
import { sessionView } from "../output/sessionView.js";

interface KeepAliveOptions {
  every?: number;
  by?: number;
  stopOnExit?: boolean;
}

const DEFAULT_EVERY_IN_MINUTES = 5;

export async function keepAlive(context: CommandContext, sessionId: string): Promise<ExitCode> {
  const options = context.local<KeepAliveOptions>();
  const every = options.every ?? DEFAULT_EVERY_IN_MINUTES;
  const by = options.by ?? Math.max(1, Math.ceil(every));
  const stopOnExit = options.stopOnExit === true;
  if (by < every) {
    context.note(
      `Warning: --by ${by} is shorter than --every ${every}: the time left on the lease shrinks at each renewal.`,
    );
  }
  const connection = await context.connect();
  const client = connection.client;
  try {
    const event = (name: string, session: RenderingSession): void => {
      const view = sessionView(session, new Date());
      if (context.json) {
        context.printJson({ event: name, ...view }, { compact: true });
      } else {
        const ends = view.endsAt !== undefined ? `, ends about ${view.endsAt}` : "";
        context.print(`Renewed session ${sessionId}: lease ${view.maxLeaseTimeInMinutes} minutes${ends}.\n`);
      }
    };
    const keeper = client.keepSessionAlive(sessionId, {
      intervalInMs: every * 60_000,
      extensionInMinutes: by,
      endSessionOnStop: stopOnExit,
      onRenewed: (session) => event("renewed", session),
      onError: (error) =>
        context.note(`Renewal failed, trying again in ${every} minutes: ${(error as Error).message}`),
    });
    // Listen for Ctrl-C before saying it ends the keep-alive.
    const removeHandler = context.onInterrupt(() => void keeper.stop());
    if (!context.json) {
      context.note(
        `Keeping session ${sessionId} alive: +${by} minutes every ${every} minutes. Ctrl-C to end.`,
      );
    }
    const outcome = await keeper.done.finally(removeHandler);

    if (outcome.reason === "stopped") {
      if (context.json) {
        context.printJson(
          {
            event: "stopped",
            id: sessionId,
            renewals: outcome.renewals,
            sessionStopped: outcome.sessionEnded,
          },
          { compact: true },
        );
      } else {
        const what = outcome.sessionEnded
          ? "stopped the session"
          : "the session keeps running until its lease ends";
        context.note(
          `Stopped keeping session ${sessionId} alive after ${outcome.renewals} renewals; ${what}.`,
        );
      }
      return ExitCode.Success;
    }
    if (stopOnExit) await client.endSession(sessionId).catch(() => undefined);
    if (outcome.reason === "sessionEnded") {
      throw new OperationFailedError(
        `Session ${sessionId} is ${outcome.session.status}; keep-alive ended after ${outcome.renewals} renewals.`,
      );
    }
    if (outcome.error instanceof RangeError) throw new OperationFailedError(outcome.error.message);
    throw outcome.error;
  } finally {
    await connection.close();
  }
}
