// Starts and stops the AutoRest test server (`autorest-testserver run`) on loopback port 3000, and
// reads its coverage report: how many of its scenarios the requests so far have reached.
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { testServerRoot } from "./specs";

export const testServerPort = 3000;
export const testServerUrl = `http://localhost:${testServerPort}`;

export interface RunningTestServer {
  stop(): Promise<void>;
  output(): string;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** Starts the server and resolves once it answers; fails if something else already holds the port. */
export async function startTestServer(timeoutMs = 30_000): Promise<RunningTestServer> {
  if (await answers(`${testServerUrl}/report`)) {
    throw new Error(`Port ${testServerPort} is already in use: stop the other test server first`);
  }
  const coverageFolder = mkdtempSync(path.join(os.tmpdir(), "testserver-coverage-"));
  const cli = path.join(testServerRoot, "dist", "cli", "cli.js");
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, "run", "--port", String(testServerPort), "--coverageDirectory", coverageFolder, "--level", "warn"],
    { cwd: coverageFolder, stdio: ["ignore", "pipe", "pipe"] },
  );
  const chunks: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
  const output = (): string => Buffer.concat(chunks).toString("utf8");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await exited;
    }
    rmSync(coverageFolder, { recursive: true, force: true });
  };
  process.once("exit", () => child.kill());
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(`${testServerUrl}/report`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The test server did not start:\n${output().slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { stop, output };
}

export interface Coverage {
  /** Scenario name -> how many times the server saw it. */
  readonly counts: Readonly<Record<string, number>>;
  readonly reached: number;
  readonly total: number;
}

/** The server's coverage report: its vanilla, azure and optional scenario counters together. */
export async function readCoverage(): Promise<Coverage> {
  const counts: Record<string, number> = {};
  for (const report of ["report", "report/azure", "report/optional"]) {
    const response = await fetch(`${testServerUrl}/${report}`);
    if (!response.ok) {
      continue;
    }
    Object.assign(counts, (await response.json()) as Record<string, number>);
  }
  const names = Object.keys(counts);
  return { counts, reached: names.filter((name) => (counts[name] ?? 0) > 0).length, total: names.length };
}
