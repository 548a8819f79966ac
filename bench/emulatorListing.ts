// Benchmark: the cost of one ListSessions page of the emulator at 1k, 10k and 100k stored
// sessions (a tenth of them stopped, which lists leave out). Three emulators are filled, then
// measured in alternating rounds in one run; the figure is the ratio of the page cost at 100k to
// the cost at 1k, and its target is "flat".
//   npx tsx bench/emulatorListing.ts
import { startEmulator } from "../src/emulator/index";
import {
  averageInMs,
  createSessions,
  emulatorCaller,
  median,
  type EmulatorCaller,
} from "./support/emulatorSessions";
import { printFigure } from "./support/benchTools";

const TOTALS = [1_000, 10_000, 100_000];
const ROUNDS = 7;
const PAGES_PER_ROUND = 40;

interface Target {
  total: number;
  caller: EmulatorCaller;
  /** Links to pages spread over the whole list, so pages near the end are measured too. */
  pageLinks: string[];
  samples: number[];
}

async function pageLinks(caller: EmulatorCaller, count: number): Promise<string[]> {
  const links: string[] = [caller.url("/sessions")];
  let next: string | undefined = links[0];
  const all: string[] = [];
  while (next !== undefined) {
    all.push(next);
    const page = (await caller.call("GET", next, 200)) as { "@nextLink"?: string };
    next = page["@nextLink"];
  }
  const step = Math.max(1, Math.floor(all.length / count));
  for (let i = step; i < all.length && links.length < count; i += step) links.push(all[i] as string);
  return links;
}

async function main(): Promise<void> {
  const targets: Target[] = [];
  for (const total of TOTALS) {
    const emulator = await startEmulator({ logger: false, pageSize: 50 });
    const caller = await emulatorCaller(emulator);
    const started = Date.now();
    await createSessions(caller, 0, total, { stopEvery: 10 });
    console.log(`filled ${total} sessions in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    targets.push({ total, caller, pageLinks: await pageLinks(caller, PAGES_PER_ROUND), samples: [] });
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternate the order of the sides from round to round.
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      let index = 0;
      target.samples.push(
        await averageInMs(PAGES_PER_ROUND, async () => {
          const link = target.pageLinks[index % target.pageLinks.length] as string;
          index += 1;
          await target.caller.call("GET", link, 200);
        }),
      );
    }
  }
  console.log("\nstored sessions   ms per page (median of rounds, 50 items, over HTTP)");
  for (const target of targets) {
    console.log(`${String(target.total).padStart(15)}   ${median(target.samples).toFixed(3)}`);
  }
  const first = targets[0] as Target;
  const last = targets[targets.length - 1] as Target;
  for (const target of targets) await target.caller.emulator.close();
  const ratio = median(last.samples) / median(first.samples);
  printFigure(
    `emulator page cost at ${last.total} / at ${first.total} sessions`,
    ratio.toFixed(2),
    "flat (<= 1.5)",
    ratio <= 1.5,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
