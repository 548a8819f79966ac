// The `arr` command tree. Global options (account, --json, --config) are declared once on the root
// and listed in every command's --help.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import type { CliIo } from "./cliIo";
import { CommandContext, type ActionFactory } from "./commandContext";
import { registerConversionCommands } from "./commands/conversionCommands";
import { registerEmulatorCommand } from "./commands/emulatorCommand";
import { registerRegionsCommand } from "./commands/regionsCommand";
import { registerSessionCommands } from "./commands/sessionCommands";
import { EXIT_CODE_HELP, ExitCode } from "./exitCodes";
import { errorReportJson } from "./reportError";

/** Shared by a run's actions: the exit code an action chose without throwing. */
export interface RunState {
  exitCode: ExitCode;
}

function packageVersion(): string {
  try {
    const file = path.resolve(__dirname, "..", "..", "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

export interface CreateProgramOptions {
  /** Usage errors as one JSON object on stderr (--json anywhere on the command line). */
  jsonErrors?: boolean;
}

export function createProgram(io: CliIo, state: RunState, options: CreateProgramOptions = {}): Command {
  const program = new Command("arr");
  program
    .description(
      "Create, watch, extend and stop Azure Remote Rendering sessions, run asset conversions, and run a local emulator.\n" +
        "With no account configured, commands use a local emulator.",
    )
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help for the command")
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) =>
        write(
          options.jsonErrors
            ? errorReportJson({ exitCode: ExitCode.Usage, message: text.trim().replace(/^error: /, "") })
            : text,
        ),
    })
    .showHelpAfterError(options.jsonErrors ? false : "(add --help for usage)")
    .exitOverride()
    .addHelpText("after", EXIT_CODE_HELP);

  program.option("--json", "print results as JSON for scripts (errors as JSON on stderr)");
  program.option("--config <file>", "JSON config file laid out like the PowerShell scripts' arrconfig.json");
  program.addOption(
    new Option("--endpoint <url>", "service endpoint (env ARR_ENDPOINT)").conflicts("region"),
  );
  program.option("--region <name>", "service region, e.g. westeurope (env ARR_REGION; see: arr regions)");
  program.option("--account-id <uuid>", "account id (env ARR_ACCOUNT_ID)");
  program.option(
    "--account-domain <domain>",
    "account domain, e.g. westeurope.mixedreality.azure.com (env ARR_ACCOUNT_DOMAIN)",
  );
  program.option(
    "--account-key <key>",
    "account key (env ARR_ACCOUNT_KEY); without one, Microsoft Entra ID is used",
  );
  program.option(
    "--authentication-endpoint <url>",
    "token service URL (env ARR_AUTHENTICATION_ENDPOINT; default https://sts.{account domain})",
  );

  const action: ActionFactory =
    (handler) =>
    async (...args) => {
      const command = args[args.length - 1] as Command;
      const context = new CommandContext(io, command);
      // commander passes the positional arguments, then the command's options, then the command.
      const code = await handler(context, ...args.slice(0, -2));
      if (code !== undefined) state.exitCode = code;
    };

  registerSessionCommands(program, action);
  registerConversionCommands(program, action);
  registerEmulatorCommand(program, action);
  registerRegionsCommand(program, action);
  return program;
}
