// `arr session ...`: start, get, wait, update, list, stop, extend, keep-alive.
import { Option, type Command } from "commander";
import {
  parseExtensionInMinutes,
  parseIntervalInMinutes,
  parseLeaseInMinutes,
  parsePollIntervalInSeconds,
  parseResourceId,
  parseSessionSize,
  parseUpdateLeaseInMinutes,
  sessionSizeNames,
} from "../parseOptionValues.js";
import type { ActionFactory } from "../commandContext.js";
import { maxLeaseTimeInMinutes, minLeaseTimeInMinutes } from "../../limits.js";
import { extendSession, updateSession } from "./sessionLease.js";
import { keepAlive } from "./sessionKeepAlive.js";
import { getSession, listSessions, stopSessions } from "./sessionQueries.js";
import { startSession } from "./sessionStart.js";
import { waitSession } from "./sessionWait.js";

export function registerSessionCommands(program: Command, action: ActionFactory): void {
  const session = program
    .command("session")
    .description("create, watch, extend and stop rendering sessions (like RenderingSession.ps1)");

  session
    .command("start")
    .description(
      "create a session and wait until it is Ready, showing its status; then print its hostname and ports.\n" +
        "Ctrl-C stops waiting and leaves the session running (it prints the command to stop it).",
    )
    .option("--id <id>", "session id (default: a new UUID)", parseResourceId)
    .option("--size <size>", `${sessionSizeNames()} (default: config file, else standard)`, parseSessionSize)
    .option(
      "--lease <minutes|hh:mm:ss>",
      `maximum lease, minutes (${minLeaseTimeInMinutes}-${maxLeaseTimeInMinutes}) or hh:mm:ss (default: config file, else 30)`,
      parseLeaseInMinutes,
    )
    .option("--no-wait", "return as soon as the session is created")
    .option(
      "--poll-interval <seconds>",
      "seconds between status requests while waiting (default 2 for standard, 10 for premium)",
      parsePollIntervalInSeconds,
    )
    .option("--stop-on-interrupt", "on Ctrl-C while waiting, stop the session instead of leaving it running")
    .action(action((context) => startSession(context)));

  session
    .command("get")
    .description("show a session")
    .argument("<id>", "session id", parseResourceId)
    .action(action((context, id) => getSession(context, id as string)));

  session
    .command("wait")
    .description("wait for an existing session to become Ready, showing its status (exit codes as for start)")
    .argument("<id>", "session id", parseResourceId)
    .option(
      "--poll-interval <seconds>",
      "seconds between status requests (default 2 for standard, 10 for premium)",
      parsePollIntervalInSeconds,
    )
    .action(action((context, id) => waitSession(context, id as string)));

  session
    .command("update")
    .description(
      "set the lease of a session (absolute, counted from when it became Ready), like -UpdateSession",
    )
    .argument("<id>", "session id", parseResourceId)
    .requiredOption(
      "--lease <minutes|hh:mm:ss>",
      "the new maximum lease, e.g. 90 or 01:30:00",
      parseUpdateLeaseInMinutes,
    )
    .action(action((context, id) => updateSession(context, id as string)));

  session
    .command("list")
    .description("list the sessions that are Starting or Ready")
    .action(action((context) => listSessions(context)));

  session
    .command("stop")
    .description("stop a session, or every listed session with --all")
    .argument("[id]", "session id", parseResourceId)
    .addOption(new Option("--all", "stop every session that is Starting or Ready").conflicts("id"))
    .action(action((context, id) => stopSessions(context, id as string | undefined)));

  session
    .command("extend")
    .description(
      "extend the lease of a session: new lease = current lease + MINUTES; prints the new end time",
    )
    .argument("<id>", "session id", parseResourceId)
    .requiredOption(
      "--by <minutes>",
      `minutes to add to the current lease, 1-${maxLeaseTimeInMinutes}`,
      parseExtensionInMinutes,
    )
    .action(action((context, id) => extendSession(context, id as string)));

  session
    .command("keep-alive")
    .description(
      "extend the lease now and then periodically until interrupted (Ctrl-C);\n" +
        "the session keeps running afterwards unless --stop-on-exit is given",
    )
    .argument("<id>", "session id", parseResourceId)
    .option(
      "--every <minutes>",
      "minutes between renewals, fractions allowed (default 5)",
      parseIntervalInMinutes,
    )
    .option(
      "--by <minutes>",
      "minutes added to the lease at each renewal (default: --every rounded up)",
      parseExtensionInMinutes,
    )
    .option("--stop-on-exit", "stop the session when keep-alive ends")
    .action(action((context, id) => keepAlive(context, id as string)));
}
