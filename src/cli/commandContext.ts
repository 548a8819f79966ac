// What every command action gets: the global options, output helpers that honour --json, NO_COLOR
// and non-terminal streams, the config file, and a connection to the service or a local emulator.
import type { Command } from "commander";
import type { CliIo, InterruptSignal } from "./cliIo.js";
import type { ConfigFileSettings } from "./config/cliSettings.js";
import type { ExitCode } from "./exitCodes.js";
import { findConfigFile, readConfigFile } from "./config/readConfigFile.js";
import { accountSettingsFromEnvironment, resolveConnection } from "./config/resolveConnection.js";
import { openConnection, type Connection } from "./connect/openConnection.js";
import { ProgressLine } from "./output/progressLine.js";
import { terminalStyle, type TerminalStyle } from "./output/terminalStyle.js";

/** Options every command accepts (declared on the root program). */
/** Runs an action with its context; the last argument commander passes is the command itself. */
export type ActionFactory = (
  handler: (context: CommandContext, ...args: unknown[]) => Promise<ExitCode | void>,
) => (...args: unknown[]) => Promise<void>;

export interface GlobalOptions {
  json?: boolean;
  config?: string;
  endpoint?: string;
  region?: string;
  accountId?: string;
  accountDomain?: string;
  accountKey?: string;
  authenticationEndpoint?: string;
}

/** Flags that select the account; repeated in printed follow-up commands (the key redacted). */
const CONNECTION_FLAGS: readonly (readonly [keyof GlobalOptions, string])[] = [
  ["config", "--config"],
  ["endpoint", "--endpoint"],
  ["region", "--region"],
  ["accountId", "--account-id"],
  ["accountDomain", "--account-domain"],
  ["authenticationEndpoint", "--authentication-endpoint"],
  ["accountKey", "--account-key"],
];

export class CommandContext {
  readonly options: GlobalOptions;
  readonly json: boolean;
  readonly stdoutStyle: TerminalStyle;
  readonly stderrStyle: TerminalStyle;
  private configCache: ConfigFileSettings | undefined;

  constructor(
    readonly io: CliIo,
    private readonly command: Command,
  ) {
    this.options = command.optsWithGlobals<GlobalOptions>();
    this.json = this.options.json === true;
    this.stdoutStyle = terminalStyle(io.stdout, io.env);
    this.stderrStyle = terminalStyle(io.stderr, io.env);
  }

  /** The options declared on the command itself. */
  local<T extends object>(): T {
    return this.command.opts<T & Record<string, unknown>>();
  }

  /** Writes a result to stdout. */
  print(text: string): void {
    this.io.stdout.write(text);
  }

  /** Writes a result as JSON to stdout (one document per command, or one line per event). */
  printJson(value: unknown, options: { compact?: boolean } = {}): void {
    this.io.stdout.write(JSON.stringify(value, null, options.compact ? undefined : 2) + "\n");
  }

  /** Writes a human note to stderr, so stdout stays clean for results. */
  note(text: string): void {
    this.io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** A progress line on stderr; live only on a terminal. */
  progress(): ProgressLine {
    return new ProgressLine(this.io.stderr, this.stderrStyle);
  }

  onInterrupt(handler: (signal: InterruptSignal) => void): () => void {
    return this.io.onInterrupt(handler);
  }

  /**
   * The config file's settings: --config FILE, else ARR_CONFIG, else arrconfig.json in the current
   * folder (as the PowerShell scripts read it); empty sections without any.
   */
  configFile(): ConfigFileSettings {
    this.configCache ??= (() => {
      const file = findConfigFile(this.options.config, this.io.env, process.cwd());
      return file === undefined ? { account: {}, session: {}, conversion: {} } : readConfigFile(file);
    })();
    return this.configCache;
  }

  /**
   * Connects to the configured account, or to a local emulator when nothing is configured (with a
   * blob service when `options.storage` asks for one and the emulator is started for this command).
   */
  async connect(options: { storage?: boolean } = {}): Promise<Connection> {
    const o = this.options;
    const flags = {
      ...(o.accountId !== undefined ? { accountId: o.accountId } : {}),
      ...(o.accountDomain !== undefined ? { accountDomain: o.accountDomain } : {}),
      ...(o.accountKey !== undefined ? { accountKey: o.accountKey } : {}),
      ...(o.endpoint !== undefined ? { endpoint: o.endpoint } : {}),
      ...(o.region !== undefined ? { region: o.region } : {}),
      ...(o.authenticationEndpoint !== undefined ? { authenticationEndpoint: o.authenticationEndpoint } : {}),
    };
    const target = resolveConnection([
      flags,
      accountSettingsFromEnvironment(this.io.env),
      this.configFile().account,
    ]);
    return openConnection(target, {
      env: this.io.env,
      note: (text) => this.note(text),
      ...(options.storage === true ? { storage: true } : {}),
    });
  }

  /**
   * The account flags given on this command line, to repeat in a follow-up command the user can run.
   * The account key is replaced by a placeholder: secrets are never printed.
   */
  connectionFlags(): string[] {
    const flags: string[] = [];
    for (const [key, flag] of CONNECTION_FLAGS) {
      if (this.command.getOptionValueSourceWithGlobals(key) !== "cli") continue;
      const value = this.options[key];
      if (typeof value !== "string") continue;
      flags.push(flag, key === "accountKey" ? '"$ARR_ACCOUNT_KEY"' : shellQuote(value));
    }
    return flags;
  }
}

/** Quotes a value for a POSIX shell when it holds anything beyond plain URL and path characters. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
