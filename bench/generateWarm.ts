// Benchmark: a warm `npm run generate` (AutoRest core and modeler already in ~/.autorest), written
// into a temporary folder so src/generated stays as it is. One warm-up run, then the median of three.
// Figure: seconds (target at most 20).
//   npx tsx bench/generateWarm.ts
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { median, printFigure, runBenchmark } from "./support/benchTools";

const script = path.join(__dirname, "..", "scripts", "generate.js");

function generateOnceInSeconds(): number {
  const folder = mkdtempSync(path.join(os.tmpdir(), "arr-bench-generate-"));
  try {
    const started = performance.now();
    const result = spawnSync(process.execPath, [script, `--generated-root=${folder}`], { stdio: "ignore" });
    if (result.status !== 0) throw new Error(`generate exited with ${String(result.status)}`);
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

runBenchmark(async () => {
  generateOnceInSeconds();
  const runs = [generateOnceInSeconds(), generateOnceInSeconds(), generateOnceInSeconds()];
  console.log(`warm runs: ${runs.map((seconds) => seconds.toFixed(1)).join(", ")} s`);
  const seconds = median(runs);
  printFigure("npm run generate, warm (s)", seconds.toFixed(1), "<= 20", seconds <= 20);
});
