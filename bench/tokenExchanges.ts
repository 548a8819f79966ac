// Benchmark: token exchanges behind concurrent first calls. A fresh client gets 64 getSession calls
// at once; they must share one token exchange. Repeated with fresh clients; the figure is the
// largest number of exchanges seen for one burst (target: exactly 1).
//   npx tsx bench/tokenExchanges.ts
import { ManualClock } from "../src/emulator/index";
import { BENCH_TIME_IN_MS, printFigure, runBenchmark, startBenchEmulator } from "./support/benchTools";

const CONCURRENT_CALLS = 64;
const BURSTS = 10;

runBenchmark(async () => {
  const bench = await startBenchEmulator({ clock: new ManualClock(BENCH_TIME_IN_MS) }, true);
  try {
    await bench
      .client()
      .beginSession("bench-session", { maxLeaseTimeInMinutes: 60, size: "Standard" })
      .serialize();
    const exchanges: number[] = [];
    for (let burst = 0; burst < BURSTS; burst += 1) {
      const client = bench.client();
      bench.log.length = 0;
      await Promise.all(Array.from({ length: CONCURRENT_CALLS }, () => client.getSession("bench-session")));
      const tokenRequests = bench.log.filter((line) => /\/token\b/i.test(line)).length;
      const sessionRequests = bench.log.filter((line) => line.includes("/sessions/bench-session")).length;
      if (sessionRequests !== CONCURRENT_CALLS)
        throw new Error(`expected ${CONCURRENT_CALLS} GETs, saw ${sessionRequests}`);
      exchanges.push(tokenRequests);
    }
    console.log(
      `token exchanges per burst of ${CONCURRENT_CALLS} concurrent first calls: ${exchanges.join(", ")}`,
    );
    const worst = Math.max(...exchanges);
    printFigure(
      `token exchanges for ${CONCURRENT_CALLS} concurrent first calls`,
      String(worst),
      "exactly 1",
      worst === 1,
    );
  } finally {
    await bench.close();
  }
});
