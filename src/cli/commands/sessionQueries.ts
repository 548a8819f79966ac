// `arr session get`, `arr session list` and `arr session stop [ID | --all]`.
import type { RenderingSession } from "../../index.js";
import { UsageError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { formatSession, formatSessionTable, sessionView } from "../output/sessionView.js";

export async function getSession(context: CommandContext, sessionId: string): Promise<void> {
  const connection = await context.connect();
  try {
    const view = sessionView(await connection.client.getSession(sessionId), new Date());
    if (context.json) context.printJson(view);
    else context.print(formatSession(view, context.stdoutStyle));
  } finally {
    await connection.close();
  }
}

async function collect(iterable: AsyncIterable<RenderingSession>): Promise<RenderingSession[]> {
  const sessions: RenderingSession[] = [];
  for await (const session of iterable) sessions.push(session);
  return sessions;
}

export async function listSessions(context: CommandContext): Promise<void> {
  const connection = await context.connect();
  try {
    const now = new Date();
    const views = (await collect(connection.client.listSessions())).map((s) => sessionView(s, now));
    if (context.json) context.printJson(views);
    else context.print(formatSessionTable(views, context.stdoutStyle));
  } finally {
    await connection.close();
  }
}

export async function stopSessions(context: CommandContext, sessionId: string | undefined): Promise<void> {
  const all = context.local<{ all?: boolean }>().all === true;
  if (all && sessionId !== undefined) throw new UsageError("Give either a session id or --all, not both.");
  if (!all && sessionId === undefined) throw new UsageError("Give the id of the session to stop, or --all.");
  const connection = await context.connect();
  try {
    const client = connection.client;
    const ids =
      sessionId !== undefined
        ? [sessionId]
        : (await collect(client.listSessions()))
            .filter((s) => s.status === "Starting" || s.status === "Ready")
            .map((s) => s.sessionId);
    const stopped: string[] = [];
    try {
      for (const id of ids) {
        await client.endSession(id);
        stopped.push(id);
        if (!context.json) context.print(`Stopped session ${id}.\n`);
      }
    } finally {
      if (context.json) context.printJson({ stopped });
    }
    if (!context.json && all && ids.length === 0) context.print("No running sessions to stop.\n");
  } finally {
    await connection.close();
  }
}
