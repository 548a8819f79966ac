// Shared helpers of the benchmarks in bench/: an emulator with a client and a token on loopback,
// alternating rounds, medians, and the figure line every benchmark prints last. Benchmarks print
// figures and ratios measured in one run; nothing here asserts a time.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  AzureKeyCredential,
  RemoteRenderingClient,
  type RemoteRenderingClientOptions,
} from "../../src/index";
import {
  ManualClock,
  startEmulator,
  type EmulatorAccount,
  type EmulatorOptions,
  type RunningEmulator,
} from "../../src/emulator/index";

export const API_VERSION = "2021-01-01";
export const STS_API_VERSION = "2019-02-28-preview";
export const ACCOUNT_DOMAIN = "emulator.mixedreality.azure.com";

export interface BenchEmulator {
  readonly emulator: RunningEmulator;
  readonly account: EmulatorAccount;
  /** Log lines of the emulator (when started with `collectLog`). */
  readonly log: string[];
  /** A fresh client of the emulator (its own token cache), with the account key or the given credential. */
  client(options?: RemoteRenderingClientOptions, credential?: AzureKeyCredential): RemoteRenderingClient;
  /** An access token of the account, fetched with plain fetch. */
  token(): Promise<string>;
  /** `{url}/accounts/{account}{path}?api-version=...` */
  url(path: string): string;
  close(): Promise<void>;
}

/** Starts an emulator on 127.0.0.1 (no log unless `collectLog`). */
export async function startBenchEmulator(
  options: EmulatorOptions = {},
  collectLog = false,
): Promise<BenchEmulator> {
  const log: string[] = [];
  const emulator = await startEmulator({
    host: "127.0.0.1",
    port: 0,
    logger: collectLog ? (line) => log.push(line) : false,
    ...options,
  });
  const account = emulator.accounts[0];
  if (account === undefined) throw new Error("the emulator has no account");
  return {
    emulator,
    account,
    log,
    client: (clientOptions = {}, credential = new AzureKeyCredential(account.accountKey)) =>
      new RemoteRenderingClient(emulator.url, account.accountId, ACCOUNT_DOMAIN, credential, {
        authenticationEndpointUrl: emulator.url,
        allowInsecureConnection: true,
        ...clientOptions,
      }),
    token: async () => {
      const answer = await fetch(
        `${emulator.url}/Accounts/${account.accountId}/token?api-version=${STS_API_VERSION}`,
        { headers: { Authorization: `Bearer ${account.accountId}:${account.accountKey}` } },
      );
      if (answer.status !== 200) throw new Error(`token request: ${answer.status}`);
      return ((await answer.json()) as { AccessToken: string }).AccessToken;
    },
    url: (path) =>
      `${emulator.url}/accounts/${account.accountId}${path}${path.includes("?") ? "&" : "?"}api-version=${API_VERSION}`,
    close: () => emulator.close(),
  };
}

/** Runs `work(i)` for every i below `count`, `concurrency` at a time. */
export async function forEachIndex(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Creates sessions `{prefix}{i}` for i below `count` over plain HTTP (Standard, 60 minutes). */
export async function fillSessions(bench: BenchEmulator, count: number, prefix = "s"): Promise<void> {
  const token = await bench.token();
  await forEachIndex(count, 32, async (index) => {
    const answer = await fetch(bench.url(`/sessions/${prefix}${index}`), {
      method: "PUT",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ maxLeaseTimeMinutes: 60, size: "Standard" }),
    });
    await answer.arrayBuffer();
    if (answer.status !== 201) throw new Error(`create ${prefix}${index}: ${answer.status}`);
  });
}

/** Milliseconds per run of `action`, averaged over `repeats` sequential runs. */
export async function timePerRunInMs(repeats: number, action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < repeats; i += 1) await action();
  return (performance.now() - started) / repeats;
}

/**
 * Measures every side once per round, alternating the order from round to round (A B, B A, ...),
 * so a machine that gets busier or quieter during the run affects every side alike.
 */
export async function alternateRounds<K extends string>(
  rounds: number,
  sides: Record<K, () => Promise<number>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(sides) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) samples[name].push(await sides[name]());
  }
  return samples;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Prints the figure line, the last line of every benchmark: `FIGURE <name>: <measured> (target: <target>) <verdict>`.
 * bench/run.ts collects these lines.
 */
export function printFigure(name: string, measured: string, target: string, met: boolean): void {
  console.log(`FIGURE ${name}: ${measured} (target: ${target}) ${met ? "met" : "NOT MET"}`);
}

/** Runs a benchmark's main function; an error sets exit code 1. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

/** The time every manual clock of the benchmarks stands at: now, to the minute, as tokens are issued on
 * the emulator clock and the client checks them against the real one; sessions neither start nor expire. */
export const BENCH_TIME_IN_MS = Math.floor(Date.now() / 60_000) * 60_000;

/**
 * An emulator (on a manual clock, with a data file in a temporary folder) holding `count` Starting
 * sessions `s0`, `s1`, ... Filling 100k sessions over HTTP takes minutes on a busy machine, so the
 * data file is seeded instead: one session is created over HTTP, and the record the emulator wrote
 * for it is copied `count` times (ids and sequence numbers changed) before the emulator is started on
 * the file. The file is the emulator's journal (docs/emulator.md, "Persistence"): a header line
 * (`arr-emulator-state/2`) and one `{"session": ...}` line per session. When it is not (its format
 * changed), the sessions are created over HTTP instead.
 */
export async function startFilledEmulator(
  count: number,
  options: EmulatorOptions = {},
): Promise<BenchEmulator> {
  const dataFile = path.join(mkdtempSync(path.join(os.tmpdir(), "arr-bench-")), "state.json");
  const clockOptions = (): EmulatorOptions => ({
    clock: new ManualClock(BENCH_TIME_IN_MS),
    dataFile,
    ...options,
  });
  const seed = await startBenchEmulator(clockOptions());
  await fillSessions(seed, 1, "seed");
  await seed.close();
  const seeded = seededJournal(readFileSync(dataFile, "utf8"), count);
  if (seeded !== undefined) {
    writeFileSync(dataFile, seeded);
    return startBenchEmulator(clockOptions());
  }
  console.log("the data file is not an arr-emulator-state/2 journal: filling over HTTP");
  const bench = await startBenchEmulator({ clock: new ManualClock(BENCH_TIME_IN_MS), ...options });
  await fillSessions(bench, count);
  return bench;
}

/** The journal with its one session copied `count` times as s0, s1, ...; undefined for another format. */
function seededJournal(journal: string, count: number): string | undefined {
  const lines = journal.split("\n").filter((line) => line.trim() !== "");
  const parse = (line: string | undefined): Record<string, unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(line ?? "");
      return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const header = parse(lines[0]);
  const template = parse(lines[lines.length - 1])?.["session"];
  if (header?.["format"] !== "arr-emulator-state/2" || typeof template !== "object" || template === null) {
    return undefined;
  }
  const out = [JSON.stringify({ ...header, nextSequence: count + 1 })];
  for (let index = 0; index < count; index += 1) {
    out.push(JSON.stringify({ session: { ...template, id: `s${index}`, sequence: index + 1 } }));
  }
  return `${out.join("\n")}\n`;
}
