// Runs the `arr` command line as a child process (`node --require tsx/cjs src/cli/main.ts`), the way a
// user runs it, with a clean environment: no ARR_* variables leak in from the test runner, and
// TMPDIR points at a folder of the test's own so the emulator record and data files stay isolated.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const repoRoot = path.resolve(__dirname, "..", "..", "..");
const MAIN = path.join(repoRoot, "src", "cli", "main.ts");

export interface ArrResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ArrOptions {
  /** Extra environment variables (on top of PATH, HOME and TMPDIR). */
  env?: Record<string, string | undefined>;
  /** The temporary folder of the child (its os.tmpdir()). */
  tmpDir: string;
  /** Longest run before the child is killed and the test fails; default 15 s. */
  timeoutInMs?: number;
}

export interface ArrProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once `pattern` appears in the stream (rejects if the child exits first). */
  waitFor(pattern: RegExp, stream?: "stdout" | "stderr"): Promise<RegExpMatchArray>;
  /** Sends a signal (SIGINT by default), as Ctrl-C in a terminal does. */
  interrupt(signal?: NodeJS.Signals): void;
  readonly exited: Promise<ArrResult>;
}

/** A temporary folder for one test file; remove it with the returned function. */
export function makeTmpDir(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `arr-cli-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function childEnvironment(options: ArrOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: options.tmpDir,
    TEMP: options.tmpDir,
    TMP: options.tmpDir,
  };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value !== undefined) env[key] = value;
  }
  return env;
}

export function spawnArr(args: readonly string[], options: ArrOptions): ArrProcess {
  const child = spawn(process.execPath, ["--require", "tsx/cjs", MAIN, ...args], {
    cwd: repoRoot,
    env: childEnvironment(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters: (() => void)[] = [];
  const notify = (): void => waiters.splice(0).forEach((w) => w());
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    notify();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    notify();
  });
  const timeoutInMs = options.timeoutInMs ?? 15_000;
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutInMs);
  let done = false;
  const exited = new Promise<ArrResult>((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done = true;
      notify();
      resolve({ code, signal, stdout, stderr });
    });
  });

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor(pattern, stream = "stderr") {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = (stream === "stdout" ? stdout : stderr).match(pattern);
          if (match) resolve(match);
          else if (done)
            reject(new Error(`arr exited before ${pattern} appeared.\nstdout: ${stdout}\nstderr: ${stderr}`));
          else waiters.push(check);
        };
        check();
      });
    },
    interrupt(signal = "SIGINT") {
      child.kill(signal);
    },
    exited,
  };
}

/** Runs `arr` to completion. */
export function runArr(args: readonly string[], options: ArrOptions): Promise<ArrResult> {
  return spawnArr(args, options).exited;
}

/** Parses stdout as one JSON document, with the output in the error when it is not JSON. */
export function parseJson<T = Record<string, unknown>>(result: ArrResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(
      `stdout is not JSON (exit ${result.code}).\nstdout: ${result.stdout}\nstderr: ${result.stderr}`,
    );
  }
}

/** Describes a result for assertion messages. */
export function show(result: ArrResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** True when the text has no carriage return (live line) and no ANSI escape (colour, cursor). */
export function isPlainText(text: string): boolean {
  return !text.includes("\r") && !text.includes("\u001b[");
}
