// The storage helpers ("remote-rendering-client/storage") against Azurite started by the emulator,
// end to end with the public client: upload a folder, build settings with SAS, convert, read.
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import {
  createBlobReadUrl,
  createContainerSas,
  createConversionStorageSettings,
  uploadFolder,
  type UploadProgress,
} from "../../src/storage/index";
import { clientFor } from "../emulator/support/clientHarness";
import { startHarness, type Harness } from "../emulator/support/emulatorHarness";

describe("storage helpers", function () {
  this.timeout(60_000);
  let harness: Harness;
  let blobs: BlobServiceClient;
  let folder: string;

  before(async () => {
    harness = await startHarness({ storage: true, conversionPhasesInSeconds: { notStarted: 0, running: 0 } });
    blobs = BlobServiceClient.fromConnectionString(harness.emulator.storage!.connectionString);
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "arr-storage-test-"));
    await fs.mkdir(path.join(folder, "textures"));
    await fs.writeFile(path.join(folder, "robot.fbx"), "model bytes");
    await fs.writeFile(path.join(folder, "textures", "skin.png"), Buffer.alloc(3000, 7));
  });
  after(async () => {
    await harness?.close();
    if (folder !== undefined) await fs.rm(folder, { recursive: true, force: true });
  });

  it("uploads a folder with its subfolders, then skips the blobs whose MD5 matches", async () => {
    const input = blobs.getContainerClient("upload-test");
    await input.create();
    const events: UploadProgress[] = [];
    const first = await uploadFolder(input, folder, {
      blobPrefix: "models",
      onProgress: (event) => events.push(event),
    });
    assert.deepEqual(first.uploaded, ["models/robot.fbx", "models/textures/skin.png"]);
    assert.deepEqual(first.skipped, []);
    assert.equal(first.totalBytes, 3011);
    const last = events[events.length - 1];
    assert.equal(last?.doneFiles, 2);
    assert.equal(last?.doneBytes, 3011);
    await fs.writeFile(path.join(folder, "robot.fbx"), "changed model bytes");
    const second = await uploadFolder(input, folder, { blobPrefix: "models/" });
    assert.deepEqual(second.uploaded, ["models/robot.fbx"]);
    assert.deepEqual(second.skipped, ["models/textures/skin.png"]);
    const text = await input.getBlobClient("models/robot.fbx").downloadToBuffer();
    assert.equal(text.toString(), "changed model bytes");
  });

  it("builds settings with read/list and write SAS tokens that a conversion can use", async () => {
    const input = blobs.getContainerClient("sas-in");
    const output = blobs.getContainerClient("sas-out");
    await input.create();
    await output.create();
    await uploadFolder(input, path.join(folder, "robot.fbx"));
    const settings = await createConversionStorageSettings({
      inputContainer: input,
      relativeInputAssetPath: "robot.fbx",
      outputContainer: output,
      outputBlobPrefix: "converted",
      sasExpiresInMinutes: 30,
    });
    const readList = new URLSearchParams(settings.inputSettings.storageContainerReadListSas);
    assert.equal(readList.get("sp"), "rl");
    const write = new URLSearchParams(settings.outputSettings.storageContainerWriteSas);
    assert.equal(write.get("sp"), "w");
    const lifetime = Date.parse(write.get("se") ?? "") - Date.now();
    assert.ok(lifetime > 25 * 60_000 && lifetime <= 30 * 60_000, `lifetime ${lifetime} ms`);

    const client = clientFor(harness);
    const poller = client.beginConversion("helpers-1", settings, { intervalInMs: 10 });
    const done = await poller.pollUntilDone();
    assert.equal(done.outputAssetUri, `${output.url}/converted/robot.arrAsset`);
    const readUrl = await createBlobReadUrl(output, done.outputAssetUri, { expiresInMinutes: 5 });
    assert.equal(new URL(readUrl).searchParams.get("sp"), "r");
    const response = await fetch(readUrl);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /"sizeInBytes": 19/);
    const unsigned = await fetch(done.outputAssetUri);
    assert.notEqual(unsigned.status, 200, "the asset is not public without the SAS");
  });

  it("refuses bad arguments with typed errors naming them", async () => {
    const container = blobs.getContainerClient("x");
    await assert.rejects(() => createContainerSas(container, "r", { expiresInMinutes: 0 }), RangeError);
    await assert.rejects(() => uploadFolder(container, folder, { concurrency: 0 }), /options\.concurrency/);
    await assert.rejects(
      () =>
        createConversionStorageSettings({
          inputContainer: container,
          outputContainer: container,
          relativeInputAssetPath: "",
        }),
      /relativeInputAssetPath/,
    );
    await assert.rejects(() => createBlobReadUrl(container, "https://elsewhere/x"), RangeError);
  });
});
