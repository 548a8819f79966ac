// The public RemoteRenderingClient against the emulator, over real HTTP on loopback.
import assert from "node:assert/strict";
import { isRestError, RemoteRenderingServiceError, type RenderingSession } from "../../src/index";
import type { WireSession } from "../../src/emulator/operations/wireTypes";
import { clientFor, requestLines } from "./support/clientHarness";
import { MINUTE_IN_MS, startHarness, type Harness } from "./support/emulatorHarness";

const STARTUP_IN_MS = 60_000;

function conversionSettings(inputPath: string) {
  return {
    inputSettings: {
      storageContainerUrl: "https://contoso.blob.core.windows.net/input",
      storageContainerReadListSas: "sv=2020&sig=read",
      blobPrefix: "models",
      relativeInputAssetPath: inputPath,
    },
    outputSettings: {
      storageContainerUrl: "https://contoso.blob.core.windows.net/output",
      storageContainerWriteSas: "sv=2020&sig=write",
    },
  };
}

describe("RemoteRenderingClient against the emulator", () => {
  let harness: Harness;
  beforeEach(async () => {
    // The manual clock starts at the real time, so the client's view of token expiry matches.
    harness = await startHarness({ conversionRetryAfterInSeconds: 0 }, Date.now());
  });
  afterEach(async () => {
    await harness.close();
  });

  it("runs a session from creation to Ready, extends it, lists it and stops it", async () => {
    const client = clientFor(harness);
    const poller = client.beginSession(
      "client-life",
      { maxLeaseTimeInMinutes: 10, size: "Standard" },
      { intervalInMs: 1 },
    );
    let advanced = false;
    poller.onProgress((state) => {
      if (!advanced && state.latestResponse?.status === "Starting") {
        advanced = true;
        harness.clock.advance(STARTUP_IN_MS);
      }
    });
    const ready = await poller.pollUntilDone();
    assert.equal(ready.status, "Ready");
    assert.ok(ready.handshakePort >= 49152 && ready.arrInspectorPort <= 65534);
    assert.match(ready.hostname, /\.remoterendering\.vm\.emulator\.localhost$/);
    assert.equal(ready.teraflops, 10.6);
    assert.ok(ready.createdOn instanceof Date);

    harness.clock.advance(2 * MINUTE_IN_MS);
    const extended = await client.updateSession("client-life", { maxLeaseTimeInMinutes: 20 });
    assert.equal(extended.maxLeaseTimeInMinutes, 20);
    assert.equal(extended.elapsedTimeInMinutes, 2);

    const listed: RenderingSession[] = [];
    for await (const session of client.listSessions()) listed.push(session);
    assert.deepEqual(
      listed.map((session) => session.sessionId),
      ["client-life"],
    );

    await client.endSession("client-life");
    const stopped = await client.getSession("client-life");
    assert.equal(stopped.status, "Stopped");
    const after: RenderingSession[] = [];
    for await (const session of client.listSessions()) after.push(session);
    assert.deepEqual(after, []);
  });

  it("gets 200 for a retried create and a 409 RestError for other settings", async () => {
    const client = clientFor(harness);
    await harness.call("PUT", "/sessions/client-retry", {
      body: { maxLeaseTimeMinutes: 5, size: "Standard" },
    });
    harness.clock.advance(STARTUP_IN_MS);
    const again = await client
      .beginSession("client-retry", { maxLeaseTimeInMinutes: 5, size: "Standard" }, { intervalInMs: 1 })
      .pollUntilDone();
    assert.equal(again.status, "Ready");
    assert.equal(
      requestLines(harness, "PUT", "/sessions/client-retry").filter((line) => line.includes(" 200 ")).length,
      1,
    );
    await assert.rejects(
      client
        .beginSession("client-retry", { maxLeaseTimeInMinutes: 6, size: "Standard" }, { intervalInMs: 1 })
        .pollUntilDone(),
      (error: unknown) => {
        assert.ok(isRestError(error));
        assert.equal(error.statusCode, 409);
        assert.equal(error.code, "Conflict");
        return true;
      },
    );
  });

  it("sees a session expire once its lease has passed", async () => {
    const client = clientFor(harness);
    const poller = client.beginSession(
      "client-expiring",
      { maxLeaseTimeInMinutes: 1, size: "Standard" },
      { intervalInMs: 1 },
    );
    await poller.submitted();
    harness.clock.advance(STARTUP_IN_MS);
    await poller.pollUntilDone();
    harness.clock.advance(MINUTE_IN_MS);
    const expired = await client.getSession("client-expiring");
    assert.equal(expired.status, "Expired");
    assert.equal(expired.elapsedTimeInMinutes, 1);
  });

  it("rejects the session poller with the service's error when the session fails to start", async () => {
    harness.emulator.faults.add({ kind: "session-start-failure", count: 1 });
    const client = clientFor(harness);
    const poller = client.beginSession(
      "client-doomed",
      { maxLeaseTimeInMinutes: 5, size: "Standard" },
      { intervalInMs: 1 },
    );
    await poller.submitted();
    harness.clock.advance(STARTUP_IN_MS);
    await assert.rejects(poller.pollUntilDone(), (error: unknown) => {
      assert.ok(error instanceof RemoteRenderingServiceError, String(error));
      assert.equal(error.code, "SessionStartFailed");
      return true;
    });
  });

  it("pages through sessions with byPage()", async () => {
    await harness.close();
    harness = await startHarness({ pageSize: 7 }, Date.now());
    for (let i = 0; i < 20; i += 1) {
      await harness.call("PUT", `/sessions/page-${i}`, {
        body: { maxLeaseTimeMinutes: 5, size: "Standard" },
      });
    }
    const client = clientFor(harness);
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const page of client.listSessions().byPage()) {
      sizes.push(page.length);
      ids.push(...page.map((session) => session.sessionId));
    }
    assert.deepEqual(sizes, [7, 7, 6]);
    assert.deepEqual(
      ids,
      Array.from({ length: 20 }, (_, i) => `page-${i}`),
    );
  });

  it("converts an asset to Succeeded with its output URL", async () => {
    const client = clientFor(harness);
    const poller = client.beginConversion("client-conversion", conversionSettings("house.fbx"), {
      intervalInMs: 1,
    });
    let advanced = false;
    poller.onProgress((state) => {
      if (!advanced && state.latestResponse !== undefined) {
        advanced = true;
        harness.clock.advance(40_000);
      }
    });
    const done = await poller.pollUntilDone();
    assert.equal(done.status, "Succeeded");
    assert.equal(done.outputAssetUri, "https://contoso.blob.core.windows.net/output/house.arrAsset");
    const listed = [];
    for await (const conversion of client.listConversions()) listed.push(conversion.conversionId);
    assert.deepEqual(listed, ["client-conversion"]);
  });

  it("rejects the conversion poller with ConversionProcessFailed for a missing asset", async () => {
    const client = clientFor(harness);
    const poller = client.beginConversion("client-missing", conversionSettings("boxWhichDoesNotExist.fbx"), {
      intervalInMs: 1,
    });
    await poller.submitted();
    harness.clock.advance(40_000);
    await assert.rejects(poller.pollUntilDone(), (error: unknown) => {
      assert.ok(error instanceof RemoteRenderingServiceError, String(error));
      assert.equal(error.code, "ConversionProcessFailed");
      return true;
    });
    const failed = await client.getConversion("client-missing");
    assert.equal(failed.status, "Failed");
  });

  it("reports 403 DelegatedResourceAccessError when no SAS is given for unlinked storage", async () => {
    const client = clientFor(harness);
    const settings = conversionSettings("house.fbx");
    delete (settings.inputSettings as { storageContainerReadListSas?: string }).storageContainerReadListSas;
    await assert.rejects(
      client.beginConversion("client-no-access", settings, { intervalInMs: 1 }).pollUntilDone(),
      (error: unknown) => {
        assert.ok(isRestError(error));
        assert.equal(error.statusCode, 403);
        assert.equal(error.code, "DelegatedResourceAccessError");
        return true;
      },
    );
  });

  for (const kind of ["throttle", "internal-error", "unavailable", "reset", "delay"] as const) {
    it(`recovers from ${kind} faults on the data plane`, async () => {
      const client = clientFor(harness);
      await client.getConversion("nothing").catch(() => undefined); // fetch the token first
      harness.emulator.faults.add({
        kind,
        count: 2,
        operations: ["GetSession"],
        retryAfterInSeconds: 0,
        ...(kind === "delay" ? { delayInMs: 20 } : {}),
      });
      await harness.call("PUT", "/sessions/faulty", { body: { maxLeaseTimeMinutes: 5, size: "Standard" } });
      const session = await client.getSession("faulty");
      assert.equal(session.status, "Starting");
      const gets = requestLines(harness, "GET", "/sessions/faulty");
      if (kind === "delay") {
        assert.deepEqual(
          gets.map((line) => line.split(" ")[3]),
          ["200"],
          "a delayed answer needs no retry",
        );
        assert.ok(gets[0]?.endsWith("fault=delay"));
      } else {
        assert.equal(gets.filter((line) => line.endsWith(`fault=${kind}`)).length, 2);
        assert.equal(gets.length, 3, "both faulted answers were retried");
      }
    });
  }

  it("recovers from a throttled token service", async () => {
    harness.emulator.faults.add({
      kind: "throttle",
      count: 1,
      operations: ["GetToken"],
      retryAfterInSeconds: 0,
    });
    const client = clientFor(harness);
    assert.deepEqual(
      await client
        .getConversion("nothing")
        .catch((error: unknown) => (isRestError(error) ? error.statusCode : error)),
      404,
    );
    // The harness's own token, the throttled exchange and its retry.
    assert.equal(requestLines(harness, "GET", "/token").length, 3);
  });

  it("refreshes its token after a 401 and retries once", async () => {
    await harness.close();
    harness = await startHarness({ tokenLifetimeInSeconds: 3600 }, Date.now());
    const client = clientFor(harness);
    await harness.call("PUT", "/sessions/refresh", { body: { maxLeaseTimeMinutes: 500, size: "Standard" } });
    assert.equal((await client.getSession("refresh")).status, "Starting");
    harness.clock.advance(2 * 3600 * 1000);
    const later = await client.getSession("refresh");
    assert.equal(later.status, "Ready");
    const gets = requestLines(harness, "GET", "/sessions/refresh");
    assert.deepEqual(
      gets.map((line) => line.split(" ")[3]),
      ["200", "401", "200"],
    );
    // The harness's own token, the client's first one and the refreshed one.
    assert.equal(requestLines(harness, "GET", "/token").length, 3);
  });

  it("shares one token exchange among 64 concurrent first calls", async () => {
    const client = clientFor(harness);
    await harness.call("PUT", "/sessions/shared", { body: { maxLeaseTimeMinutes: 5, size: "Standard" } });
    const sessions = await Promise.all(Array.from({ length: 64 }, () => client.getSession("shared")));
    assert.ok(sessions.every((session) => session.sessionId === "shared"));
    assert.equal(
      requestLines(harness, "GET", "/token").length,
      2,
      "the harness's own token and one for the client",
    );
  });

  it("reads what the emulator sends for every session status", async () => {
    const client = clientFor(harness);
    harness.emulator.faults.add({ kind: "session-start-failure", count: 1 });
    await harness.call("PUT", "/sessions/st-error", { body: { maxLeaseTimeMinutes: 5, size: "Standard" } });
    await harness.call("PUT", "/sessions/st-expired", { body: { maxLeaseTimeMinutes: 0, size: "Standard" } });
    await harness.call("PUT", "/sessions/st-stopped", { body: { maxLeaseTimeMinutes: 5, size: "Premium" } });
    await harness.call("POST", "/sessions/st-stopped/:stop");
    harness.clock.advance(STARTUP_IN_MS);
    const statuses = await Promise.all(
      ["st-error", "st-expired", "st-stopped"].map((id) => client.getSession(id)),
    );
    assert.deepEqual(
      statuses.map((session) => session.status),
      ["Error", "Expired", "Stopped"],
    );
    const raw = (await harness.call("GET", "/sessions/st-error")).body as WireSession;
    assert.equal(raw.error?.code, "SessionStartFailed");
  });
});
