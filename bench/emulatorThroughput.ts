// Benchmark: requests per second of the emulator under autocannon (GetSession, and CreateSession
// with a new id per request), next to a bare node:http server that answers a fixed body, measured
// in alternating rounds of one run. Both servers run in one child process (the emulator logging
// to standard error as `arr emulator` does, into /dev/null here); autocannon runs in this one.
// Figures: emulator GET/s (target at least 5,000 on 2 cores), PUT/s, and both as a fraction of the
// bare server's.
//   npx tsx bench/emulatorThroughput.ts
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import {
  API_VERSION,
  STS_API_VERSION,
  alternateRounds,
  median,
  printFigure,
  runBenchmark,
} from "./support/benchTools";

const ROUNDS = 3;
const DURATION_IN_SECONDS = 4;
const CONNECTIONS = 16;
const GET_TARGET = 5000;

interface Servers {
  emulatorUrl: string;
  bareUrl: string;
  accountId: string;
  accountKey: string;
}

async function requestsPerSecond(options: autocannon.Options): Promise<number> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_IN_SECONDS, ...options });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${options.url}: ${result.errors} errors, ${result.non2xx} answers that were not 2xx`);
  }
  return result.requests.average;
}

runBenchmark(async () => {
  const child = spawn(
    process.execPath,
    ["--require", "tsx/cjs", path.join(__dirname, "support", "throughputServers.ts")],
    {
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`the server process exited with ${code}`)));
    });
    const servers = JSON.parse(line) as Servers;
    const tokenAnswer = await fetch(
      `${servers.emulatorUrl}/Accounts/${servers.accountId}/token?api-version=${STS_API_VERSION}`,
      { headers: { Authorization: `Bearer ${servers.accountId}:${servers.accountKey}` } },
    );
    const { AccessToken: token } = (await tokenAnswer.json()) as { AccessToken: string };
    const sessionPath = (id: string): string =>
      `/accounts/${servers.accountId}/sessions/${id}?api-version=${API_VERSION}`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const created = await fetch(`${servers.emulatorUrl}${sessionPath("bench-get")}`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ maxLeaseTimeMinutes: 60, size: "Standard" }),
    });
    if (created.status !== 201) throw new Error(`create: ${created.status}`);

    let nextId = 0;
    const put = (url: string): Promise<number> =>
      requestsPerSecond({
        url,
        headers,
        requests: [
          {
            method: "PUT",
            body: JSON.stringify({ maxLeaseTimeMinutes: 60, size: "Standard" }),
            setupRequest: (request) => {
              nextId += 1;
              return { ...request, path: sessionPath(`put-${nextId}`) };
            },
          },
        ],
      });
    const get = (url: string): Promise<number> =>
      requestsPerSecond({ url: `${url}${sessionPath("bench-get")}`, headers });
    const samples = await alternateRounds(ROUNDS, {
      bareGet: () => get(servers.bareUrl),
      emulatorGet: () => get(servers.emulatorUrl),
      barePut: () => put(servers.bareUrl),
      emulatorPut: () => put(servers.emulatorUrl),
    });
    const figures = Object.fromEntries(
      Object.entries(samples).map(([side, values]) => [side, median(values as number[])]),
    );
    const { bareGet = 0, emulatorGet = 0, barePut = 0, emulatorPut = 0 } = figures;
    console.log(
      `requests/s (median of ${ROUNDS} rounds of ${DURATION_IN_SECONDS} s, ${CONNECTIONS} connections):`,
    );
    console.log(
      `  GET: emulator ${emulatorGet.toFixed(0)}, bare node:http ${bareGet.toFixed(0)} (${((100 * emulatorGet) / bareGet).toFixed(0)}%)`,
    );
    console.log(
      `  PUT: emulator ${emulatorPut.toFixed(0)}, bare node:http ${barePut.toFixed(0)} (${((100 * emulatorPut) / barePut).toFixed(0)}%)`,
    );
    printFigure(
      "emulator PUT requests/s (bare node:http)",
      `${emulatorPut.toFixed(0)} (${barePut.toFixed(0)})`,
      "reported",
      true,
    );
    printFigure(
      "emulator GET requests/s (bare node:http)",
      `${emulatorGet.toFixed(0)} (${bareGet.toFixed(0)})`,
      `>= ${GET_TARGET}`,
      emulatorGet >= GET_TARGET,
    );
  } finally {
    child.kill("SIGTERM");
  }
});
