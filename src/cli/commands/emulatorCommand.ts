// `arr emulator [--port N] [--data FILE]`: runs the local emulator, with a blob service (Azurite)
// for conversions unless --no-storage, until Ctrl-C. It records its URL, account and blob service
// in the temporary folder, so other `arr` commands without account settings use them.
import { InvalidArgumentError, type Command } from "commander";
import type { CommandContext } from "../commandContext.js";
import { emulatorModule } from "../lazyModules.js";
import { removeEmulatorRecord, writeEmulatorRecord } from "../connect/localEmulator.js";
import { ExitCode } from "../exitCodes.js";
import { formatDetails } from "../output/formatTable.js";
import { parsePort, parseStorageUrl } from "../parseOptionValues.js";
import type { ActionFactory } from "../commandContext.js";
import { UsageError } from "../cliErrors.js";
import type { EmulatorStorageOption } from "../../emulator/index.js";

/** The port `arr emulator` listens on without --port. */
export const DEFAULT_EMULATOR_PORT = 27700;

interface EmulatorCommandOptions {
  port: number;
  host: string;
  data?: string;
  clockSpeed?: number;
  corsAdmin?: boolean;
  /** false with --no-storage. */
  storage: boolean;
  storageUrl?: string;
  storageKey?: string;
  quiet?: boolean;
}

function parseSpeed(value: string): number {
  const speed = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(speed > 0 && speed <= 1_000_000))
    throw new InvalidArgumentError("Expected a factor above 0, such as 60.");
  return speed;
}

export function registerEmulatorCommand(program: Command, action: ActionFactory): void {
  program
    .command("emulator")
    .description(
      "run the local Remote Rendering emulator (REST API and token service) until Ctrl-C;\n" +
        "other arr commands without account settings use it",
    )
    .option("--port <n>", "TCP port, 0 for any free port", parsePort, DEFAULT_EMULATOR_PORT)
    .option("--host <address>", "address to listen on", "127.0.0.1")
    .option("--data <file>", "keep accounts, sessions and conversions in this file across restarts")
    .option(
      "--clock-speed <factor>",
      "run the emulated clock this many times faster (e.g. 60: a minute per second)",
      parseSpeed,
    )
    .option(
      "--cors-admin",
      "let web pages (requests with an Origin header) call the admin endpoints under /_emulator/",
    )
    .option("--no-storage", "do not start a blob service (Azurite) for conversions")
    .option(
      "--storage-url <url>",
      "use this blob service instead of starting one, e.g. http://127.0.0.1:10000/devstoreaccount1",
      parseStorageUrl,
    )
    .option("--storage-key <key>", "account key of --storage-url (default: Azurite's well-known key)")
    .option("--quiet", "no log line per request (errors are still shown)")
    .action(action((context) => runEmulator(context)));
}

async function runEmulator(context: CommandContext): Promise<ExitCode> {
  const options = context.local<EmulatorCommandOptions>();
  let emulator;
  try {
    emulator = await emulatorModule().startEmulator({
      port: options.port,
      host: options.host,
      ...(options.data !== undefined ? { dataFile: options.data } : {}),
      ...(options.clockSpeed !== undefined ? { clock: { speed: options.clockSpeed } } : {}),
      ...(options.corsAdmin === true ? { corsAdmin: true } : {}),
      ...storageOption(options),
      logger:
        options.quiet === true
          ? (line) => void (line.includes(" 500 ") && context.note(line))
          : // One write per batch of lines, not one per request.
            emulatorModule().createBufferedLogSink((text) => context.note(text)),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new UsageError(
        `Port ${options.port} is in use (another emulator?). Choose one with --port, or --port 0.`,
      );
    }
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND" || code === "EAI_AGAIN") {
      throw new UsageError(
        `Cannot listen on --host ${options.host} (${code}): use an address of this machine, such as 127.0.0.1.`,
      );
    }
    if (code === "EACCES") {
      throw new UsageError(
        `Not allowed to listen on port ${options.port} (EACCES). Choose a port above 1023.`,
      );
    }
    if (error instanceof TypeError || error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  const account = emulator.accounts[0];
  if (account === undefined) throw new Error("The emulator started without an account.");
  // Listen for Ctrl-C before announcing anything: a signal sent right after the announcement must
  // not find the default handler (which would end the process without cleaning up).
  const interrupted = new Promise<void>((resolve) => {
    const remove = context.onInterrupt(() => {
      remove();
      resolve();
    });
  });
  await writeEmulatorRecord({
    url: emulator.url,
    pid: process.pid,
    accountId: account.accountId,
    accountKey: account.accountKey,
    ...(options.data !== undefined ? { dataFile: options.data } : {}),
    ...(emulator.storage !== undefined
      ? {
          storage: {
            blobEndpoint: emulator.storage.blobEndpoint,
            accountName: emulator.storage.accountName,
            accountKey: emulator.storage.accountKey,
          },
        }
      : {}),
  });

  if (context.json) {
    context.printJson(
      {
        url: emulator.url,
        accounts: emulator.accounts,
        dataFile: options.data ?? null,
        pid: process.pid,
        storage: emulator.storage ?? null,
        healthUrl: `${emulator.url}/_emulator/health`,
      },
      { compact: true },
    );
  } else {
    context.print(
      `Remote Rendering emulator listening on ${emulator.url}\n` +
        formatDetails(
          [
            ["Account id", account.accountId],
            ["Account key", account.accountKey],
            ["Data", options.data ?? "in memory (use --data FILE to keep it)"],
            ["Clock", options.clockSpeed !== undefined ? `${options.clockSpeed} times faster` : "real time"],
            [
              "Blob storage",
              emulator.storage === undefined
                ? "none (--no-storage)"
                : `${emulator.storage.blobEndpoint}${emulator.storage.startedByEmulator ? " (Azurite, in memory)" : ""}`,
            ],
            ["Health", `${emulator.url}/_emulator/health`],
          ],
          context.stdoutStyle,
        ) +
        "Other arr commands without account settings use this emulator. Other tools can use:\n" +
        `  ARR_ENDPOINT=${emulator.url} ARR_ACCOUNT_ID=${account.accountId} ARR_ACCOUNT_KEY=${account.accountKey}\n` +
        (emulator.storage === undefined
          ? ""
          : `  AZURE_STORAGE_CONNECTION_STRING="${emulator.storage.connectionString}"\n`) +
        `Reset its state: curl -X POST ${emulator.url}/_emulator/reset\n` +
        "Ctrl-C to stop.\n",
    );
  }

  await interrupted;
  await removeEmulatorRecord(process.pid);
  await emulator.close();
  context.note("Emulator stopped.");
  return ExitCode.Success;
}

function storageOption(options: EmulatorCommandOptions): { storage?: EmulatorStorageOption } {
  if (options.storageUrl !== undefined) {
    if (!options.storage) throw new UsageError("--storage-url and --no-storage exclude each other.");
    return {
      storage: {
        blobEndpoint: options.storageUrl,
        ...(options.storageKey !== undefined ? { accountKey: options.storageKey } : {}),
      },
    };
  }
  if (options.storageKey !== undefined) throw new UsageError("--storage-key needs --storage-url.");
  return { storage: options.storage };
}
