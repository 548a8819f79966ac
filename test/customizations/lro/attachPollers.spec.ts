// getSessionPoller and getConversionPoller: pollers that attach to existing work (created by another
// process) without creating it, and serialize and resume like the others.
import assert from "node:assert/strict";
import { isRestError } from "../../../src/index";
import { clientFor, requestLines } from "../../emulator/support/clientHarness";
import { MINUTE_IN_MS, startHarness, type Harness } from "../../emulator/support/emulatorHarness";

describe("pollers attached to existing sessions and conversions", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  it("waits for a session created elsewhere to be Ready, without creating it", async () => {
    const creator = clientFor(harness);
    await creator.beginSession("elsewhere", { size: "Standard", maxLeaseTimeInMinutes: 20 }).submitted();
    const client = clientFor(harness);
    const poller = client.getSessionPoller("elsewhere", { intervalInMs: 5 });
    await poller.submitted();
    harness.clock.advance(MINUTE_IN_MS);
    const ready = await poller.pollUntilDone();
    assert.equal(ready.status, "Ready");
    assert.equal(ready.sessionId, "elsewhere");
    assert.equal(
      requestLines(harness, "PUT", "/sessions/elsewhere").length,
      1,
      "created once, by the creator",
    );
  });

  it("waits for an existing conversion, and its serialize() string resumes with beginConversion", async () => {
    const client = clientFor(harness);
    await client
      .beginConversion("conv-elsewhere", {
        inputSettings: {
          storageContainerUrl: "https://sdktest.blob.core.windows.net/in",
          storageContainerReadListSas: "sv=1&sig=x",
          relativeInputAssetPath: "box.fbx",
        },
        outputSettings: {
          storageContainerUrl: "https://sdktest.blob.core.windows.net/out",
          storageContainerWriteSas: "sv=1&sig=y",
        },
      })
      .submitted();
    const attached = client.getConversionPoller("conv-elsewhere", { intervalInMs: 5 });
    const resumed = client.beginConversion({ resumeFrom: await attached.serialize(), intervalInMs: 5 });
    harness.clock.advance(MINUTE_IN_MS);
    assert.equal((await attached.pollUntilDone()).status, "Succeeded");
    assert.equal((await resumed.pollUntilDone()).status, "Succeeded");
    assert.equal(requestLines(harness, "PUT", "/conversions/conv-elsewhere").length, 1);
  });

  it("rejects bad ids at once and an unknown id with the service's 404", async () => {
    const client = clientFor(harness);
    assert.throws(() => client.getSessionPoller("bad id!"), /sessionId/);
    assert.throws(() => client.getConversionPoller(""), /conversionId/);
    const poller = client.getSessionPoller("nobody", { intervalInMs: 5 });
    await assert.rejects(
      () => poller.pollUntilDone(),
      (error: unknown) => isRestError(error) && error.statusCode === 404,
    );
    assert.equal(requestLines(harness, "PUT", "/sessions/nobody").length, 0);
  });
});
