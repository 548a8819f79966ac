// `arr session wait ID`: waits for an existing session to become Ready (like the scripts'
// -GetSessionProperties with polling), with the exit codes of `arr session start`: 0 Ready,
// 4 when it ends in Error, Expired or Stopped, 130 interrupted (the session keeps running).
import { OperationFailedError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { ExitCode } from "../exitCodes.js";
import { formatSession, sessionView } from "../output/sessionView.js";
import { followUpCommand } from "./followUpCommand.js";

/** Seconds between polls by size, as `arr session start` waits. */
const DEFAULT_POLL_IN_SECONDS: Readonly<Record<string, number>> = { Standard: 2, Premium: 10 };

export async function waitSession(context: CommandContext, sessionId: string): Promise<ExitCode> {
  const { pollInterval } = context.local<{ pollInterval?: number }>();
  const connection = await context.connect();
  const interrupt = new AbortController();
  const removeHandler = context.onInterrupt(() => interrupt.abort());
  const progress = context.progress();
  try {
    const client = connection.client;
    // Reads it once first: an unknown id is a service error (404), and the size sets the interval.
    const current = await client.getSession(sessionId, { abortSignal: interrupt.signal });
    const seconds = pollInterval ?? DEFAULT_POLL_IN_SECONDS[current.size] ?? 10;
    const poller = client.getSessionPoller(sessionId, {
      abortSignal: interrupt.signal,
      intervalInMs: seconds * 1000,
    });
    poller.onProgress((state) => {
      if (state.latestResponse) progress.update(`Session ${sessionId}: ${state.latestResponse.status}`);
    });
    progress.update(`Session ${sessionId}: ${current.status}`);
    try {
      const ready = await poller.pollUntilDone({ abortSignal: interrupt.signal });
      progress.stop();
      const view = sessionView(ready, new Date());
      if (context.json) context.printJson(view);
      else context.print(formatSession(view, context.stdoutStyle));
      return ExitCode.Success;
    } catch (error) {
      progress.stop();
      if (interrupt.signal.aborted) {
        const stop = followUpCommand(context, "session stop", sessionId);
        if (context.json) context.printJson({ id: sessionId, interrupted: true, stopCommand: stop });
        context.note(
          `Interrupted: stopped waiting; session ${sessionId} keeps running. To stop it:\n  ${stop}`,
        );
        return ExitCode.Interrupted;
      }
      if (poller.operationState?.status === "failed") {
        throw new OperationFailedError(
          `Session ${sessionId} did not become Ready: ${(error as Error).message}`,
          error,
        );
      }
      throw error;
    }
  } finally {
    progress.stop();
    removeHandler();
    await connection.close();
  }
}
