// Measures the HTTP round-trip time to Remote Rendering regions and orders them closest first.
// The service's guidance is to create sessions in the region closest to the user; this is the
// measurement behind `arr regions --probe`.
import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { remoteRenderingEndpoint } from "./remoteRenderingEndpoint.js";
import { validateAbortSignal, validateOptionsBag } from "../validateOperationOptions.js";

/** A region of the Remote Rendering service and its REST endpoint. */
export interface RemoteRenderingRegion {
  /** The region name used in endpoints and settings, such as `westeurope`. */
  readonly name: string;
  /** A readable name, such as `West Europe`. */
  readonly displayName: string;
  /** `https://remoterendering.{name}.mixedreality.azure.com` */
  readonly endpoint: string;
}

function region(name: string, displayName: string): RemoteRenderingRegion {
  return { name, displayName, endpoint: remoteRenderingEndpoint(name) };
}

/** The regions in which the service accepted sessions (as published before its retirement). */
export const remoteRenderingRegions: readonly RemoteRenderingRegion[] = Object.freeze([
  region("australiaeast", "Australia East"),
  region("eastus", "East US"),
  region("eastus2", "East US 2"),
  region("japaneast", "Japan East"),
  region("northeurope", "North Europe"),
  region("southcentralus", "South Central US"),
  region("southeastasia", "Southeast Asia"),
  region("uksouth", "UK South"),
  region("westeurope", "West Europe"),
  region("westus2", "West US 2"),
]);

/** A region to probe: a name and an http(s) endpoint. */
export interface RegionEndpoint {
  readonly name: string;
  readonly endpoint: string;
}

/** A region that answered: `roundTripInMs` is the median of the measured samples. */
export interface ReachableRegionProbe {
  readonly reachable: true;
  readonly name: string;
  readonly endpoint: string;
  readonly roundTripInMs: number;
  readonly samplesInMs: readonly number[];
}

/** A region that did not answer within the timeout, or refused the connection. */
export interface UnreachableRegionProbe {
  readonly reachable: false;
  readonly name: string;
  readonly endpoint: string;
  readonly error: string;
}

export type RegionProbe = ReachableRegionProbe | UnreachableRegionProbe;

export interface FindClosestRegionOptions {
  /** The regions to measure; default: {@link remoteRenderingRegions}. */
  regions?: readonly RegionEndpoint[];
  /** Timed requests per region after one untimed request that opens the connection; default 3. */
  samplesPerRegion?: number;
  /** Longest wait for any single request; default 3000 ms. */
  timeoutInMs?: number;
  /** Regions measured at the same time; default 4. */
  maxConcurrency?: number;
  abortSignal?: AbortSignal;
}

export interface ClosestRegionResult {
  /** The reachable region with the shortest round trip, if any answered. */
  readonly closest: ReachableRegionProbe | undefined;
  /** Every probed region: reachable ones closest first, then unreachable ones. */
  readonly probes: readonly RegionProbe[];
}

/**
 * Measures the round trip to each region's endpoint (in parallel, bounded by `maxConcurrency`,
 * every request bounded by `timeoutInMs`) and returns the regions closest first. A round trip is
 * the time from sending a request on an open connection to receiving the response headers; any
 * HTTP status counts as an answer.
 */
export async function findClosestRegion(options?: FindClosestRegionOptions): Promise<ClosestRegionResult> {
  return probeRegions(readOptions(options));
}

/** The options, checked before any region is probed (a string or null would probe every region). */
function readOptions(value: unknown): FindClosestRegionOptions {
  const options = validateOptionsBag("options", value, "FindClosestRegionOptions");
  validateAbortSignal("options.abortSignal", options["abortSignal"]);
  for (const name of ["samplesPerRegion", "timeoutInMs", "maxConcurrency"]) {
    const number = options[name];
    if (number !== undefined && typeof number !== "number") {
      throw new TypeError(`options.${name} must be a number; got ${typeof number}.`);
    }
  }
  return options as FindClosestRegionOptions;
}

