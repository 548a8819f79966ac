// `arr session start`: creates a session and, unless --no-wait, waits for Ready with a progress
// line. Ctrl-C stops the wait only: the session keeps running (and is billed on the real service),
// so the exact command to stop it is printed; --stop-on-interrupt stops it instead.
import { randomUUID } from "node:crypto";
import type { RenderingSession } from "../../index.js";
import { OperationFailedError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import type { Connection } from "../connect/openConnection.js";
import { ExitCode } from "../exitCodes.js";
import type { SessionSizeName } from "../parseOptionValues.js";
import { formatSession, sessionView } from "../output/sessionView.js";
import { followUpCommand } from "./followUpCommand.js";

interface StartOptions {
  id?: string;
  size?: SessionSizeName;
  lease?: number;
  wait: boolean;
  pollInterval?: number;
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
  let created = false;
  try {
    const client = connection.client;
    const poller = client.beginSession(sessionId, settings, {
      abortSignal: interrupt.signal,
      ...(options.pollInterval !== undefined ? { intervalInMs: options.pollInterval * 1000 } : {}),
    });
    poller.onProgress((state) => {
      if (state.latestResponse) progress.update(`Session ${sessionId}: ${state.latestResponse.status}`);
    });
    try {
      await poller.submitted();
      created = true;
      if (!options.wait) {
        print(context, poller.operationState?.latestResponse ?? (await client.getSession(sessionId)));
        if (!context.json) {
          context.note(
            `Not waiting. Check on it with: ${followUpCommand(context, "session get", sessionId)}`,
          );
        }
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
        return await onInterrupted(context, connection, sessionId, options.stopOnInterrupt === true, created);
      }
      if (poller.operationState?.status === "failed" || (await hasEnded(connection, sessionId, error))) {
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

/**
 * True when the start failed because the session had already ended (an id reused after the session
 * was stopped or expired): the client refuses it before any poll, so the poller state cannot say.
 * Service errors keep their own exit code; a session that cannot be read is not called ended.
 */
async function hasEnded(connection: Connection, sessionId: string, error: unknown): Promise<boolean> {
  if (!(error instanceof Error) || error.name === "RestError") return false;
  try {
    const { status } = await connection.client.getSession(sessionId);
    return status === "Stopped" || status === "Expired" || status === "Error";
  } catch {
    return false;
  }
}

async function onInterrupted(
  context: CommandContext,
  connection: Connection,
  sessionId: string,
  stop: boolean,
  created: boolean,
): Promise<ExitCode> {
  const stopCommand = followUpCommand(context, "session stop", sessionId);
  if (stop) {
    try {
      await connection.client.endSession(sessionId);
    } catch (error) {
      // Interrupted while the creation request was on its way: the service may never have got it.
      if (created || (error as { statusCode?: unknown }).statusCode !== 404) throw error;
      if (context.json)
        context.printJson({ id: sessionId, interrupted: true, stopped: false, created: false });
      context.note(`Interrupted: session ${sessionId} was not created; there is nothing to stop.`);
      return ExitCode.Interrupted;
    }
    if (context.json) context.printJson({ id: sessionId, interrupted: true, stopped: true });
    context.note(`Interrupted: stopped session ${sessionId}.`);
    return ExitCode.Interrupted;
  }
  if (context.json) context.printJson({ id: sessionId, interrupted: true, stopped: false, stopCommand });
  const state = created ? "is still running" : "may have been created; if so it runs";
  const keyHint = stopCommand.includes("$ARR_ACCOUNT_KEY")
    ? " (with ARR_ACCOUNT_KEY set to the account key)"
    : "";
  context.note(
    `Interrupted: stopped waiting. Session ${sessionId} ${state} until its lease ends or it is stopped. ` +
      `To stop it${keyHint}:\n  ${stopCommand}`,
  );
  return ExitCode.Interrupted;
}

function print(context: CommandContext, session: RenderingSession): void {
  const view = sessionView(session, new Date());
  if (context.json) context.printJson(view);
  else context.print(formatSession(view, context.stdoutStyle));
}
