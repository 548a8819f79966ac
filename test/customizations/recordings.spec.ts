// Replays recordings of real traffic with the service (from the .NET SDK's tests) through the client:
// every request the client sends must match the recorded one (method, URL, JSON body), in order, and
// the client must make sense of every recorded answer. The token service is not in the recordings,
// so it is mocked.
import assert from "node:assert/strict";
import nock from "nock";
import {
  AzureKeyCredential,
  RemoteRenderingClient,
  RemoteRenderingServiceError,
  isRemoteRenderingRestError,
} from "../../src/index";
import type { AssetConversionSettings } from "../../src/index";
import { drive, fastRetry, freshJwt, installClock, rejectionOf, resetNock } from "./support/clientTestKit";
import type { InstalledClock } from "./support/clientTestKit";
import {
  netRecordingsAvailable,
  netRecordingsFolder,
  readNetRecordingFile,
  type NetRecordedEntry as RecordedEntry,
  type NetRecording as Recording,
} from "../support/netRecordings";

/** Queues the recorded answers in order; each answers only the exact recorded request. */
function replay(recording: Recording): nock.Scope[] {
  return recording.Entries.map((entry) => {
    const url = new URL(entry.RequestUri);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry.ResponseHeaders)) {
      // Bodies are re-serialized, so recorded lengths and dates no longer apply.
      if (!["content-length", "date"].includes(name.toLowerCase())) {
        headers[name] = value;
      }
    }
    const body =
      entry.RequestBody === null || entry.RequestBody === undefined || entry.RequestBody === ""
        ? undefined
        : (entry.RequestBody as nock.RequestBodyMatcher);
    const responseBody =
      Array.isArray(entry.ResponseBody) && entry.ResponseBody.length === 0 ? "" : entry.ResponseBody;
    return nock(url.origin)
      .intercept(`${url.pathname}${url.search}`, entry.RequestMethod, body)
      .reply(entry.StatusCode, responseBody as nock.Body, headers);
  });
}

function clientFor(recording: Recording): RemoteRenderingClient {
  const vars = recording.Variables;
  const accountId = vars["ARR_ACCOUNT_ID"] ?? "";
  const accountDomain = vars["ARR_ACCOUNT_DOMAIN"] ?? "";
  nock(`https://sts.${accountDomain}`)
    .get(`/Accounts/${accountId}/token`)
    .query({ "api-version": "2019-02-28-preview" })
    .reply(200, { AccessToken: freshJwt("recording") });
  return new RemoteRenderingClient(
    vars["ARR_SERVICE_ENDPOINT"] ?? "",
    accountId,
    accountDomain,
    new AzureKeyCredential("recording-key"),
    fastRetry,
  );
}

/** The public conversion settings that produce a recorded request body. */
function settingsFrom(entry: RecordedEntry): AssetConversionSettings {
  const wire = (entry.RequestBody as { settings: Record<string, Record<string, string>> }).settings;
  const input = wire["inputLocation"] ?? {};
  const output = wire["outputLocation"] ?? {};
  const optional = (source: Record<string, string>, from: string, to: string): Record<string, string> =>
    source[from] === undefined ? {} : { [to]: source[from] };
  return {
    inputSettings: {
      storageContainerUrl: input["storageContainerUri"] ?? "",
      relativeInputAssetPath: input["relativeInputAssetPath"] ?? "",
      ...optional(input, "blobPrefix", "blobPrefix"),
      ...optional(input, "storageContainerReadListSas", "storageContainerReadListSas"),
    },
    outputSettings: {
      storageContainerUrl: output["storageContainerUri"] ?? "",
      ...optional(output, "blobPrefix", "blobPrefix"),
      ...optional(output, "storageContainerWriteSas", "storageContainerWriteSas"),
    },
  };
}

function idOf(entry: RecordedEntry | undefined): string {
  return new URL(entry?.RequestUri ?? "https://x/").pathname.split("/").pop() ?? "";
}

