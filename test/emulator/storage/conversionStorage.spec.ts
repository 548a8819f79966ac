// Conversions against a real blob service (Azurite, started by the emulator): input read from it,
// output files written to it, access checked with the SAS given or through the linked account.
import assert from "node:assert/strict";
import net from "node:net";
import {
  BlobServiceClient,
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from "@azure/storage-blob";
import { EMULATOR_ASSET_FORMAT } from "../../../src/emulator/index";
import type { WireConversion } from "../../../src/emulator/operations/wireTypes";
import { errorOf, startHarness, type Harness } from "../support/emulatorHarness";

const PHASES_IN_MS = 40_000;

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("emulator conversions on blob storage (Azurite)", function () {
  this.timeout(60_000);
  let harness: Harness;
  let blobs: BlobServiceClient;
  let endpoint: string;

  before(async () => {
    harness = await startHarness({ storage: true });
    const storage = harness.emulator.storage;
    assert.ok(storage, "the emulator reports its blob service");
    assert.equal(storage.accountName, "devstoreaccount1");
    assert.equal(storage.startedByEmulator, true);
    endpoint = storage.blobEndpoint;
    assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
    blobs = BlobServiceClient.fromConnectionString(storage.connectionString);
    await blobs.getContainerClient("input").create();
    await blobs.getContainerClient("output").create();
    await blobs.getContainerClient("input").uploadBlockBlob("models/box.fbx", "fbx bytes", 9);
  });
  after(async () => {
    await harness?.close();
  });

  const body = (input: Record<string, unknown> = {}, output: Record<string, unknown> = {}) => ({
    settings: {
      inputLocation: {
        storageContainerUri: `${endpoint}/input`,
        blobPrefix: "models",
        relativeInputAssetPath: "box.fbx",
        ...input,
      },
      outputLocation: { storageContainerUri: `${endpoint}/output`, blobPrefix: "out", ...output },
    },
  });

  const finish = async (id: string): Promise<WireConversion> => {
    harness.clock.advance(PHASES_IN_MS);
    const answer = await harness.call("GET", `/conversions/${id}`);
    assert.equal(answer.status, 200, answer.text);
    return answer.body as WireConversion;
  };

  const text = async (container: string, name: string): Promise<string> =>
    (await blobs.getContainerClient(container).getBlobClient(name).downloadToBuffer()).toString("utf8");

  it("reads the input through the linked account and writes the asset, result and log", async () => {
    const created = await harness.call("PUT", "/conversions/linked-1", {
      body: body({}, { outputAssetFilename: "linked.arrAsset" }),
    });
    assert.equal(created.status, 201, created.text);
    assert.equal((created.body as WireConversion).status, "NotStarted");
    const done = await finish("linked-1");
    assert.equal(done.status, "Succeeded");
    assert.equal(done.output?.outputAssetUri, `${endpoint}/output/out/linked.arrAsset`);
    const asset = JSON.parse(await text("output", "out/linked.arrAsset")) as Record<string, unknown>;
    assert.equal(asset["format"], EMULATOR_ASSET_FORMAT);
    assert.deepEqual(asset["input"], {
      blobUrl: `${endpoint}/input/models/box.fbx`,
      relativeInputAssetPath: "box.fbx",
      sizeInBytes: 9,
    });
    const result = JSON.parse(await text("output", "out/linked.result.json")) as Record<string, unknown>;
    assert.equal(result["status"], "Succeeded");
    assert.match(await text("output", "out/linked.conversion.log"), /read box\.fbx: 9 bytes/);
  });

  it("fails with ConversionProcessFailed when the input blob does not exist, leaving result and log", async () => {
    const created = await harness.call("PUT", "/conversions/missing-1", {
      body: body({ relativeInputAssetPath: "nothere.fbx" }),
    });
    assert.equal(created.status, 201, created.text);
    const done = await finish("missing-1");
    assert.equal(done.status, "Failed");
    assert.equal(done.error?.code, "ConversionProcessFailed");
    assert.equal(done.output, undefined);
    const result = JSON.parse(await text("output", "out/nothere.result.json")) as Record<string, unknown>;
    assert.equal(result["status"], "Failed");
    assert.match(
      await text("output", "out/nothere.conversion.log"),
      /cannot read input blob models\/nothere\.fbx: HTTP 404/,
    );
    assert.equal(
      await blobs.getContainerClient("output").getBlobClient("out/nothere.arrAsset").exists(),
      false,
    );
  });

  it("does not apply the name rule to inputs in the blob service", async () => {
    await blobs.getContainerClient("input").uploadBlockBlob("models/missingButThere.fbx", "x", 1);
    await harness.call("PUT", "/conversions/named-1", {
      body: body({ relativeInputAssetPath: "missingButThere.fbx" }),
    });
    assert.equal((await finish("named-1")).status, "Succeeded");
  });

  it("answers 403 DelegatedResourceAccessError for a container that does not exist", async () => {
    const answer = await harness.call("PUT", "/conversions/nocontainer-1", {
      body: body({ storageContainerUri: `${endpoint}/nosuchcontainer` }),
    });
    assert.equal(answer.status, 403);
    assert.equal(errorOf(answer).code, "DelegatedResourceAccessError");
  });

  it("checks SAS permissions: read+list on input, write on output", async () => {
    const key = new StorageSharedKeyCredential("devstoreaccount1", harness.emulator.storage!.accountKey);
    const sas = (container: string, permissions: string) =>
      generateBlobSASQueryParameters(
        {
          containerName: container,
          permissions: ContainerSASPermissions.parse(permissions),
          expiresOn: new Date(Date.now() + 3_600_000),
        },
        key,
      ).toString();
    const noList = await harness.call("PUT", "/conversions/sas-1", {
      body: body(
        { storageContainerReadListSas: sas("input", "r") },
        { storageContainerWriteSas: sas("output", "w") },
      ),
    });
    assert.equal(noList.status, 403);
    const noWrite = await harness.call("PUT", "/conversions/sas-2", {
      body: body(
        { storageContainerReadListSas: sas("input", "rl") },
        { storageContainerWriteSas: sas("output", "r") },
      ),
    });
    assert.equal(noWrite.status, 403);
    const forged = await harness.call("PUT", "/conversions/sas-3", {
      body: body({ storageContainerReadListSas: "sv=2020-08-04&sp=rl&sr=c&sig=forged" }),
    });
    assert.equal(forged.status, 403);
    const good = await harness.call("PUT", "/conversions/sas-4", {
      body: body(
        { storageContainerReadListSas: sas("input", "rl") },
        { storageContainerWriteSas: sas("output", "w"), outputAssetFilename: "sas.arrAsset" },
      ),
    });
    assert.equal(good.status, 201, good.text);
    assert.equal((await finish("sas-4")).status, "Succeeded");
    assert.ok(await blobs.getContainerClient("output").getBlobClient("out/sas.arrAsset").exists());
  });

  it("keeps SAS tokens out of answers", async () => {
    const answer = await harness.call("GET", "/conversions/sas-4");
    assert.doesNotMatch(answer.text, /sig=/);
  });
});

describe("emulator conversions with an unreachable blob service", () => {
  it("creates the conversion, which then fails with a clear message instead of a 500", async () => {
    const port = await closedPort();
    const endpoint = `http://127.0.0.1:${port}/devstoreaccount1`;
    const harness = await startHarness({ storage: { blobEndpoint: endpoint } });
    try {
      assert.equal(harness.emulator.storage?.startedByEmulator, false);
      const created = await harness.call("PUT", "/conversions/down-1", {
        body: {
          settings: {
            inputLocation: { storageContainerUri: `${endpoint}/input`, relativeInputAssetPath: "box.fbx" },
            outputLocation: { storageContainerUri: `${endpoint}/output` },
          },
        },
      });
      assert.equal(created.status, 201, created.text);
      harness.clock.advance(PHASES_IN_MS);
      const done = (await harness.call("GET", "/conversions/down-1")).body as WireConversion;
      assert.equal(done.status, "Failed");
      assert.equal(done.error?.code, "ConversionProcessFailed");
      assert.match(done.error?.message ?? "", /could not be reached/);
    } finally {
      await harness.close();
    }
  });

  it("refuses a bad storage option before starting anything", async () => {
    await assert.rejects(
      () => startHarness({ storage: { blobEndpoint: "ftp://x" } }),
      (error: Error) => error instanceof TypeError && /storage\.blobEndpoint/.test(error.message),
    );
  });
});
