// `arr session start`: creates a session and, unless --no-wait, waits for Ready with a progress
// line. Ctrl-C stops the wait only: the session keeps running (and is billed on the real service),
// so the exact command to stop it is printed; --stop-on-interrupt stops it instead.
import { randomUUID } from "node:crypto";
import type { RenderingSession } from "../../index";
import { OperationFailedError } from "../cliErrors";
import type { CommandContext } from "../commandContext";
import { ExitCode } from "../exitCodes";
import type { SessionSizeName } from "../parseOptionValues";
import { formatSession, sessionView } from "../output/sessionView";
import { followUpCommand } from "./followUpCommand";

interface StartOptions {
  id?: string;
  size?: SessionSizeName;
  lease?: number;
  wait: boolean;
  stopOnInterrupt?: boolean;
}

/** Lease used when neither --lease nor the config file gives one. */
export const DEFAULT_LEASE_IN_MINUTES = 30;

export async function startSession(context: CommandContext): Promise<ExitCode> {
  const options = context.local<StartOptions>();
  const defaults = context.configFile().session;
  const sessionId = options.id ?? randomUUID();
  const settings = {
    size: options.size ?? defaults.size ?? "Standard",
    maxLeaseTimeInMinutes: options.lease ?? defaults.leaseInMinutes ?? DEFAULT_LEASE_IN_MINUTES,
  };
  const connection = await context.connect();
  const interrupt = new AbortController();
  const removeHandler = context.onInterrupt(() => interrupt.abort());
  const progress = context.progress();
  try {
    const client = connection.client;
    const poller = client.beginSession(sessionId, settings, { abortSignal: interrupt.signal });
    poller.onProgress((state) => {
      if (state.latestResponse) progress.update(`Session ${sessionId}: ${state.latestResponse.status}`);
    });
    try {
      await poller.submitted();
      if (!options.wait) {
        const created = poller.operationState?.latestResponse ?? (await client.getSession(sessionId));
        print(context, created);
        if (!context.json)
          context.note(
            `Not waiting. Check on it with: ${followUpCommand(context, "session get", sessionId)}`,
          );
        return ExitCode.Success;
      }
      progress.update(`Session ${sessionId}: ${poller.operationState?.latestResponse?.status ?? "Starting"}`);
      const ready = await poller.pollUntilDone({ abortSignal: interrupt.signal });
      progress.stop();
      print(context, ready);
      return ExitCode.Success;
    } catch (error) {
      progress.stop();
      if (interrupt.signal.aborted) {
        removeHandler();
        return await onInterrupted(context, sessionId, options.stopOnInterrupt === true);
      }
      if (poller.operationState?.status === "failed") {
        const code = (error as { code?: unknown }).code;
        const failure = new OperationFailedError(
          `Session ${sessionId} did not become Ready: ${(error as Error).message}`,
          typeof code === "string" ? code : undefined,
        );
        throw Object.assign(failure, { msCv: (error as { msCv?: unknown }).msCv });
      }
      throw error;
    }
  } finally {
    progress.stop();
    removeHandler();
    await connection.close();
  }

  async function onInterrupted(ctx: CommandContext, id: string, stop: boolean): Promise<ExitCode> {
    const stopCommand = followUpCommand(ctx, "session stop", id);
    if (stop) {
      await connection.client.endSession(id);
      if (ctx.json) ctx.printJson({ id, interrupted: true, stopped: true });
      ctx.note(`Interrupted: stopped session ${id}.`);
    } else {
      if (ctx.json) ctx.printJson({ id, interrupted: true, stopped: false, stopCommand });
      ctx.note(
        `Interrupted: stopped waiting. Session ${id} is still running (if it was created) until its lease ` +
          `ends. To stop it:\n  ${stopCommand}`,
      );
    }
    return ExitCode.Interrupted;
  }
}

function print(context: CommandContext, session: RenderingSession): void {
  const view = sessionView(session, new Date());
  if (context.json) context.printJson(view);
  else context.print(formatSession(view, context.stdoutStyle));
}