async function probeRegions(options: FindClosestRegionOptions): Promise<ClosestRegionResult> {
  const regions = options.regions ?? remoteRenderingRegions;
  const samples = checkInteger(options.samplesPerRegion ?? 3, "samplesPerRegion", 1, 20);
  const timeoutInMs = checkInteger(options.timeoutInMs ?? 3000, "timeoutInMs", 1, 60_000);
  const maxConcurrency = checkInteger(options.maxConcurrency ?? 4, "maxConcurrency", 1, 64);
  if (!Array.isArray(regions) || regions.length === 0) {
    throw new TypeError("regions must be a non-empty array of { name, endpoint }.");
  }
  const targets = regions.map((r: RegionEndpoint, index) => ({
    name: r.name,
    endpoint: r.endpoint,
    url: checkEndpoint(r, index),
  }));
  options.abortSignal?.throwIfAborted();

  const probes = await mapWithConcurrency(targets, maxConcurrency, (target) =>
    probeRegion(target.name, target.endpoint, target.url, samples, timeoutInMs, options.abortSignal),
  );
  options.abortSignal?.throwIfAborted();
  const ordered = orderProbes(probes);
  const first = ordered[0];
  return { closest: first?.reachable ? first : undefined, probes: ordered };
}

/** Reachable regions by round trip (ties by name), then unreachable ones by name. */
export function orderProbes(probes: readonly RegionProbe[]): RegionProbe[] {
  const rank = (p: RegionProbe): number => (p.reachable ? p.roundTripInMs : Number.POSITIVE_INFINITY);
  return [...probes].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

async function probeRegion(
  name: string,
  endpoint: string,
  url: URL,
  samples: number,
  timeoutInMs: number,
  abortSignal: AbortSignal | undefined,
): Promise<RegionProbe> {
  const agent =
    url.protocol === "https:"
      ? new https.Agent({ keepAlive: true, maxSockets: 1 })
      : new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await timedRequest(url, agent, timeoutInMs, abortSignal);
    const samplesInMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      samplesInMs.push(await timedRequest(url, agent, timeoutInMs, abortSignal));
    }
    return { reachable: true, name, endpoint, roundTripInMs: median(samplesInMs), samplesInMs };
  } catch (error) {
    if (abortSignal?.aborted) throw abortSignal.reason;
    return { reachable: false, name, endpoint, error: describeError(error) };
  } finally {
    agent.destroy();
  }
}

function timedRequest(
  url: URL,
  agent: http.Agent,
  timeoutInMs: number,
  abortSignal: AbortSignal | undefined,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const send = url.protocol === "https:" ? https.request : http.request;
    const started = performance.now();
    const request = send(url, { method: "GET", agent, ...(abortSignal ? { signal: abortSignal } : {}) });
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${timeoutInMs} ms`)),
      timeoutInMs,
    );
    request.on("response", (response) => {
      const elapsed = performance.now() - started;
      // Read the body to its end so the connection goes back to the agent for the next sample.
      response.resume();
      response.on("end", () => {
        clearTimeout(timer);
        resolve(elapsed);
      });
      response.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end();
  });
}

async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return Math.round(value * 10) / 10;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

function checkInteger(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}; got ${String(value)}.`);
  }
  return value;
}

function checkEndpoint(entry: RegionEndpoint, index: number): URL {
  const where = `regions[${index}]`;
  if (typeof entry?.name !== "string" || entry.name.length === 0) {
    throw new TypeError(`${where}.name must be a non-empty string.`);
  }
  let url: URL;
  try {
    url = new URL(entry.endpoint);
  } catch {
    throw new TypeError(`${where}.endpoint must be an absolute http or https URL; got "${entry.endpoint}".`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`${where}.endpoint must be an absolute http or https URL; got "${entry.endpoint}".`);
  }
  return url;
}
