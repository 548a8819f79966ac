// Benchmark: what the client adds to one call. client.getSession (token cached) against a plain
// `fetch` of the same URL with the same token, on one emulator, in alternating rounds of one run.
// Figure: ratio of the medians (client / fetch); target at most 1.25.
//   npx tsx bench/getSessionOverhead.ts
import { ManualClock } from "../src/emulator/index";
import {
  BENCH_TIME_IN_MS,
  alternateRounds,
  median,
  printFigure,
  runBenchmark,
  startBenchEmulator,
  timePerRunInMs,
} from "./support/benchTools";

const ROUNDS = 7;
const CALLS_PER_ROUND = 200;

runBenchmark(async () => {
  const bench = await startBenchEmulator({ clock: new ManualClock(BENCH_TIME_IN_MS) });
  try {
    const client = bench.client();
    await client.beginSession("bench-session", { maxLeaseTimeInMinutes: 60, size: "Standard" }).serialize();
    const token = await bench.token();
    const url = bench.url("/sessions/bench-session");
    const plainFetch = async (): Promise<void> => {
      const answer = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      if (answer.status !== 200) throw new Error(`GET: ${answer.status}`);
      await answer.json();
    };
    // Warm both paths (connections, JIT, the client's token).
    for (let i = 0; i < 200; i += 1) {
      await client.getSession("bench-session");
      await plainFetch();
    }
    const samples = await alternateRounds(ROUNDS, {
      client: () => timePerRunInMs(CALLS_PER_ROUND, () => client.getSession("bench-session")),
      fetch: () => timePerRunInMs(CALLS_PER_ROUND, plainFetch),
    });
    const clientMs = median(samples.client);
    const fetchMs = median(samples.fetch);
    console.log(
      `client.getSession: ${(clientMs * 1000).toFixed(0)} µs per call (median of ${ROUNDS} rounds of ${CALLS_PER_ROUND})`,
    );
    console.log(`plain fetch:       ${(fetchMs * 1000).toFixed(0)} µs per call`);
    const ratio = clientMs / fetchMs;
    printFigure("getSession / plain fetch", ratio.toFixed(2), "<= 1.25", ratio <= 1.25);
  } finally {
    await bench.close();
  }
});
