// The exact command line to run next (to stop a session, to check on it), with the account flags
// of the current command repeated so it reaches the same account. The account key is never printed:
// it is referenced as "$ARR_ACCOUNT_KEY" instead.
import type { CommandContext } from "../commandContext.js";
import { shellQuote } from "../commandContext.js";

/** "arr", or "npx arr" when this run came through npx (npm sets npm_command=exec). */
export function arrCommandName(env: Readonly<Record<string, string | undefined>>): string {
  return env.npm_command === "exec" ? "npx arr" : "arr";
}

export function followUpCommand(context: CommandContext, subcommand: string, ...args: string[]): string {
  return [
    arrCommandName(context.io.env),
    subcommand,
    ...args.map(shellQuote),
    ...context.connectionFlags(),
  ].join(" ");
}
