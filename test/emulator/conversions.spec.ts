import assert from "node:assert/strict";
import type { WireConversion } from "../../src/emulator/operations/wireTypes";
import { errorOf, startHarness, type Harness } from "./support/emulatorHarness";

const Z_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;

function conversionBody(
  overrides: { input?: Record<string, unknown>; output?: Record<string, unknown> } = {},
) {
  return {
    settings: {
      inputLocation: {
        storageContainerUri: "https://sdktest.blob.core.windows.net/test",
        storageContainerReadListSas: "sv=2020&sig=read-secret",
        blobPrefix: "Input",
        relativeInputAssetPath: "testBox.fbx",
        ...overrides.input,
      },
      outputLocation: {
        storageContainerUri: "https://sdktest.blob.core.windows.net/test",
        storageContainerWriteSas: "sv=2020&sig=write-secret",
        blobPrefix: "Output",
        ...overrides.output,
      },
    },
  };
}

describe("emulator conversions (raw HTTP)", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const get = async (id: string) => {
    const answer = await harness.call("GET", `/conversions/${id}`);
    assert.equal(answer.status, 200);
    return { answer, conversion: answer.body as WireConversion };
  };

  it("goes NotStarted, Running, Succeeded with an output URI built from the output settings", async () => {
    const created = await harness.call("PUT", "/conversions/simple-1", { body: conversionBody() });
    assert.equal(created.status, 201);
    const first = created.body as WireConversion;
    assert.deepEqual(Object.keys(first), ["id", "creationTime", "settings", "error", "status"]);
    assert.equal(first.status, "NotStarted");
    assert.equal(first.error, null);
    assert.match(first.creationTime, Z_TIME);
    assert.deepEqual(first.settings, {
      inputLocation: {
        storageContainerUri: "https://sdktest.blob.core.windows.net/test",
        blobPrefix: "Input/",
        relativeInputAssetPath: "testBox.fbx",
      },
      outputLocation: {
        storageContainerUri: "https://sdktest.blob.core.windows.net/test",
        blobPrefix: "Output/",
        outputAssetFilename: "testBox.arrAsset",
      },
    });
    assert.ok(!created.text.includes("secret"), "shared access signatures are never echoed");

    const polled = await get("simple-1");
    assert.equal(polled.conversion.status, "NotStarted");
    assert.equal(polled.answer.headers.get("retry-after"), "10");
    assert.equal(polled.answer.headers.get("cache-control"), "no-store, no-cache");
    assert.equal(polled.answer.headers.get("pragma"), "no-cache");

    harness.clock.advance(10_000);
    const running = await get("simple-1");
    assert.equal(running.conversion.status, "Running");
    assert.equal(running.answer.headers.get("retry-after"), "30");
    harness.clock.advance(29_500);
    assert.equal((await get("simple-1")).answer.headers.get("retry-after"), "1");

    harness.clock.advance(500);
    const done = await get("simple-1");
    assert.equal(done.conversion.status, "Succeeded");
    assert.deepEqual(done.conversion.output, {
      outputAssetUri: "https://sdktest.blob.core.windows.net/test/Output/testBox.arrAsset",
    });
    assert.equal(done.answer.headers.get("retry-after"), "0");
    assert.deepEqual(Object.keys(done.conversion), [
      "id",
      "creationTime",
      "settings",
      "output",
      "error",
      "status",
    ]);
  });

  it("uses an explicit output file name and works without blob prefixes", async () => {
    const body = conversionBody({
      input: { blobPrefix: undefined, relativeInputAssetPath: "models/house.gltf" },
      output: {
        blobPrefix: undefined,
        outputAssetFilename: "converted.arrAsset",
        storageContainerUri: "https://out.blob.core.windows.net/arr/",
      },
    });
    await harness.call("PUT", "/conversions/named-1", { body });
    harness.clock.advance(40_000);
    const { conversion } = await get("named-1");
    assert.equal(
      conversion.output?.outputAssetUri,
      "https://out.blob.core.windows.net/arr/converted.arrAsset",
    );
    assert.equal("blobPrefix" in conversion.settings.inputLocation, false);
  });

  it("fails a conversion whose input file name names a missing asset, after running", async () => {
    for (const [id, path] of [
      ["missing-1", "boxWhichDoesNotExist.fbx"],
      ["missing-2", "folder/MissingHouse.glb"],
    ] as const) {
      await harness.call("PUT", `/conversions/${id}`, {
        body: conversionBody({ input: { relativeInputAssetPath: path } }),
      });
    }
    harness.clock.advance(10_000);
    assert.equal((await get("missing-1")).conversion.status, "Running");
    harness.clock.advance(30_000);
    for (const id of ["missing-1", "missing-2"]) {
      const { conversion } = await get(id);
      assert.equal(conversion.status, "Failed");
      assert.deepEqual(conversion.error, {
        code: "ConversionProcessFailed",
        message: "Invalid input provided. Check logs in output container for details.",
      });
      assert.equal(conversion.output, undefined);
    }
  });

  it("only looks at the file name for the failure rule", async () => {
    await harness.call("PUT", "/conversions/folder-ok", {
      body: conversionBody({ input: { relativeInputAssetPath: "missing/box.fbx" } }),
    });
    harness.clock.advance(40_000);
    assert.equal((await get("folder-ok")).conversion.status, "Succeeded");
  });

  it("answers 403 DelegatedResourceAccessError for containers without a SAS that are not linked", async () => {
    const answer = await harness.call("PUT", "/conversions/no-access", {
      body: conversionBody({
        input: { storageContainerReadListSas: undefined },
        output: { storageContainerWriteSas: undefined },
      }),
    });
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, {
      error: {
        code: "DelegatedResourceAccessError",
        message:
          "Error accessing connected storage account due to insufficient permissions. Check if the Mixed Reality resource has correct permissions assigned.",
      },
    });
    assert.equal((await harness.call("GET", "/conversions/no-access")).status, 404);
  });

  it("accepts containers without a SAS when their storage account is linked", async () => {
    await harness.close();
    harness = await startHarness({
      accounts: [
        {
          accountId: "30ea64bd-100f-4bf0-adc9-29fa45d4880c",
          accountKey: "linked-key",
          linkedStorageAccounts: ["SDKTEST.blob.core.windows.net"],
        },
      ],
    });
    const answer = await harness.call("PUT", "/conversions/linked", {
      body: conversionBody({
        input: { storageContainerReadListSas: undefined },
        output: { storageContainerWriteSas: undefined },
      }),
    });
    assert.equal(answer.status, 201);
  });

  it("answers a retried create 200 and a create with other settings 409", async () => {
    const first = await harness.call("PUT", "/conversions/retry-1", { body: conversionBody() });
    const retried = await harness.call("PUT", "/conversions/retry-1", {
      body: conversionBody({ input: { blobPrefix: "Input/" } }),
    });
    assert.equal(retried.status, 200);
    assert.deepEqual(retried.body, first.body);
    const other = await harness.call("PUT", "/conversions/retry-1", {
      body: conversionBody({ input: { relativeInputAssetPath: "other.fbx" } }),
    });
    assert.equal(other.status, 409);
    assert.equal(errorOf(other).code, "Conflict");
  });

  it("validates the settings with 400 naming the field", async () => {
    const cases: Array<[unknown, string]> = [
      [{}, "settings"],
      [{ settings: { outputLocation: {} } }, "settings.inputLocation"],
      [
        conversionBody({ input: { storageContainerUri: "not a uri" } }),
        "settings.inputLocation.storageContainerUri",
      ],
      [
        conversionBody({ input: { storageContainerUri: "ftp://host/x" } }),
        "settings.inputLocation.storageContainerUri",
      ],
      [
        conversionBody({ input: { relativeInputAssetPath: undefined } }),
        "settings.inputLocation.relativeInputAssetPath",
      ],
      [
        conversionBody({ input: { relativeInputAssetPath: "model.txt" } }),
        "settings.inputLocation.relativeInputAssetPath",
      ],
      [
        conversionBody({ output: { storageContainerUri: undefined } }),
        "settings.outputLocation.storageContainerUri",
      ],
      [
        conversionBody({ output: { outputAssetFilename: "out.fbx" } }),
        "settings.outputLocation.outputAssetFilename",
      ],
      [conversionBody({ output: { blobPrefix: 42 } }), "settings.outputLocation.blobPrefix"],
    ];
    for (const [body, target] of cases) {
      const answer = await harness.call("PUT", "/conversions/invalid", { body });
      assert.equal(answer.status, 400, target);
      assert.equal(errorOf(answer).target, target);
    }
    const bad = await harness.call("PUT", "/conversions/bad.id", { body: conversionBody() });
    assert.equal(errorOf(bad).target, "conversion_id");
  });

  it("answers 404 for an unknown conversion", async () => {
    const answer = await harness.call("GET", "/conversions/unknown");
    assert.equal(answer.status, 404);
    assert.equal(errorOf(answer).code, "NotFound");
  });

  it("sends a fixed Retry-After when configured", async () => {
    await harness.close();
    harness = await startHarness({ conversionRetryAfterInSeconds: 0 });
    await harness.call("PUT", "/conversions/fixed", { body: conversionBody() });
    assert.equal((await get("fixed")).answer.headers.get("retry-after"), "0");
  });
});
