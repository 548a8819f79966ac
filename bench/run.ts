// `npm run bench`: runs every benchmark of bench/ one after the other, each in its own process with
// a time limit, and prints their figure lines (`FIGURE name: measured (target: ...) met|NOT MET`)
// together at the end. A benchmark missing from this branch is named in the summary. Everything runs
// on 127.0.0.1 (or in memory).
//   npm run bench [-- name ...]     (names without .ts pick some benchmarks)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const BENCHMARKS: Array<{ name: string; limitInSeconds: number }> = [
  { name: "getSessionOverhead", limitInSeconds: 180 },
  { name: "clientOwnCode", limitInSeconds: 180 },
  { name: "tokenExchanges", limitInSeconds: 60 },
  { name: "pollerRequests", limitInSeconds: 120 },
  { name: "clientListing", limitInSeconds: 900 },
  { name: "emulatorListing", limitInSeconds: 600 },
  { name: "emulatorThroughput", limitInSeconds: 180 },
  { name: "emulatorPersistence", limitInSeconds: 600 },
  { name: "generateWarm", limitInSeconds: 300 },
  { name: "testServerGeneration", limitInSeconds: 600 },
];

function runOne(file: string, limitInSeconds: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--expose-gc", "--require", "tsx/cjs", file], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NO_PROXY: "*", HTTP_PROXY: "", HTTPS_PROXY: "" },
    });
    const figures: string[] = [];
    let pending = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      process.stdout.write(chunk);
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      figures.push(...lines.filter((line) => line.startsWith("FIGURE ")));
    });
    const timer = setTimeout(() => {
      figures.push(`FIGURE ${path.basename(file)}: stopped after its limit of ${limitInSeconds} s`);
      child.kill("SIGKILL");
    }, limitInSeconds * 1000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== 0 && code !== null)
        figures.push(`FIGURE ${path.basename(file)}: failed with exit code ${code}`);
      resolve(figures);
    });
  });
}

async function main(): Promise<void> {
  const picked = process.argv.slice(2);
  const summary: string[] = [];
  for (const { name, limitInSeconds } of BENCHMARKS) {
    if (picked.length > 0 && !picked.includes(name)) continue;
    const file = path.join(__dirname, `${name}.ts`);
    if (!existsSync(file)) {
      summary.push(`(bench/${name}.ts is not on this branch)`);
      continue;
    }
    console.log(`\n== bench/${name}.ts`);
    summary.push(...(await runOne(file, limitInSeconds)));
  }
  console.log(`\n== figures\n${summary.join("\n")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
