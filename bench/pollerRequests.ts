// Benchmark: requests a session poller sends until Ready, against the least possible,
// ceil(T / interval) + 1 (the create, then one status request per interval until Ready at T).
// The emulator's clock runs 10 times faster, so a 10 s start-up takes 1 s.
// Figure: the largest (sent - least possible) over every run (target: 0).
//   npx tsx bench/pollerRequests.ts
import { printFigure, runBenchmark, startBenchEmulator } from "./support/benchTools";

const SPEED = 10;
/** Start-up (emulated seconds) and polling interval (real ms) of each configuration. */
const CONFIGURATIONS = [
  { startupInSeconds: 10, intervalInMs: 300 },
  { startupInSeconds: 20, intervalInMs: 450 },
  { startupInSeconds: 10, intervalInMs: 2000 },
];
const RUNS = 3;

runBenchmark(async () => {
  let worst = Number.NEGATIVE_INFINITY;
  for (const { startupInSeconds, intervalInMs } of CONFIGURATIONS) {
    const bench = await startBenchEmulator(
      { clock: { speed: SPEED }, sessionStartupInSeconds: { Standard: startupInSeconds } },
      true,
    );
    try {
      const client = bench.client();
      const realStartupInMs = (startupInSeconds * 1000) / SPEED;
      const least = Math.ceil(realStartupInMs / intervalInMs) + 1;
      const sent: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const id = `poll-${startupInSeconds}-${intervalInMs}-${run}`;
        await client.beginSession(id, { maxLeaseTimeInMinutes: 60, size: "Standard" }, { intervalInMs });
        sent.push(
          bench.log.filter((line) => line.split(" ")[2]?.split("?")[0]?.endsWith(`/sessions/${id}`)).length,
        );
        await client.endSession(id);
      }
      worst = Math.max(worst, ...sent.map((count) => count - least));
      console.log(
        `T = ${realStartupInMs} ms, interval ${intervalInMs} ms: sent ${sent.join(", ")} requests; least possible ${least}`,
      );
    } finally {
      await bench.close();
    }
  }
  printFigure("poller requests - (ceil(T/interval) + 1)", String(worst), "0", worst <= 0);
});
