// Benchmark: listing 100k sessions through the client. Figures: items per second of one full
// iteration of client.listSessions() over 100,000 sessions; the client's heap growth during it
// (heap after a full collection, sampled every 100 pages, minus the heap before; target under
// 32 MB); and the cost of one page read through the client at 1k, 10k and 100k stored sessions,
// measured in alternating rounds on three emulators (target: flat, a ratio 100k / 1k of about 1).
// Emulator and client share this process, so items/s includes the emulator's work.
//   npx tsx bench/clientListing.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { performance } from "node:perf_hooks";
import type { RemoteRenderingClient } from "../src/index";
import {
  alternateRounds,
  median,
  printFigure,
  runBenchmark,
  startFilledEmulator,
  timePerRunInMs,
  type BenchEmulator,
} from "./support/benchTools";

const TOTALS = [1_000, 10_000, 100_000] as const;
const ROUNDS = 5;
const PAGES_PER_ROUND = 20;
const HEAP_LIMIT_IN_MB = 32;
/** The full iteration stops here (a quadratic emulator takes minutes); items/s is then over what was listed. */
const ITERATION_LIMIT_IN_MS = 120_000;

function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** Links to pages spread over the whole list (the first page's link is the list URL). */
async function spreadPageLinks(bench: BenchEmulator, count: number): Promise<string[]> {
  const token = await bench.token();
  const all: string[] = [];
  let next: string | undefined = bench.url("/sessions");
  while (next !== undefined) {
    all.push(next);
    const answer = await fetch(next, { headers: { Authorization: `Bearer ${token}` } });
    next = ((await answer.json()) as { "@nextLink"?: string })["@nextLink"];
  }
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, index) => index % step === 0).slice(0, count);
}

async function readPage(client: RemoteRenderingClient, link: string): Promise<void> {
  const pages = client.listSessions().byPage({ continuationToken: link });
  const page = await pages.next();
  if (page.done === true || page.value.length === 0) throw new Error("empty page");
}

runBenchmark(async () => {
  const gc = collector();
  const benches: BenchEmulator[] = [];
  try {
    for (const total of TOTALS) {
      const started = performance.now();
      benches.push(await startFilledEmulator(total));
      console.log(
        `emulator with ${total} sessions ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    const largest = benches[benches.length - 1] as BenchEmulator;

    // One full iteration over 100k sessions.
    const client = largest.client();
    await client.getSession("s0"); // the token, outside the measurement
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    let items = 0;
    let pages = 0;
    const started = performance.now();
    for await (const page of client.listSessions().byPage()) {
      items += page.length;
      pages += 1;
      if (performance.now() - started > ITERATION_LIMIT_IN_MS) break;
      if (pages % 100 === 0) {
        gc();
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    gc();
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    const itemsPerSecond = items / seconds;
    const growthInMb = (heapPeak - heapBefore) / 2 ** 20;
    console.log(`listed ${items} sessions in ${pages} pages in ${seconds.toFixed(1)} s`);

    // Page cost at each total, alternating.
    const links = await Promise.all(benches.map((bench) => spreadPageLinks(bench, PAGES_PER_ROUND)));
    const clients = benches.map((bench) => bench.client());
    for (const [index, pageClient] of clients.entries())
      await readPage(pageClient, (links[index] as string[])[0] as string);
    const sides = Object.fromEntries(
      TOTALS.map((total, index) => [
        String(total),
        async () => {
          let next = 0;
          const sideLinks = links[index] as string[];
          return timePerRunInMs(PAGES_PER_ROUND, () => {
            next += 1;
            return readPage(
              clients[index] as RemoteRenderingClient,
              sideLinks[next % sideLinks.length] as string,
            );
          });
        },
      ]),
    );
    const samples = await alternateRounds(ROUNDS, sides);
    for (const total of TOTALS) {
      console.log(
        `${String(total).padStart(7)} sessions: ${median(samples[String(total)] ?? []).toFixed(2)} ms per page of 50 (client, over HTTP)`,
      );
    }
    const ratio = median(samples[String(TOTALS[2])] ?? []) / median(samples[String(TOTALS[0])] ?? []);

    printFigure("listing 100k sessions, items/s", itemsPerSecond.toFixed(0), "reported", true);
    printFigure(
      "client heap growth listing 100k sessions (MB)",
      growthInMb.toFixed(1),
      `< ${HEAP_LIMIT_IN_MB}`,
      growthInMb < HEAP_LIMIT_IN_MB,
    );
    printFigure("page cost at 100k / at 1k sessions", ratio.toFixed(2), "flat (<= 1.5)", ratio <= 1.5);
  } finally {
    for (const bench of benches) await bench.close();
  }
});
