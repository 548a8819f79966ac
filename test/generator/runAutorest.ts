// Runs AutoRest (or scripts/generate.js) in a child process for the generator tests.
import { spawn } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const repositoryRoot = path.resolve(__dirname, "..", "..");

/** Where CI clones put the reference data: next to the repository, never inside it. */
export const sharedRoot = path.resolve(repositoryRoot, "..", "shared");

export interface ProcessResult {
  readonly exitCode: number | null;
  readonly output: string;
}

/** Runs `node <args>` from the repository root and collects its combined output. */
export function runNode(args: readonly string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repositoryRoot, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

/** Runs the AutoRest CLI of the repository's dev dependencies on a configuration file. */
export function runAutorest(configurationFile: string): Promise<ProcessResult> {
  const cli = require.resolve("autorest/entrypoints/app.js", { paths: [repositoryRoot] });
  return runNode([cli, "--version=3.10.9", configurationFile]);
}

/**
 * A fresh temporary folder whose `node_modules` points at the repository's, so that code generated
 * into it resolves `@azure-rest/core-client` and friends (for tsc and at run time).
 */
export function makeWorkFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  symlinkSync(
    path.join(repositoryRoot, "node_modules"),
    path.join(folder, "node_modules"),
    process.platform === "win32" ? "junction" : "dir",
  );
  return folder;
}

/** Shows the end of a long process output in an assertion message. */
export function tail(text: string, lines = 40): string {
  return text.split(/\r?\n/).slice(-lines).join("\n");
}
