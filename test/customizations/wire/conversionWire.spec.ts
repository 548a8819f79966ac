import assert from "node:assert/strict";
import { RemoteRenderingServiceError } from "../../../src/index";
import {
  toAssetConversion,
  toAssetConversionStatus,
  toConversionRequestBody,
} from "../../../src/customizations/wire/conversionWire";
import { conversionBody, conversionSettings } from "../support/clientTestKit";
import type { ConversionOutput } from "../../../src/generated/remoteRendering";

/** Bodies in these tests are what a service may send, not always what the generated model promises. */
const readUntrusted = (body: unknown, msCv?: string) => toAssetConversion(body as ConversionOutput, msCv);

describe("conversion wire format", () => {
  it("builds the request body with the service's field names, including access signatures", () => {
    const body = toConversionRequestBody({
      inputSettings: { ...conversionSettings.inputSettings, storageContainerReadListSas: "sv=read" },
      outputSettings: { ...conversionSettings.outputSettings, storageContainerWriteSas: "sv=write" },
    });
    assert.deepEqual(body, {
      settings: {
        inputLocation: {
          storageContainerUri: "https://store.blob.core.windows.net/input",
          relativeInputAssetPath: "box.fbx",
          blobPrefix: "Input/",
          storageContainerReadListSas: "sv=read",
        },
        outputLocation: {
          storageContainerUri: "https://store.blob.core.windows.net/output",
          blobPrefix: "Output/",
          outputAssetFilename: "box.arrAsset",
          storageContainerWriteSas: "sv=write",
        },
      },
    });
  });

  it("maps each service status explicitly and anything else to Unknown", () => {
    for (const status of ["NotStarted", "Running", "Succeeded", "Failed", "Cancelled"]) {
      assert.equal(toAssetConversionStatus(status), status);
    }
    assert.equal(toAssetConversionStatus("Canceled"), "Unknown");
    assert.equal(toAssetConversionStatus("Paused"), "Unknown");
  });

  it("reads a Succeeded conversion with its output URI and creation time", () => {
    const conversion = readUntrusted(conversionBody("c1", "Succeeded"));
    assert.equal(conversion.status, "Succeeded");
    if (conversion.status === "Succeeded") {
      assert.equal(
        conversion.outputAssetUri,
        "https://store.blob.core.windows.net/output/Output/box.arrAsset",
      );
    }
    assert.equal(conversion.createdOn?.toISOString(), "2021-01-29T15:54:31.039Z");
    assert.deepEqual(conversion.settings, conversionSettings);
  });

  it("never copies access signatures from a response into the result", () => {
    const body = conversionBody("c1", "Running");
    const settings = body["settings"] as {
      inputLocation: Record<string, unknown>;
      outputLocation: Record<string, unknown>;
    };
    settings.inputLocation["storageContainerReadListSas"] = "sv=secret-read";
    settings.outputLocation["storageContainerWriteSas"] = "sv=secret-write";
    assert.ok(!JSON.stringify(readUntrusted(body)).includes("secret"));
  });

  it("reads a Failed conversion's error and keeps unknown statuses", () => {
    const failed = readUntrusted(
      conversionBody("c1", "Failed", {
        error: { code: "ConversionProcessFailed", message: "Invalid input" },
      }),
      "cv.2",
    );
    assert.equal(failed.status, "Failed");
    if (failed.status === "Failed") {
      assert.ok(failed.error instanceof RemoteRenderingServiceError);
      assert.equal(failed.error.code, "ConversionProcessFailed");
      assert.equal(failed.error.msCv, "cv.2");
    }
    const unknown = readUntrusted(conversionBody("c1", "Paused"));
    assert.equal(unknown.status === "Unknown" && unknown.serviceStatus, "Paused");
  });

  it("reports a Succeeded conversion without output as a parse error", () => {
    assert.throws(() => readUntrusted(conversionBody("c1", "Succeeded", { output: {} })), /malformed/);
    assert.throws(() => readUntrusted(conversionBody("c1", "Running", { settings: null })), /malformed/);
  });
});
