import assert from "node:assert/strict";
import nock from "nock";
import { RemoteRenderingServiceError, isRemoteRenderingRestError } from "../../src/index";
import {
  advanceUntil,
  apiQuery,
  conversionBody,
  conversionSettings,
  conversionsPath,
  drive,
  endpoint,
  flushIo,
  installClock,
  rejectionOf,
  resetNock,
  tokenClient,
} from "./support/clientTestKit";
import type { InstalledClock } from "./support/clientTestKit";

interface ConversionMock {
  pollTimes: number[];
  creates: unknown[];
}

/** Mocks creation and status requests; each poll is a body or [body, headers]. */
function mockConversion(
  created: object,
  polls: Array<object | [object, Record<string, string>]>,
  id = "c1",
): ConversionMock {
  const mock: ConversionMock = { pollTimes: [], creates: [] };
  const scope = nock(endpoint);
  scope
    .put(`${conversionsPath}/${id}`)
    .query(apiQuery)
    .reply((_uri, body) => {
      mock.creates.push(body);
      return [201, created, { "MS-CV": "cv-create" }];
    });
  for (const poll of polls) {
    const [body, headers] = Array.isArray(poll) ? poll : [poll, {}];
    scope
      .get(`${conversionsPath}/${id}`)
      .query(apiQuery)
      .reply(() => {
        mock.pollTimes.push(Date.now());
        return [200, body, { "MS-CV": `cv-poll-${mock.pollTimes.length}`, ...headers }];
      });
  }
  return mock;
}

const gaps = (times: number[]): number[] => times.slice(1).map((time, index) => time - (times[index] ?? 0));

