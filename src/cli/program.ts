// The `arr` command tree. Global options (account, --json, --config) are declared once on the root
// and listed in every command's --help.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import type { CliIo } from "./cliIo.js";
import { CommandContext, type ActionFactory } from "./commandContext.js";
import { registerConversionCommands } from "./commands/conversionCommands.js";
import { registerEmulatorCommand } from "./commands/emulatorCommand.js";
import { registerRegionsCommand } from "./commands/regionsCommand.js";
import { registerSessionCommands } from "./commands/sessionCommands.js";
import { EXIT_CODE_HELP, ExitCode } from "./exitCodes.js";
import { errorReportJson } from "./reportError.js";
import { registerCompletionCommand } from "./commands/completionCommand.js";
import { addHelpExamples } from "./helpExamples.js";

/** Shared by a run's actions: the exit code an action chose without throwing. */
export interface RunState {
  exitCode: ExitCode;
}

/**
 * The version in the package's package.json: the first one named remote-rendering-client above this
 * file (src/cli from a clone, dist/commonjs/cli when built; the build's dialect folders hold a
 * package.json without a name).
 */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "remote-rendering-client") return pkg.version ?? "unknown";
    } catch {
      // no readable package.json here: look further up
    }
    if (path.dirname(dir) === dir) return "unknown";
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
  program.option(
    "--config <file>",
    "arrconfig.json of the PowerShell scripts (env ARR_CONFIG; default ./arrconfig.json if present)",
  );
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
  registerCompletionCommand(program, action);
  addHelpExamples(program);
  return program;
}
