// Reliability: property-based bad input (fast-check) to every public method, constructor and
// option bag. Each must throw (or reject with) a TypeError or RangeError before any request: the
// client points at a loopback server that counts every request it gets, data plane and token
// service alike, and answers 400 so that nothing waits.
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  AzureKeyCredential,
  RemoteRenderingClient,
  findClosestRegion,
  keepSessionAlive,
  openRenderingSession,
  remoteRenderingEndpoint,
} from "../../src/index";
import { startCountingServer, type CountingServer } from "./support/countingServer";

const ACCOUNT_ID = "5f1c8d2a-3b47-4e69-9a0d-7c2e4b6f8a13";
const ACCOUNT_DOMAIN = "eastus.mixedreality.azure.com";
const RUNS = 60;

// ---- arbitraries of bad values ----
const notString = fc.anything().filter((value) => typeof value !== "string");
const notObject = fc
  .anything()
  .filter((value) => typeof value !== "object" || value === null || Array.isArray(value));
const badId = fc.oneof(
  notString,
  fc.string({ maxLength: 40 }).filter((text) => !/^[A-Za-z0-9_-]{1,256}$/.test(text)),
  fc.integer({ min: 257, max: 400 }).map((length) => "a".repeat(length)),
);
const badLease = fc.oneof(
  fc.integer({ min: 1441 }),
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.anything().filter((value) => typeof value !== "number"),
);
const badSize = fc.anything().filter((value) => value !== "Standard" && value !== "Premium");
const goodLease = fc.integer({ min: 0, max: 1440 });
const badSessionSettings = fc.oneof(
  notObject,
  fc.record({ maxLeaseTimeInMinutes: badLease, size: fc.constant("Standard") }),
  fc.record({ maxLeaseTimeInMinutes: goodLease, size: badSize }),
);
const badInterval = fc.oneof(
  fc.double({ max: 0.999, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
  fc.anything().filter((value) => typeof value !== "number" && value !== undefined),
);
/** Option bags that no operation accepts (issue 11 item 6). */
/** Bags that are not objects, or hold an abortSignal that is not an AbortSignalLike. */
const badOptionBags = fc.oneof(
  fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
  fc.record({ abortSignal: fc.anything().filter((value) => value !== undefined) }),
);
/** The above, or an onResponse that is not a function (operations with a request of their own). */
const badOperationOptions = fc.oneof(
  badOptionBags,
  fc.record({
    onResponse: fc.anything().filter((value) => value !== undefined && typeof value !== "function"),
  }),
);
const badHttpsUrl = fc.oneof(
  notString,
  fc.string().filter((text) => !text.startsWith("https://")),
  fc.constantFrom(
    "http://storage.example/input",
    "ftp://storage.example/input",
    "//storage.example/x",
    "https://",
  ),
);
const goodInput = {
  storageContainerUrl: "https://reliability.blob.core.windows.net/input",
  relativeInputAssetPath: "box.fbx",
};
const goodOutput = { storageContainerUrl: "https://reliability.blob.core.windows.net/output" };
const badConversionSettings = fc.oneof(
  notObject,
  fc.record({ inputSettings: notObject, outputSettings: fc.constant(goodOutput) }),
  fc.record({ inputSettings: fc.constant(goodInput), outputSettings: notObject }),
  badHttpsUrl.map((url) => ({
    inputSettings: { ...goodInput, storageContainerUrl: url },
    outputSettings: goodOutput,
  })),
  badHttpsUrl.map((url) => ({ inputSettings: goodInput, outputSettings: { storageContainerUrl: url } })),
  fc.oneof(notString, fc.constant("")).map((path) => ({
    inputSettings: { ...goodInput, relativeInputAssetPath: path },
    outputSettings: goodOutput,
  })),
  fc
    .oneof(
      notString.filter((value) => value !== undefined),
      fc.string().filter((name) => !name.endsWith(".arrAsset")),
    )
    .map((name) => ({
      inputSettings: goodInput,
      outputSettings: { ...goodOutput, outputAssetFilename: name },
    })),
);
/** A SAS or user info inside a container URL (issue 11 item 5). */
const secretInContainerUrl = fc
  .constantFrom(
    "https://reliability.blob.core.windows.net/input?sv=2020-08-04&sig=abc",
    "https://user:pw@reliability.blob.core.windows.net/input",
  )
  .chain((url) =>
    fc.constantFrom(
      { inputSettings: { ...goodInput, storageContainerUrl: url }, outputSettings: goodOutput },
      { inputSettings: goodInput, outputSettings: { storageContainerUrl: url } },
    ),
  );

// ---- checking one call ----
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** Runs `action` to its first effect: awaits promises and pollers, reads the first page of lists. */
async function outcomeOf(action: () => unknown): Promise<unknown> {
  try {
    const result = action();
    const iterator = result as { next?: unknown; byPage?: unknown } | null;
    if (typeof iterator?.next === "function" && typeof iterator.byPage === "function") {
      await (result as AsyncIterator<unknown>).next();
    } else if (isThenable(result)) {
      await result;
    } else if (typeof (result as { stop?: unknown } | null)?.stop === "function") {
      await (result as { stop(): Promise<unknown> }).stop();
    }
    return undefined;
  } catch (error) {
    return error;
  }
}

async function refusedBeforeAnyRequest(server: CountingServer, action: () => unknown): Promise<void> {
  const before = server.requests.length;
  const error = await outcomeOf(action);
  const sent = server.requests.slice(before);
  assert.ok(
    error instanceof TypeError || error instanceof RangeError,
    `expected a TypeError or RangeError, got ${error === undefined ? "success" : String(error)}`,
  );
  assert.deepEqual(sent, [], `requests were sent before the error: ${String(error)}`);
}

function check<T>(
  server: CountingServer,
  arbitrary: fc.Arbitrary<T>,
  call: (bad: T) => unknown,
): Promise<void> {
  return fc.assert(
    fc.asyncProperty(arbitrary, (bad) => refusedBeforeAnyRequest(server, () => call(bad))),
    { numRuns: RUNS },
  );
}

describe("reliability: bad input is refused before any request", function () {
  this.timeout(60_000);
  let server: CountingServer;
  let client: RemoteRenderingClient;
  const settings = { maxLeaseTimeInMinutes: 30, size: "Standard" } as const;
  const conversion = { inputSettings: goodInput, outputSettings: goodOutput };

  before(async () => {
    server = await startCountingServer();
    client = new RemoteRenderingClient(
      server.url,
      ACCOUNT_ID,
      ACCOUNT_DOMAIN,
      new AzureKeyCredential("key-1234567890"),
      {
        authenticationEndpointUrl: server.url,
        allowInsecureConnection: true,
        retryOptions: { maxRetries: 0 },
      },
    );
  });
  after(() => server.close());

  it("the constructor: endpoint, account id, account domain, credential", async () => {
    const make = (endpoint: unknown, accountId: unknown, domain: unknown, credential: unknown): unknown =>
      new RemoteRenderingClient(
        endpoint as string,
        accountId as string,
        domain as string,
        credential as AzureKeyCredential,
      );
    const key = new AzureKeyCredential("key");
    const endpoint = "https://remoterendering.eastus.mixedreality.azure.com";
    await check(server, badHttpsUrl, (bad) => make(bad, ACCOUNT_ID, ACCOUNT_DOMAIN, key));
    await check(server, fc.oneof(notString, fc.string()), (bad) => make(endpoint, bad, ACCOUNT_DOMAIN, key));
    await check(
      server,
      fc.oneof(
        notString,
        fc.string().filter((text) => !/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(text)),
      ),
      (bad) => make(endpoint, ACCOUNT_ID, bad, key),
    );
    await check(
      server,
      fc.anything().filter((value) => typeof value !== "object" || value === null),
      (bad) => make(endpoint, ACCOUNT_ID, ACCOUNT_DOMAIN, bad),
    );
  });

  it("the constructor's options: apiVersion, retryOptions, endpoint/baseUrl, insecure hosts, empty tokens (issue 11 item 6)", async () => {
    const endpoint = "https://remoterendering.eastus.mixedreality.azure.com";
    const key = new AzureKeyCredential("key");
    const badOptions = fc.oneof(
      fc.constantFrom("x&evil=1", "", "2021-01-01#", " 2021-01-01").map((apiVersion) => ({ apiVersion })),
      fc.oneof(fc.integer({ max: -1 }), fc.constant("3"), fc.constant(Number.NaN)).map((maxRetries) => ({
        retryOptions: { maxRetries },
      })),
      fc.constantFrom({ endpoint: "https://elsewhere.example" }, { baseUrl: "https://elsewhere.example" }),
    );
    await check(
      server,
      badOptions,
      (options) => new RemoteRenderingClient(endpoint, ACCOUNT_ID, ACCOUNT_DOMAIN, key, options as object),
    );
    await check(
      server,
      fc.constantFrom("http://example.com", "http://10.0.0.1:8080"),
      (url) =>
        new RemoteRenderingClient(url, ACCOUNT_ID, ACCOUNT_DOMAIN, key, { allowInsecureConnection: true }),
    );
    await check(
      server,
      fc.constantFrom(
        { token: "", expiresOnTimestamp: Date.now() + 60_000 },
        { token: "t", expiresOnTimestamp: Number.NaN },
      ),
      (token) => new RemoteRenderingClient(endpoint, ACCOUNT_ID, token),
    );
  });

  it("session methods: ids, settings and polling intervals", async () => {
    await check(server, badId, (id) => client.getSession(id as string));
    await check(server, badId, (id) => client.endSession(id as string));
    await check(server, badId, (id) => client.updateSession(id as string, { maxLeaseTimeInMinutes: 60 }));
    await check(
      server,
      fc.oneof(
        notObject,
        badLease.map((lease) => ({ maxLeaseTimeInMinutes: lease })),
      ),
      (bad) => client.updateSession("s", bad as { maxLeaseTimeInMinutes: number }),
    );
    await check(server, badId, (id) => client.beginSession(id as string, settings));
    await check(server, badSessionSettings, (bad) => client.beginSession("s", bad as typeof settings));
    await check(server, fc.oneof(notString, fc.string()), (saved) =>
      client.beginSession({ resumeFrom: saved as string }),
    );
    await check(server, badId, (id) => client.keepSessionAlive(id as string));
    await check(server, badId, (id) => client.openSession(id as string, settings));
    await check(server, badSessionSettings, (bad) => client.openSession("s", bad as typeof settings));
    await check(server, badId, (id) => keepSessionAlive(client, id as string));
    await check(server, badSessionSettings, (bad) =>
      openRenderingSession(client, "s", bad as typeof settings),
    );
  });

  it("session polling and keep-alive intervals, null included (issue 11 item 6)", async () => {
    await check(server, badInterval, (interval) =>
      client.beginSession("s", settings, { intervalInMs: interval as number }),
    );
    await check(server, badInterval, (interval) =>
      client.keepSessionAlive("s", { intervalInMs: interval as number }),
    );
  });

  it("conversion methods: ids, settings and polling intervals", async () => {
    await check(server, badId, (id) => client.getConversion(id as string));
    await check(server, badId, (id) => client.beginConversion(id as string, conversion));
    await check(server, badConversionSettings, (bad) =>
      client.beginConversion("c", bad as typeof conversion),
    );
    await check(server, badInterval, (interval) =>
      client.beginConversion("c", conversion, { intervalInMs: interval as number }),
    );
    await check(server, fc.oneof(notString, fc.string()), (saved) =>
      client.beginConversion({ resumeFrom: saved as string }),
    );
  });

  it("container URLs holding a SAS or user info (issue 11 item 5)", async () => {
    await check(server, secretInContainerUrl, (bad) => client.beginConversion("c", bad));
  });

  it("the option bag of every operation (issue 11 item 6)", async () => {
    type Options = Record<string, unknown>;
    const calls: Array<(options: Options) => unknown> = [
      (options) => client.getSession("s", options),
      (options) => client.updateSession("s", { maxLeaseTimeInMinutes: 60 }, options),
      (options) => client.endSession("s", options),
      (options) => client.listSessions(options),
      (options) => client.beginSession("s", settings, options),
      (options) => client.getConversion("c", options),
      (options) => client.listConversions(options),
      (options) => client.beginConversion("c", conversion, options),
      (options) => client.openSession("s", settings, options),
    ];
    for (const call of calls) await check(server, badOperationOptions, (bad) => call(bad as Options));
    // KeepSessionAliveOptions has no onResponse (its renewals are updateSession calls).
    await check(server, badOptionBags, (bad) => client.keepSessionAlive("s", bad as Options));
  });

  it("remoteRenderingEndpoint: region names", async () => {
    await check(
      server,
      fc.oneof(
        notString,
        fc.string().filter((text) => !/^[A-Za-z0-9]+$/.test(text)),
      ),
      (region) => remoteRenderingEndpoint(region as string),
    );
  });

  it("findClosestRegion: option bags (issue 11 item 6)", async () => {
    await check(
      server,
      fc.oneof(
        notObject.filter((value) => value !== undefined),
        fc.constant("x"),
      ),
      (options) => findClosestRegion(options as object),
    );
  });
});