describe("RemoteRenderingClient conversions", () => {
  let clock: InstalledClock;
  beforeEach(() => {
    clock = installClock();
  });
  afterEach(() => {
    clock.uninstall();
    resetNock();
  });

  it("starts a conversion and completes with the output asset URI, polling every 10 s", async () => {
    const mock = mockConversion(conversionBody("c1", "NotStarted"), [
      conversionBody("c1", "NotStarted"),
      conversionBody("c1", "Running"),
      conversionBody("c1", "Succeeded"),
    ]);
    const conversion = await drive(
      clock,
      tokenClient().beginConversion("c1", conversionSettings).pollUntilDone(),
    );
    assert.equal(conversion.status, "Succeeded");
    assert.equal(conversion.outputAssetUri, "https://store.blob.core.windows.net/output/Output/box.arrAsset");
    assert.deepEqual(mock.creates, [
      {
        settings: {
          inputLocation: {
            storageContainerUri: "https://store.blob.core.windows.net/input",
            relativeInputAssetPath: "box.fbx",
            blobPrefix: "Input/",
          },
          outputLocation: {
            storageContainerUri: "https://store.blob.core.windows.net/output",
            blobPrefix: "Output/",
            outputAssetFilename: "box.arrAsset",
          },
        },
      },
    ]);
    assert.deepEqual(gaps(mock.pollTimes), [10_000, 10_000]);
  });

  it("rejects with the service's error details when the conversion Failed", async () => {
    const error = {
      code: "ConversionProcessFailed",
      message: "Invalid input",
      details: [{ code: "Missing", message: "box.fbx" }],
    };
    mockConversion(conversionBody("c1", "NotStarted"), [conversionBody("c1", "Failed", { error })]);
    const poller = tokenClient().beginConversion("c1", conversionSettings);
    const failure = await drive(clock, rejectionOf(poller.pollUntilDone()));
    assert.ok(failure instanceof RemoteRenderingServiceError);
    assert.equal(failure.code, "ConversionProcessFailed");
    assert.deepEqual(failure.details, [{ code: "Missing", message: "box.fbx" }]);
    assert.equal(failure.msCv, "cv-poll-1");
    assert.equal(poller.operationState?.latestResponse?.status, "Failed");
  });

  it("rejects saying so when the conversion was Cancelled, and on unknown statuses", async () => {
    mockConversion(conversionBody("c1", "Running"), [conversionBody("c1", "Cancelled")]);
    const cancelled = await drive(
      clock,
      rejectionOf(tokenClient().beginConversion("c1", conversionSettings).pollUntilDone()),
    );
    assert.match(cancelled.message, /"c1" was cancelled/);

    mockConversion(conversionBody("c2", "Running"), [conversionBody("c2", "Paused")], "c2");
    const unknown = await drive(
      clock,
      rejectionOf(tokenClient().beginConversion("c2", conversionSettings).pollUntilDone()),
    );
    assert.match(unknown.message, /"Paused".*does not know/);
  });

  it("stops polling on abort, with no further request to the service", async () => {
    const mock = mockConversion(conversionBody("c1", "NotStarted"), [
      conversionBody("c1", "Running"),
      conversionBody("c1", "Running"),
      conversionBody("c1", "Succeeded"),
    ]);
    const controller = new AbortController();
    const poller = tokenClient().beginConversion("c1", conversionSettings, {
      abortSignal: controller.signal,
    });
    const done = rejectionOf(poller.pollUntilDone());
    await advanceUntil(clock, () => mock.pollTimes.length === 1);
    controller.abort();
    const error = await drive(clock, done);
    assert.equal(error.name, "AbortError");
    await clock.tickAsync(60_000);
    await flushIo();
    assert.equal(mock.pollTimes.length, 1);
    assert.equal(mock.creates.length, 1);
  });

  it("honours Retry-After on status requests, capped at 60 s", async () => {
    const mock = mockConversion(conversionBody("c1", "NotStarted"), [
      [conversionBody("c1", "Running"), { "Retry-After": "3" }],
      [conversionBody("c1", "Running"), { "Retry-After": "86400" }],
      conversionBody("c1", "Running"),
      conversionBody("c1", "Running"),
      conversionBody("c1", "Succeeded"),
    ]);
    await drive(clock, tokenClient().beginConversion("c1", conversionSettings).pollUntilDone());
    // Without a header the regular 10 s interval applies again.
    assert.deepEqual(gaps(mock.pollTimes), [3_000, 60_000, 10_000, 10_000]);
  });

  it("ignores zero, negative and unreadable Retry-After values instead of hot-looping", async () => {
    const mock = mockConversion(conversionBody("c1", "NotStarted"), [
      [conversionBody("c1", "Running"), { "Retry-After": "0" }],
      [conversionBody("c1", "Running"), { "Retry-After": "-5" }],
      [conversionBody("c1", "Running"), { "Retry-After": "soon" }],
      conversionBody("c1", "Succeeded"),
    ]);
    await drive(clock, tokenClient().beginConversion("c1", conversionSettings).pollUntilDone());
    assert.deepEqual(gaps(mock.pollTimes), [10_000, 10_000, 10_000]);
  });

  it("rejects with a RestError 403 when creation is refused", async () => {
    nock(endpoint)
      .put(`${conversionsPath}/c1`)
      .query(apiQuery)
      .reply(
        403,
        { error: { code: "DelegatedResourceAccessError", message: "no storage rights" } },
        { "MS-CV": "cv-403" },
      );
    const poller = tokenClient().beginConversion("c1", conversionSettings);
    const error = await drive(clock, rejectionOf(poller.pollUntilDone()));
    assert.ok(isRemoteRenderingRestError(error));
    assert.equal(error.statusCode, 403);
    assert.equal(error.code, "DelegatedResourceAccessError");
    assert.equal(error.details.msCv, "cv-403");
    assert.equal((await rejectionOf(poller.serialize())).message, error.message);
  });

  it("resumes from serialized state without starting the conversion again", async () => {
    const mock = mockConversion(conversionBody("c1", "NotStarted"), [conversionBody("c1", "Running")]);
    const first = tokenClient().beginConversion("c1", conversionSettings, { intervalInMs: 500 });
    await drive(clock, first.poll());
    const saved = await drive(clock, first.serialize());
    nock(endpoint).get(`${conversionsPath}/c1`).query(apiQuery).reply(200, conversionBody("c1", "Succeeded"));
    const resumed = tokenClient().beginConversion({ resumeFrom: saved, intervalInMs: 500 });
    const conversion = await drive(clock, resumed.pollUntilDone());
    assert.equal(conversion.conversionId, "c1");
    assert.equal(mock.creates.length, 1);
    assert.throws(() => tokenClient().beginSession({ resumeFrom: saved }), RangeError);
  });

  it("reads one conversion and lists them page by page", async () => {
    nock(endpoint)
      .get(`${conversionsPath}/c1`)
      .query(apiQuery)
      .reply(200, conversionBody("c1", "Running"))
      .get(conversionsPath)
      .query(apiQuery)
      .reply(200, {
        conversions: [conversionBody("a", "Succeeded")],
        "@nextLink": `${conversionsPath}?skip=1`,
      })
      .get(conversionsPath)
      .query({ skip: "1", "api-version": "2021-01-01" })
      .reply(200, { conversions: [conversionBody("b", "Failed", { error: { code: "X", message: "y" } })] });
    const client = tokenClient();
    assert.equal((await drive(clock, client.getConversion("c1"))).status, "Running");
    const listed = await drive(
      clock,
      (async () => {
        const statuses: string[] = [];
        for await (const conversion of client.listConversions()) {
          statuses.push(`${conversion.conversionId}:${conversion.status}`);
        }
        return statuses;
      })(),
    );
    assert.deepEqual(listed, ["a:Succeeded", "b:Failed"]);
  });

  it("throws a RestError 404 for a conversion that does not exist", async () => {
    nock(endpoint)
      .get(`${conversionsPath}/nope`)
      .query(apiQuery)
      .reply(404, { error: { code: "NotFound", message: "no such conversion" } }, { "MS-CV": "cv-404" });
    const error = await drive(clock, rejectionOf(tokenClient().getConversion("nope")));
    assert.ok(isRemoteRenderingRestError(error) && error.statusCode === 404 && error.code === "NotFound");
  });
});
