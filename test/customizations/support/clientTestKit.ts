// Shared fixtures of the RemoteRenderingClient unit tests: account constants, JWTs, nock mocks of the
// token service, service bodies, and a driver that runs code under fake timers.
import FakeTimers from "@sinonjs/fake-timers";
import nock from "nock";
import { AzureKeyCredential, RemoteRenderingClient } from "../../../src/index";
import type { RemoteRenderingClientOptions } from "../../../src/index";

export const endpoint = "https://remoterendering.eastus.mixedreality.azure.com";
export const accountId = "5f1c8d2a-3b47-4e69-9a0d-7c2e4b6f8a13";
export const accountDomain = "eastus.mixedreality.azure.com";
export const stsUrl = "https://sts.eastus.mixedreality.azure.com";
export const accountKey = "unit-test-account-key-7d3f9a0b1c2e";
export const sessionsPath = `/accounts/${accountId}/sessions`;
export const conversionsPath = `/accounts/${accountId}/conversions`;
export const apiQuery = { "api-version": "2021-01-01" };

/** Fast retries so that 429/5xx tests take milliseconds. */
export const fastRetry: RemoteRenderingClientOptions = {
  retryOptions: { maxRetries: 2, retryDelayInMs: 1, maxRetryDelayInMs: 4 },
};

