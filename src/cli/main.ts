// Entry point of the `arr` command line: runs one command and sets the process exit code.
import { CommanderError } from "commander";
import { processIo, type CliIo } from "./cliIo.js";
import { ExitCode } from "./exitCodes.js";
import { createProgram, type RunState } from "./program.js";
import { describeError, errorReportJson, formatErrorReport } from "./reportError.js";
import { terminalStyle } from "./output/terminalStyle.js";

/** Runs `arr` with the given arguments (without "node" and the script) and returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const state: RunState = { exitCode: ExitCode.Success };
  const json = args.includes("--json");
  const program = createProgram(io, state, { jsonErrors: json });
  try {
    await program.parseAsync([...args], { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed help or the usage message.
      const helpOrVersion = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(
        error.code,
      );
      return helpOrVersion && error.exitCode === 0 ? ExitCode.Success : ExitCode.Usage;
    }
    const report = describeError(error);
    io.stderr.write(
      json ? errorReportJson(report) : formatErrorReport(report, terminalStyle(io.stderr, io.env)),
    );
    return report.exitCode;
  }
}

/** Runs with the real process; a safety timer ends the process if something keeps it alive. */
export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), processIo());
  process.exitCode = code;
  setTimeout(() => process.exit(code), 2000).unref();
}

if (require.main === module) {
  void main();
}
