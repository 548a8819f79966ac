// Benchmark: what the client adds to one call. client.getSession against a plain `fetch` of the same
// URL with the same token, on one emulator (manual clock at the current time, no log), in alternating
// rounds of one run after a warm-up of every side. The client's token is exchanged once, before the
// rounds: its credential counts the reads of the account key (one per exchange), and the figure is
// refused when a round exchanged a token. A third side, a plain `node:http` GET with a keep-alive
// agent (the transport the client's pipeline uses; `fetch` runs on undici), shows what the client
// costs above its own transport.
// Figure: ratio of the medians (client / fetch); target at most 1.25.
//   npx tsx bench/getSessionOverhead.ts
import http from "node:http";
import { AzureKeyCredential } from "../src/index";
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

const ROUNDS = 9;
const CALLS_PER_ROUND = 300;
const WARM_UP_CALLS = 300;

/** An account-key credential that counts how often its key is read (once per token exchange). */
class CountingKeyCredential extends AzureKeyCredential {
  reads = 0;
  override get key(): string {
    this.reads += 1;
    return super.key;
  }
}

/** GET of a URL with node:http and a keep-alive agent; resolves with the parsed JSON body. */
function httpGetJson(url: string, token: string, agent: http.Agent): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { Authorization: `Bearer ${token}` } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        if (answer.statusCode !== 200) reject(new Error(`GET: ${answer.statusCode ?? "no status"}`));
        else resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      });
      answer.on("error", reject);
    });
    request.on("error", reject);
  });
}

runBenchmark(async () => {
  const bench = await startBenchEmulator({ clock: new ManualClock(BENCH_TIME_IN_MS) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const credential = new CountingKeyCredential(bench.account.accountKey);
    const client = bench.client({}, credential);
    await client.beginSession("bench-session", { maxLeaseTimeInMinutes: 60, size: "Standard" }).serialize();
    const token = await bench.token();
    const url = bench.url("/sessions/bench-session");
    const plainFetch = async (): Promise<void> => {
      const answer = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      if (answer.status !== 200) throw new Error(`GET: ${answer.status}`);
      await answer.json();
    };
    const plainHttp = (): Promise<unknown> => httpGetJson(url, token, agent);
    const clientGet = (): Promise<unknown> => client.getSession("bench-session");
    // Warm every side (connections, JIT, the client's token).
    for (let i = 0; i < WARM_UP_CALLS; i += 1) {
      await clientGet();
      await plainFetch();
      await plainHttp();
    }
    const readsBefore = credential.reads;
    const samples = await alternateRounds(ROUNDS, {
      client: () => timePerRunInMs(CALLS_PER_ROUND, clientGet),
      fetch: () => timePerRunInMs(CALLS_PER_ROUND, plainFetch),
      http: () => timePerRunInMs(CALLS_PER_ROUND, plainHttp),
    });
    const exchanges = credential.reads - readsBefore;
    const clientMs = median(samples.client);
    const fetchMs = median(samples.fetch);
    const httpMs = median(samples.http);
    const perCall = (ms: number): string => `${(ms * 1000).toFixed(0)} µs per call`;
    console.log(`client.getSession: ${perCall(clientMs)} (median of ${ROUNDS} rounds of ${CALLS_PER_ROUND})`);
    console.log(`plain fetch:       ${perCall(fetchMs)}`);
    console.log(`plain node:http:   ${perCall(httpMs)}`);
    console.log(`token exchanges during the rounds: ${exchanges} (must be 0)`);
    const ratio = clientMs / fetchMs;
    const httpRatio = clientMs / httpMs;
    printFigure("getSession / plain node:http", httpRatio.toFixed(2), "reported", exchanges === 0);
    printFigure(
      "getSession / plain fetch",
      exchanges === 0 ? ratio.toFixed(2) : `invalid (${exchanges} token exchanges in the rounds)`,
      "<= 1.25",
      exchanges === 0 && ratio <= 1.25,
    );
  } finally {
    agent.destroy();
    await bench.close();
  }
});
