// Helpers of the emulator benchmarks: filling an emulator with sessions over HTTP, and timing
// requests. Benchmarks print ratios measured in one run; nothing here asserts a time.
import { performance } from "node:perf_hooks";
import type { RunningEmulator } from "../../src/emulator/index";

const API_VERSION = "2021-01-01";
const STS_API_VERSION = "2019-02-28-preview";

export interface EmulatorCaller {
  readonly emulator: RunningEmulator;
  /** `/accounts/{account}{path}?api-version=...` on the data plane. */
  url(path: string): string;
  /** Sends a data-plane request with the account's token; throws unless `expected` is answered. */
  call(method: string, url: string, expected: number, body?: unknown): Promise<unknown>;
}

export async function emulatorCaller(emulator: RunningEmulator): Promise<EmulatorCaller> {
  const account = emulator.accounts[0];
  if (account === undefined) throw new Error("the emulator has no account");
  const tokenAnswer = await fetch(
    `${emulator.url}/Accounts/${account.accountId}/token?api-version=${STS_API_VERSION}`,
    { headers: { Authorization: `Bearer ${account.accountId}:${account.accountKey}` } },
  );
  const { AccessToken: token } = (await tokenAnswer.json()) as { AccessToken: string };
  const url = (path: string): string =>
    `${emulator.url}/accounts/${account.accountId}${path}${path.includes("?") ? "&" : "?"}api-version=${API_VERSION}`;
  const call = async (method: string, target: string, expected: number, body?: unknown): Promise<unknown> => {
    const answer = await fetch(target, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    if (answer.status !== expected) throw new Error(`${method} ${target}: ${answer.status} ${text}`);
    return text === "" ? undefined : (JSON.parse(text) as unknown);
  };
  return { emulator, url, call };
}

/** Runs `work(i)` for i from `from` to `to - 1`, `concurrency` at a time. */
export async function forEachIndex(
  from: number,
  to: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < to) {
      const index = next;
      next += 1;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Creates sessions `bench-{from}` to `bench-{to - 1}`; every `stopEvery`-th one is stopped again. */
export async function createSessions(
  caller: EmulatorCaller,
  from: number,
  to: number,
  options: { stopEvery?: number; concurrency?: number } = {},
): Promise<void> {
  await forEachIndex(from, to, options.concurrency ?? 32, async (index) => {
    const id = `bench-${index}`;
    await caller.call("PUT", caller.url(`/sessions/${id}`), 201, {
      maxLeaseTimeMinutes: 60,
      size: "Standard",
    });
    if (options.stopEvery !== undefined && index % options.stopEvery === 0) {
      await caller.call("POST", caller.url(`/sessions/${id}/:stop`), 204);
    }
  });
}

/** Milliseconds `action` takes, on average over `repeats` sequential runs. */
export async function averageInMs(repeats: number, action: () => Promise<void>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < repeats; i += 1) await action();
  return (performance.now() - started) / repeats;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
