// Benchmark: the latency of a session create (PUT) and a lease update (PATCH) with a data file,
// when the file already holds 1k, 10k and 50k sessions. Each answer comes after its change is on
// disk (fdatasync). Three emulators are filled, then measured in alternating rounds in one run; the
// figure is the ratio of the latency at 50k to the latency at 1k, and its target is "flat".
//   npx tsx bench/emulatorPersistence.ts
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "../src/emulator/index";
import {
  averageInMs,
  createSessions,
  emulatorCaller,
  median,
  type EmulatorCaller,
} from "./support/emulatorSessions";
import { printFigure } from "./support/benchTools";

const TOTALS = [1_000, 10_000, 50_000];
const ROUNDS = 9;
const CHANGES_PER_ROUND = 20;

interface Target {
  total: number;
  caller: EmulatorCaller;
  dataFile: string;
  next: number;
  samples: number[];
}

async function main(): Promise<void> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), "arr-bench-persistence-"));
  const targets: Target[] = [];
  try {
    for (const total of TOTALS) {
      const dataFile = path.join(folder, `state-${total}.json`);
      const emulator = await startEmulator({ logger: false, dataFile });
      const caller = await emulatorCaller(emulator);
      const started = Date.now();
      await createSessions(caller, 0, total, { concurrency: 64 });
      console.log(`filled ${total} sessions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      targets.push({ total, caller, dataFile, next: total, samples: [] });
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        // One request at a time: a create, then an update of the session just created.
        target.samples.push(
          await averageInMs(CHANGES_PER_ROUND, async () => {
            const id = `bench-${target.next}`;
            target.next += 1;
            await target.caller.call("PUT", target.caller.url(`/sessions/${id}`), 201, {
              maxLeaseTimeMinutes: 60,
              size: "Standard",
            });
            await target.caller.call("PATCH", target.caller.url(`/sessions/${id}`), 200, {
              maxLeaseTimeMinutes: 90,
            });
          }),
        );
      }
    }
    console.log(
      "\nstored sessions   ms per change (PUT + PATCH, each on disk before its answer)   file size",
    );
    for (const target of targets) {
      const { size } = await fs.stat(target.dataFile);
      console.log(
        `${String(target.total).padStart(15)}   ${(median(target.samples) / 2).toFixed(3).padStart(8)}` +
          `${" ".repeat(52)}${(size / 1e6).toFixed(1)} MB`,
      );
    }
    const first = targets[0] as Target;
    const last = targets[targets.length - 1] as Target;
    const ratio = median(last.samples) / median(first.samples);
    printFigure(
      `write latency with a data file at ${last.total} / at ${first.total} sessions`,
      ratio.toFixed(2),
      "flat (<= 1.5)",
      ratio <= 1.5,
    );
  } finally {
    for (const target of targets) await target.caller.emulator.close();
    await fs.rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
