// Benchmark: the time the client's own code (src/customizations: argument and option checks, the
// tracing span, the authentication and Retry-After policies, reading the body into a
// RenderingSession) adds to one getSession. No network: both sides send through the same in-memory
// HttpClient, which answers with a session body as the emulator writes it. One side is
// client.getSession (token cached); the other is the generated REST client alone (same pipeline
// defaults, the token put in the header by hand, `isUnexpected`, the parsed body). Alternating rounds
// of one run after a warm-up; each round is timed in CPU time of this process (not wall time, which
// on a shared machine also counts the time other processes ran). Rounds are short and many, and the
// figure is the median of the differences of neighbouring rounds (client minus REST), so that a
// change of load during the run affects both terms of each difference alike.
//   npx tsx bench/clientOwnCode.ts
import { createHttpHeaders, type HttpClient, type PipelineRequest } from "@azure/core-rest-pipeline";
import createRestClient, { isUnexpected } from "../src/generated/remoteRendering/index";
import { AzureKeyCredential, RemoteRenderingClient } from "../src/index";
import { alternateRounds, median, printFigure, runBenchmark } from "./support/benchTools";

const ROUNDS = 101;
const CALLS_PER_ROUND = 2_000;
const ENDPOINT = "http://127.0.0.1:9";
const ACCOUNT_ID = "00000000-0000-0000-0000-000000000001";
const TOKEN = "header.payload.signature";

/** A session body as the emulator sends it for a Starting session. */
const SESSION_BODY = JSON.stringify({
  id: "bench-session",
  creationTime: "2026-12-05T12:24:00.0008951+00:00",
  arrInspectorPort: 0,
  handshakePort: 0,
  elapsedTimeMinutes: 0,
  hostname: null,
  maxLeaseTimeMinutes: 60,
  size: "Standard",
  status: "Starting",
  teraflops: 0,
  error: null,
});

/** Answers the token service with a token valid for a day, and every other request with the session. */
const inMemoryService: HttpClient = {
  sendRequest(request: PipelineRequest) {
    const json = createHttpHeaders({ "content-type": "application/json; charset=utf-8", "ms-cv": "bench.0" });
    if (request.url.includes("/token")) {
      const expiresOn = new Date(Date.now() + 86_400_000).toISOString();
      const bodyAsText = JSON.stringify({ AccessToken: TOKEN, ExpiresOn: expiresOn });
      return Promise.resolve({ request, status: 200, headers: json, bodyAsText });
    }
    return Promise.resolve({ request, status: 200, headers: json, bodyAsText: SESSION_BODY });
  },
};

/** CPU milliseconds (user and system) of this process per run of `action`, over `repeats` runs. */
async function cpuTimePerRunInMs(repeats: number, action: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < repeats; i += 1) await action();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / repeats;
}

runBenchmark(async () => {
  const client = new RemoteRenderingClient(
    ENDPOINT,
    ACCOUNT_ID,
    "bench.mixedreality.azure.com",
    new AzureKeyCredential("bench-key"),
    { authenticationEndpointUrl: ENDPOINT, allowInsecureConnection: true, httpClient: inMemoryService },
  );
  const rest = createRestClient(ENDPOINT, { allowInsecureConnection: true, httpClient: inMemoryService });
  const clientGet = (): Promise<unknown> => client.getSession("bench-session");
  const restGet = async (): Promise<unknown> => {
    const response = await rest
      .path("/accounts/{account_id}/sessions/{session_id}", ACCOUNT_ID, "bench-session")
      .get({ headers: { authorization: `Bearer ${TOKEN}` } });
    if (isUnexpected(response)) throw new Error(`GET: ${response.status}`);
    return response.body;
  };
  const session = await client.getSession("bench-session");
  if (session.status !== "Starting" || session.createdOn === undefined) {
    throw new Error("the in-memory answer was not read as a Starting session");
  }
  await cpuTimePerRunInMs(10 * CALLS_PER_ROUND, clientGet);
  await cpuTimePerRunInMs(10 * CALLS_PER_ROUND, restGet);
  const samples = await alternateRounds(ROUNDS, {
    client: () => cpuTimePerRunInMs(CALLS_PER_ROUND, clientGet),
    rest: () => cpuTimePerRunInMs(CALLS_PER_ROUND, restGet),
  });
  const clientUs = median(samples.client) * 1000;
  const restUs = median(samples.rest) * 1000;
  const ownUs =
    median(samples.client.map((clientMs, round) => clientMs - (samples.rest[round] ?? NaN))) * 1000;
  console.log(`client.getSession, in memory:       ${clientUs.toFixed(1)} µs CPU per call`);
  console.log(`generated REST client GET, in memory: ${restUs.toFixed(1)} µs CPU per call`);
  console.log(
    `(medians of ${ROUNDS} alternating rounds of ${CALLS_PER_ROUND} calls; own code: median of the differences)`,
  );
  printFigure("client's own code per getSession (µs)", ownUs.toFixed(1), "reported", true);
});
