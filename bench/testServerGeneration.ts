// Benchmark: generating the clients of every AutoRest test server spec of the generator's suite
// (test/generator/testServer/specs.ts) together, in one warm AutoRest run (core and modeler already in
// ~/.autorest). One warm-up run, then one measured run. Figures: the CPU seconds of the run (user +
// system of AutoRest and its extensions, from GNU time when installed; target at most 60, the wall
// time of this mostly sequential run on an idle machine) and the wall seconds (reported: on a machine shared
// with other jobs they grow with the load, the CPU seconds do not).
//   npx tsx bench/testServerGeneration.ts
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { configuration, skipReason, specs } from "../test/generator/testServer/specs";
import { printFigure, runBenchmark } from "./support/benchTools";

const root = path.join(__dirname, "..");
const gnuTime = "/usr/bin/time";

function generateOnce(): { wallInSeconds: number; cpuInSeconds: number | undefined } {
  const folder = mkdtempSync(path.join(os.tmpdir(), "arr-bench-testserver-"));
  try {
    symlinkSync(path.join(root, "node_modules"), path.join(folder, "node_modules"), "dir");
    const configurationFile = path.join(folder, "autorest.md");
    writeFileSync(configurationFile, configuration(path.join(folder, "out")));
    const cli = require.resolve("autorest/entrypoints/app.js", { paths: [root] });
    const timesFile = path.join(folder, "times.txt");
    const command = [process.execPath, cli, "--version=3.10.9", configurationFile];
    const withTime = existsSync(gnuTime);
    const started = performance.now();
    const result = withTime
      ? spawnSync(gnuTime, ["-f", "%U %S", "-o", timesFile, ...command], { cwd: root, stdio: "ignore" })
      : spawnSync(process.execPath, command.slice(1), { cwd: root, stdio: "ignore" });
    const wallInSeconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`AutoRest exited with ${String(result.status)}`);
    const cpuInSeconds = withTime
      ? readFileSync(timesFile, "utf8")
          .trim()
          .split(/\s+/)
          .map(Number)
          .reduce((total, seconds) => total + seconds, 0)
      : undefined;
    return { wallInSeconds, cpuInSeconds };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

runBenchmark(async () => {
  const reason = skipReason();
  if (reason !== undefined) {
    console.log(`skipped: ${reason}`);
    return;
  }
  generateOnce();
  const { wallInSeconds, cpuInSeconds } = generateOnce();
  const cpu = cpuInSeconds === undefined ? "unknown (no GNU time)" : `${cpuInSeconds.toFixed(1)} s`;
  console.log(`${specs.length} specs, warm: wall ${wallInSeconds.toFixed(1)} s, CPU ${cpu}`);
  // The budget holds for an idle machine, where the wall time of this mostly sequential run is at most its CPU time:
  // judged on the CPU time when it is known, on the wall time otherwise.
  const judged = cpuInSeconds ?? wallInSeconds;
  const kind = cpuInSeconds === undefined ? "wall" : "CPU";
  const name = `test server clients (${specs.length} specs), warm`;
  printFigure(`${name}, ${kind} (s)`, judged.toFixed(1), "<= 60", judged <= 60);
  printFigure(`${name}, wall (s)`, wallInSeconds.toFixed(1), "reported", true);
});