/** An unsigned JWT with the given exp (seconds since the epoch) and a marker claim to tell tokens apart. */
export function makeJwt(expInSeconds: number, marker = "token"): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode({ exp: expInSeconds, marker })}.c2lnbmF0dXJl`;
}

/** A JWT valid for an hour from the (possibly fake) current time. */
export function freshJwt(marker = "token"): string {
  return makeJwt(Math.floor(Date.now() / 1000) + 3600, marker);
}

/** What a mocked token service saw. */
export interface StsRecord {
  requests: Array<{ authorization: string | undefined; correlationVector: string | undefined; path: string }>;
  scope: nock.Scope;
}

/** Mocks the token service: each request gets the next token of the list (the last one repeats). */
export function mockSts(tokens: string[] = [freshJwt("sts")], url = stsUrl): StsRecord {
  const record: StsRecord = { requests: [], scope: nock(url) };
  record.scope
    .get(`/Accounts/${accountId}/token`)
    .query({ "api-version": "2019-02-28-preview" })
    .times(1000)
    .reply(function () {
      const header = (name: string): string | undefined => {
        const value = this.req.headers[name];
        return Array.isArray(value) ? value.join(",") : value;
      };
      record.requests.push({
        authorization: header("authorization"),
        correlationVector: header("x-mrc-cv"),
        path: this.req.path,
      });
      const token = tokens[Math.min(record.requests.length - 1, tokens.length - 1)];
      return [200, { AccessToken: token }, { "MS-CV": `sts-cv-${record.requests.length}` }];
    });
  return record;
}

/** A client using an account key, with fast retries. */
export function keyClient(options: RemoteRenderingClientOptions = {}): RemoteRenderingClient {
  return new RemoteRenderingClient(endpoint, accountId, accountDomain, new AzureKeyCredential(accountKey), {
    ...fastRetry,
    ...options,
  });
}

/** A client using a ready access token, with fast retries (no token service involved). */
export function tokenClient(
  token = freshJwt("static"),
  options: RemoteRenderingClientOptions = {},
): RemoteRenderingClient {
  return new RemoteRenderingClient(
    endpoint,
    accountId,
    { token, expiresOnTimestamp: Date.now() + 3_600_000 },
    { ...fastRetry, ...options },
  );
}

/** A session body as the service sends it; Starting sessions carry port 0 and no hostname. */
export function sessionBody(
  id: string,
  status: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const ready = status === "Ready";
  return {
    id,
    creationTime: "2021-01-29T16:04:29.1569219+00:00",
    arrInspectorPort: ready ? 55669 : 0,
    handshakePort: ready ? 53197 : 0,
    elapsedTimeMinutes: 0,
    hostname: ready ? "1-2.remoterendering.vm.eastus.mixedreality.azure.com" : null,
    maxLeaseTimeMinutes: 10,
    size: "Standard",
    status,
    teraflops: ready ? 10.6 : 0,
    error: null,
    ...extra,
  };
}

/** A conversion body as the service sends it. */
export function conversionBody(
  id: string,
  status: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    creationTime: "2021-01-29T15:54:31.0391846Z",
    settings: {
      inputLocation: {
        storageContainerUri: "https://store.blob.core.windows.net/input",
        blobPrefix: "Input/",
        relativeInputAssetPath: "box.fbx",
      },
      outputLocation: {
        storageContainerUri: "https://store.blob.core.windows.net/output",
        blobPrefix: "Output/",
        outputAssetFilename: "box.arrAsset",
      },
    },
    error: null,
    status,
    ...(status === "Succeeded"
      ? { output: { outputAssetUri: "https://store.blob.core.windows.net/output/Output/box.arrAsset" } }
      : {}),
    ...extra,
  };
}

/** Conversion settings matching conversionBody. */
export const conversionSettings = {
  inputSettings: {
    storageContainerUrl: "https://store.blob.core.windows.net/input",
    relativeInputAssetPath: "box.fbx",
    blobPrefix: "Input/",
  },
  outputSettings: {
    storageContainerUrl: "https://store.blob.core.windows.net/output",
    blobPrefix: "Output/",
    outputAssetFilename: "box.arrAsset",
  },
};

/** A fake clock as installed by installClock. */
export type InstalledClock = ReturnType<typeof FakeTimers.install>;

/** Installs fake timers (setTimeout, clearTimeout, Date) starting at the real current time. */
export function installClock(): InstalledClock {
  return FakeTimers.install({ now: Date.now(), toFake: ["setTimeout", "clearTimeout", "Date"] });
}

/** Lets real I/O (nock replies) and promise callbacks run. */
export async function flushIo(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

// Captured before any test installs fake timers: waits on real time when nothing is scheduled yet.
const realSetTimeout = globalThis.setTimeout;
const realWait = (ms: number): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, ms));

/**
 * Steps the fake clock until a condition holds: lets real I/O (nock replies) settle, then jumps to the
 * next fake timer; when no timer is scheduled, waits a little real time for I/O on a busy machine.
 * Fails after `deadlineInMs` of real time.
 */
export async function advanceUntil(
  clock: InstalledClock,
  condition: () => boolean,
  deadlineInMs = 10_000,
): Promise<void> {
  const deadline = performance.now() + deadlineInMs;
  while (performance.now() < deadline) {
    await flushIo();
    if (condition()) {
      return;
    }
    if (clock.countTimers() > 0) {
      await clock.nextAsync();
    } else {
      await realWait(2);
    }
  }
  throw new Error(`The condition did not hold within ${deadlineInMs} ms of real time.`);
}

/** Runs a promise to completion under fake timers (see advanceUntil) and returns its outcome. */
export async function drive<T>(clock: InstalledClock, promise: Promise<T>): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await advanceUntil(clock, () => settled);
  return promise;
}

/** The error a promise rejects with (fails when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) {
      return error;
    }
    throw new Error(`Rejected with a non-Error: ${String(error)}`);
  }
  throw new Error("Expected a rejection, but the promise resolved.");
}

/** Counts every request to the service and the token service; none may happen for bad input. */
export function countRequests(): { count: () => number } {
  let count = 0;
  const hit = (): [number, object] => {
    count += 1;
    return [500, {}];
  };
  for (const url of [endpoint, stsUrl]) {
    const scope = nock(url).persist();
    scope
      .get(() => true)
      .query(true)
      .reply(hit);
    scope
      .put(() => true)
      .query(true)
      .reply(hit);
    scope
      .patch(() => true)
      .query(true)
      .reply(hit);
    scope
      .post(() => true)
      .query(true)
      .reply(hit);
  }
  return { count: () => count };
}

/** Resets nock between tests. */
export function resetNock(): void {
  nock.cleanAll();
}