describe("replay of recorded service traffic", function () {
  let clock: InstalledClock | undefined;

  before(function () {
    if (!netRecordingsAvailable()) {
      console.log(
        `Skipping the recording replays: ${netRecordingsFolder} is absent (shared/ is not next to the repository).`,
      );
      this.skip();
    }
  });
  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
    resetNock();
  });

  it("replays a session lifecycle: create, read, extend, wait for Ready, list, stop", async () => {
    const recording = readNetRecordingFile("TestSimpleSession.json");
    const scopes = replay(recording);
    const client = clientFor(recording);
    clock = installClock();
    const sessionId = idOf(recording.Entries[0]);

    const poller = client.beginSession(sessionId, { maxLeaseTimeInMinutes: 4, size: "Standard" });
    await drive(clock, poller.submitted());
    const starting = await drive(clock, client.getSession(sessionId));
    assert.equal(starting.status, "Starting");
    assert.ok(!("hostname" in starting) && !("handshakePort" in starting));
    assert.equal(starting.createdOn?.toISOString(), "2021-01-29T16:04:29.156Z");
    const extended = await drive(clock, client.updateSession(sessionId, { maxLeaseTimeInMinutes: 5 }));
    assert.equal(extended.maxLeaseTimeInMinutes, 5);

    const ready = await drive(clock, poller.pollUntilDone());
    assert.equal(
      ready.hostname,
      "977007394-13adf859-28b6-4b7f-a0c2-13f4497c15ef.remoterendering.vm.westeurope.mixedreality.azure.com",
    );
    assert.equal(ready.handshakePort, 53197);
    assert.equal(ready.arrInspectorPort, 55669);
    assert.equal(ready.teraflops, 10.6);

    const listed = await drive(
      clock,
      (async () => {
        const ids: string[] = [];
        for await (const session of client.listSessions()) ids.push(`${session.sessionId}:${session.status}`);
        return ids;
      })(),
    );
    assert.deepEqual(listed, [`${sessionId}:Ready`]);
    await drive(clock, client.endSession(sessionId));
    const stopped = await drive(clock, client.getSession(sessionId));
    assert.equal(stopped.status, "Stopped");
    assert.ok(
      scopes.every((scope) => scope.isDone()),
      "every recorded request was made",
    );
  });

  it("replays a successful conversion and the conversion list", async () => {
    const recording = readNetRecordingFile("TestSimpleConversion.json");
    const scopes = replay(recording);
    const client = clientFor(recording);
    clock = installClock();
    const first = recording.Entries[0] as RecordedEntry;
    const conversion = await drive(
      clock,
      client.beginConversion(idOf(first), settingsFrom(first)).pollUntilDone(),
    );
    assert.equal(
      conversion.outputAssetUri,
      "https://sdktest.blob.core.windows.net/test/Output/testBox.arrAsset",
    );
    assert.equal(conversion.settings.outputSettings.outputAssetFilename, "testBox.arrAsset");
    const statuses = await drive(
      clock,
      (async () => {
        const found: string[] = [];
        for await (const item of client.listConversions()) found.push(item.status);
        return found;
      })(),
    );
    assert.ok(statuses.includes("Succeeded") && statuses.includes("Failed"));
    assert.ok(scopes.every((scope) => scope.isDone()));
  });

  it("replays a failed conversion: the poller rejects with ConversionProcessFailed", async () => {
    const recording = readNetRecordingFile("TestFailedConversionsMissingAsset.json");
    const scopes = replay(recording);
    const client = clientFor(recording);
    clock = installClock();
    const first = recording.Entries[0] as RecordedEntry;
    const error = await drive(
      clock,
      rejectionOf(client.beginConversion(idOf(first), settingsFrom(first)).pollUntilDone()),
    );
    assert.ok(error instanceof RemoteRenderingServiceError);
    assert.equal(error.code, "ConversionProcessFailed");
    assert.equal(error.message, "Invalid input provided. Check logs in output container for details.");
    assert.equal(error.msCv, "Kn4vCLxnVU+BcLBefmY3NQ.0");
    assert.ok(scopes.every((scope) => scope.isDone()));
  });

  it("replays a conversion refused for missing storage rights: a RestError 403", async () => {
    const recording = readNetRecordingFile("TestFailedConversionsNoAccess.json");
    replay(recording);
    const client = clientFor(recording);
    clock = installClock();
    const first = recording.Entries[0] as RecordedEntry;
    const error = await drive(
      clock,
      rejectionOf(client.beginConversion(idOf(first), settingsFrom(first)).pollUntilDone()),
    );
    assert.ok(isRemoteRenderingRestError(error));
    assert.equal(error.statusCode, 403);
    assert.equal(error.code, "DelegatedResourceAccessError");
    assert.equal(error.details.msCv, "1ZKa7etFS02Ejuo3kLRV/g.0");
  });

  it("refuses the recorded negative lease before sending, and maps the recorded 400 answer", async () => {
    const recording = readNetRecordingFile("TestFailedSessionRequest.json");
    const entry = recording.Entries[0] as RecordedEntry;
    const client = clientFor(recording);
    assert.throws(
      () => client.beginSession(idOf(entry), { maxLeaseTimeInMinutes: -4, size: "Standard" }),
      RangeError,
    );
    // The service's own answer to that request, replayed for a request that passes validation.
    const url = new URL(entry.RequestUri);
    nock(url.origin)
      .put(url.pathname)
      .query(true)
      .reply(entry.StatusCode, entry.ResponseBody as nock.Body, entry.ResponseHeaders);
    clock = installClock();
    const error = await drive(
      clock,
      rejectionOf(
        client.beginSession(idOf(entry), { maxLeaseTimeInMinutes: 4, size: "Standard" }).pollUntilDone(),
      ),
    );
    assert.ok(isRemoteRenderingRestError(error));
    assert.equal(error.statusCode, 400);
    assert.equal(error.code, "BadRequest");
    assert.match(error.message, /The maxLeaseTimeMinutes value cannot be negative\./);
    assert.equal(error.details.msCv, "+4U9n+1jNUS1W/ipHGuszw.0");
  });
});
