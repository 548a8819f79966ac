// `arr regions [--probe]`. Probes only reach local servers with injected delays (--regions-file),
// never the internet.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { makeTmpDir, parseJson, runArr, show, spawnArr } from "./support/arrProcess";

describe("arr regions", function () {
  let tmp: ReturnType<typeof makeTmpDir>;
  let server: http.Server;
  let base: string;
  /** A loopback port nothing listens on (fetch refuses well-known ports such as 9 outright). */
  let closedPort: number;

  before(async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    tmp = makeTmpDir("regions");
    server = http.createServer((request, response) => {
      const delay = Number(/\/delay\/(\d+)/.exec(request.url ?? "")?.[1] ?? 0);
      // Unreferenced: a delayed answer nobody waits for any more must not hold the test run open.
      setTimeout(() => response.end("ok"), delay).unref();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
    tmp.remove();
  });

  function regionsFile(name: string, regions: unknown): string {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, JSON.stringify(regions));
    return file;
  }

  it("lists the service's regions and endpoints, as a table or JSON", async () => {
    const [table, json] = await Promise.all([
      runArr(["regions"], { tmpDir: tmp.dir }),
      runArr(["regions", "--json"], { tmpDir: tmp.dir }),
    ]);
    assert.equal(table.code, 0, show(table));
    assert.match(table.stdout, /^REGION\s+LOCATION\s+ENDPOINT$/m);
    assert.match(
      table.stdout,
      /^westeurope\s+West Europe\s+https:\/\/remoterendering\.westeurope\.mixedreality\.azure\.com$/m,
    );
    assert.equal(table.stdout.trim().split("\n").length, 11);
    const regions = parseJson<{ name: string; endpoint: string }[]>(json);
    assert.equal(regions.length, 10);
    assert.ok(
      regions.every((r) => r.endpoint === `https://remoterendering.${r.name}.mixedreality.azure.com`),
    );
  });

  it("--probe measures each region and prints them closest first", async function () {
    this.timeout(40_000);
    // The regions differ by 800 ms of server delay: far more than the scheduling noise of a busy
    // machine adds to one sample, so the order is the delays' order on every run (a margin of
    // 120 ms was not: one stalled sample swapped two regions now and then).
    const file = regionsFile("delays.json", [
      { name: "far", endpoint: `${base}/delay/1600` },
      { name: "near", endpoint: `${base}/delay/0` },
      { name: "middle", endpoint: `${base}/delay/800` },
      { name: "gone", endpoint: `http://127.0.0.1:${closedPort}` },
    ]);
    const probe = ["regions", "--probe", "--regions-file", file, "--timeout", "20000"];
    const [human, json] = await Promise.all([
      runArr([...probe, "--samples", "1"], { tmpDir: tmp.dir, timeoutInMs: 35_000 }),
      runArr([...probe, "--samples", "2", "--json"], { tmpDir: tmp.dir, timeoutInMs: 35_000 }),
    ]);
    assert.equal(human.code, 0, show(human));
    const rows = human.stdout
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(/\s+/)[0]);
    assert.deepEqual(rows, ["near", "middle", "far", "gone"]);
    assert.match(
      human.stdout,
      new RegExp(`^gone\\s+unreachable\\s+http://127\\.0\\.0\\.1:${closedPort} \\(.*ECONNREFUSED.*\\)$`, "m"),
    );
    assert.match(human.stdout, /^near\s+\d+\.\d ms\s+http/m);
    assert.match(human.stderr, /Closest: near\. Create sessions there with --region near\./);

    assert.equal(json.code, 0, show(json));
    const result = parseJson<{
      closest: string;
      probes: { name: string; reachable: boolean; samplesInMs?: number[] }[];
    }>(json);
    assert.equal(result.closest, "near");
    assert.deepEqual(
      result.probes.map((p) => p.name),
      ["near", "middle", "far", "gone"],
    );
    assert.equal(result.probes[0]?.samplesInMs?.length, 2);
    assert.equal(result.probes[3]?.reachable, false);
    // Each sample includes the server's delay: the measurement is real, not an order kept by chance.
    const far = result.probes.find((p) => p.name === "far");
    assert.ok(
      (far?.samplesInMs ?? []).every((sample) => sample >= 1590),
      JSON.stringify(far),
    );
  });

  it("exits with the service-error code when no region answers in time", async () => {
    const file = regionsFile("silent.json", [{ name: "slow", endpoint: `${base}/delay/5000` }]);
    const result = await runArr(
      ["regions", "--probe", "--regions-file", file, "--timeout", "100", "--json"],
      {
        tmpDir: tmp.dir,
      },
    );
    assert.equal(result.code, 3, show(result));
    const json = parseJson<{ closest: null; probes: { error: string }[] }>(result);
    assert.equal(json.closest, null);
    assert.equal(json.probes[0]?.error, "no answer within 100 ms");
    assert.match(result.stderr, /No region answered\./);
  });

  it("stops measuring on Ctrl-C with the interrupted code, printing no table", async () => {
    const file = regionsFile("hanging.json", [{ name: "hanging", endpoint: `${base}/delay/30000` }]);
    const arr = spawnArr(["regions", "--probe", "--regions-file", file, "--timeout", "60000"], {
      tmpDir: tmp.dir,
    });
    await arr.waitFor(/Measuring the round trip to 1 region/);
    arr.interrupt("SIGINT");
    const result = await arr.exited;
    assert.equal(result.code, 130, show(result));
    assert.match(result.stderr, /Interrupted: stopped measuring\./);
    assert.equal(result.stdout, "");
  });

  it("refuses bad probe settings and region files with the usage code", async () => {
    const bad = regionsFile("bad.json", [{ name: "x" }]);
    const badUrl = regionsFile("bad-url.json", [{ name: "x", endpoint: "ftp://x" }]);
    const results = await Promise.all([
      runArr(["regions", "--probe", "--timeout", "0"], { tmpDir: tmp.dir }),
      runArr(["regions", "--probe", "--samples", "many"], { tmpDir: tmp.dir }),
      runArr(["regions", "--probe", "--concurrency", "0"], { tmpDir: tmp.dir }),
      runArr(["regions", "--regions-file", bad], { tmpDir: tmp.dir }),
      runArr(["regions", "--probe", "--regions-file", badUrl], { tmpDir: tmp.dir }),
    ]);
    const messages = [
      /option '--timeout <ms>' argument '0' is invalid\. Expected a whole number from 1 to 60000\./,
      /option '--samples <n>' argument 'many' is invalid\. Expected a whole number from 1 to 20\./,
      /option '--concurrency <n>' argument '0' is invalid\. Expected a whole number from 1 to 64\./,
      /expected a non-empty JSON array of \{ "name", "endpoint" \}/,
      /regions\[0\]\.endpoint must be an absolute http or https URL/,
    ];
    results.forEach((result, i) => {
      assert.equal(result.code, 2, show(result));
      assert.match(result.stderr, messages[i] ?? /never/);
    });
  });
});
