import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  findClosestRegion,
  orderProbes,
  remoteRenderingRegions,
  type RegionProbe,
} from "../../../src/customizations/helpers/findClosestRegion";

interface DelayServer {
  url: string;
  requests: string[];
  maxInFlight: number;
  close(): Promise<void>;
}

/** A loopback server that answers each path after the delay named in it: /delay/150 waits 150 ms. */
async function startDelayServer(): Promise<DelayServer> {
  const state = { requests: [] as string[], inFlight: 0, maxInFlight: 0 };
  const server = http.createServer((request, response) => {
    state.requests.push(request.url ?? "");
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    const match = /\/delay\/(\d+)/.exec(request.url ?? "");
    const delay = match ? Number(match[1]) : 0;
    if (/\/hang/.test(request.url ?? "")) return; // never answers
    setTimeout(() => {
      state.inFlight -= 1;
      response.statusCode = 404; // any status counts as an answer
      response.end("not here");
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe("findClosestRegion", () => {
  let server: DelayServer;
  beforeEach(async () => {
    server = await startDelayServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it("lists the ten documented regions with their endpoints", () => {
    assert.deepEqual(
      remoteRenderingRegions.map((r) => r.name),
      [
        "australiaeast",
        "eastus",
        "eastus2",
        "japaneast",
        "northeurope",
        "southcentralus",
        "southeastasia",
        "uksouth",
        "westeurope",
        "westus2",
      ],
    );
    for (const r of remoteRenderingRegions) {
      assert.equal(r.endpoint, `https://remoterendering.${r.name}.mixedreality.azure.com`);
      assert.ok(r.displayName.length > 0);
    }
    assert.ok(Object.isFrozen(remoteRenderingRegions));
  });

  it("orders regions closest first from injected delays, unreachable ones last", async () => {
    const refused = await closedPortUrl();
    const result = await findClosestRegion({
      regions: [
        { name: "far", endpoint: `${server.url}/delay/240` },
        { name: "refused", endpoint: refused },
        { name: "near", endpoint: `${server.url}/delay/0` },
        { name: "middle", endpoint: `${server.url}/delay/120` },
      ],
      samplesPerRegion: 2,
      timeoutInMs: 5000,
    });
    assert.deepEqual(
      result.probes.map((p) => p.name),
      ["near", "middle", "far", "refused"],
    );
    assert.equal(result.closest?.name, "near");
    const far = result.probes[2] as RegionProbe;
    assert.ok(far.reachable);
    assert.equal(far.samplesInMs.length, 2);
    assert.ok(far.roundTripInMs >= 230, `far measured ${far.roundTripInMs} ms`);
    assert.equal(far.endpoint, `${server.url}/delay/240`);
    const unreachable = result.probes[3] as RegionProbe;
    assert.equal(unreachable.reachable, false);
    assert.match(unreachable.reachable ? "" : unreachable.error, /ECONNREFUSED/);
    // one untimed request opens the connection, then two timed samples, for each reachable region
    assert.equal(server.requests.filter((r) => r === "/delay/120").length, 3);
  });

  it("gives up on a region that does not answer within the timeout", async () => {
    const result = await findClosestRegion({
      regions: [
        { name: "silent", endpoint: `${server.url}/hang` },
        { name: "ok", endpoint: `${server.url}/delay/0` },
      ],
      timeoutInMs: 150,
      samplesPerRegion: 1,
    });
    assert.equal(result.closest?.name, "ok");
    const silent = result.probes.find((p) => p.name === "silent");
    assert.deepEqual(silent && { reachable: silent.reachable, error: !silent.reachable && silent.error }, {
      reachable: false,
      error: "no answer within 150 ms",
    });
  });

  it("measures in parallel but never more regions at once than maxConcurrency", async () => {
    const regions = Array.from({ length: 6 }, (_, i) => ({
      name: `r${i}`,
      endpoint: `${server.url}/delay/40?r=${i}`,
    }));
    const result = await findClosestRegion({ regions, maxConcurrency: 2, samplesPerRegion: 1 });
    assert.equal(result.probes.length, 6);
    assert.ok(result.probes.every((p) => p.reachable));
    assert.equal(server.maxInFlight, 2);
  });

  it("reports undefined as closest when nothing answers", async () => {
    const result = await findClosestRegion({
      regions: [{ name: "gone", endpoint: await closedPortUrl() }],
      samplesPerRegion: 1,
    });
    assert.equal(result.closest, undefined);
    assert.equal(result.probes.length, 1);
  });

  it("rejects with the abort reason when aborted", async () => {
    const controller = new AbortController();
    const pending = findClosestRegion({
      regions: [{ name: "slow", endpoint: `${server.url}/hang` }],
      abortSignal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    await assert.rejects(pending, /user gave up/);
  });

  it("validates its options before sending anything", async () => {
    const region = [{ name: "a", endpoint: server.url }];
    await assert.rejects(findClosestRegion({ regions: [] }), {
      name: "TypeError",
      message: /regions must be a non-empty array/,
    });
    await assert.rejects(findClosestRegion({ regions: [{ name: "a", endpoint: "ftp://x" }] }), {
      name: "TypeError",
      message: /regions\[0\]\.endpoint must be an absolute http or https URL/,
    });
    await assert.rejects(findClosestRegion({ regions: [{ name: "", endpoint: server.url }] }), {
      name: "TypeError",
      message: /regions\[0\]\.name/,
    });
    await assert.rejects(findClosestRegion({ regions: region, timeoutInMs: 0 }), {
      name: "RangeError",
      message: /timeoutInMs must be an integer from 1 to 60000/,
    });
    await assert.rejects(findClosestRegion({ regions: region, samplesPerRegion: 1.5 }), {
      name: "RangeError",
      message: /samplesPerRegion/,
    });
    await assert.rejects(findClosestRegion({ regions: region, maxConcurrency: 0 }), {
      name: "RangeError",
      message: /maxConcurrency/,
    });
    // A bag that is not an object would otherwise probe every real region of the service.
    for (const [bad, got] of [
      ["x", "string"],
      [null, "null"],
      [42, "number"],
    ] as const) {
      await assert.rejects(findClosestRegion(bad as never), {
        name: "TypeError",
        message: new RegExp(
          `options must be an object \\(FindClosestRegionOptions\\) or undefined; got ${got}`,
        ),
      });
    }
    await assert.rejects(findClosestRegion({ regions: region, abortSignal: {} as never }), {
      name: "TypeError",
      message: /options\.abortSignal must be an AbortSignal/,
    });
    assert.deepEqual(server.requests, []);
  });

  it("orders ties by name and keeps unreachable regions last", () => {
    const probe = (name: string, ms?: number): RegionProbe =>
      ms === undefined
        ? { reachable: false, name, endpoint: "x", error: "e" }
        : { reachable: true, name, endpoint: "x", roundTripInMs: ms, samplesInMs: [ms] };
    assert.deepEqual(
      orderProbes([probe("z"), probe("b", 5), probe("a", 5), probe("c", 1), probe("y")]).map((p) => p.name),
      ["c", "a", "b", "y", "z"],
    );
  });
});
