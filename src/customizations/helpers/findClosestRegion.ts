// Measures the HTTP round-trip time to Remote Rendering regions and orders them closest first.
// The service's guidance is to create sessions in the region closest to the user; this is the
// measurement behind `arr regions --probe`. It uses only `fetch` and `performance`, so it works the
// same in Node.js (whose fetch keeps the connection open between samples) and in browsers.
import { remoteRenderingEndpoint } from "./remoteRenderingEndpoint.js";
import { validateAbortSignal, validateOptionsBag } from "../models/validateOperationOptions.js";

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
  try {
    await timedRequest(url, timeoutInMs, abortSignal);
    const samplesInMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      samplesInMs.push(await timedRequest(url, timeoutInMs, abortSignal));
    }
    return { reachable: true, name, endpoint, roundTripInMs: median(samplesInMs), samplesInMs };
  } catch (error) {
    if (abortSignal?.aborted) throw abortSignal.reason;
    return { reachable: false, name, endpoint, error: describeError(error) };
  }
}

/** Thrown when a request does not complete within the timeout; its message is the probe's error. */
class ProbeTimeoutError extends Error {
  override readonly name = "ProbeTimeoutError";
}

/**
 * One GET: the time until the response headers arrive. The body is read to its end (so the connection
 * serves the next sample), all within `timeoutInMs`. Browsers send it in `no-cors` mode: the answer is
 * then opaque, but it is an answer, which is all the measurement needs.
 */
async function timedRequest(
  url: URL,
  timeoutInMs: number,
  abortSignal: AbortSignal | undefined,
): Promise<number> {
  const controller = new AbortController();
  const timeout = new ProbeTimeoutError(`no answer within ${timeoutInMs} ms`);
  const timer = setTimeout(() => controller.abort(timeout), timeoutInMs);
  const onAbort = (): void => controller.abort(abortSignal?.reason);
  abortSignal?.addEventListener("abort", onAbort, { once: true });
  try {
    const started = performance.now();
    const response = await fetch(url, {
      method: "GET",
      signal: controller.signal,
      ...(isBrowser() ? { mode: "no-cors" as const } : {}),
    });
    const elapsed = performance.now() - started;
    await response.arrayBuffer();
    return elapsed;
  } catch (error) {
    throw controller.signal.reason === timeout ? timeout : error;
  } finally {
    clearTimeout(timer);
    abortSignal?.removeEventListener("abort", onAbort);
  }
}

/** True in a browser page or worker (a global `document` or `WorkerGlobalScope`). */
function isBrowser(): boolean {
  return "document" in globalThis || "WorkerGlobalScope" in globalThis;
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

/** The message of an error, with the system error code of its cause (fetch's `cause`) when it has one. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = (cause as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  const message = cause instanceof Error && cause.message !== "" ? cause.message : error.message;
  return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
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
