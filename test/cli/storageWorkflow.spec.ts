// The PowerShell scripts' workflow end to end with nothing configured: `arr emulator` (with its blob
// service, Azurite) in the background; conversions uploaded from a local folder, converted and
// downloaded; a missing input asset failing as the service did; a session started, its lease set
// with hh:mm:ss, waited for and stopped.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BlobServiceClient } from "@azure/storage-blob";
import { makeTmpDir, parseJson, runArr, show, spawnArr, type ArrProcess } from "./support/arrProcess";

interface EmulatorInfo {
  url: string;
  healthUrl: string;
  storage: { blobEndpoint: string; connectionString: string; startedByEmulator: boolean } | null;
}

describe("arr with the emulator's blob storage (the scripts' workflow)", function () {
  this.timeout(180_000);
  let tmp: ReturnType<typeof makeTmpDir>;
  let emulator: ArrProcess;
  let info: EmulatorInfo;
  let models: string;
  const run = (args: string[]) => runArr(args, { tmpDir: tmp.dir, timeoutInMs: 60_000 });

  before(async () => {
    tmp = makeTmpDir("storage");
    emulator = spawnArr(["emulator", "--port", "0", "--json", "--clock-speed", "60", "--quiet"], {
      tmpDir: tmp.dir,
      timeoutInMs: 170_000,
    });
    const [line] = await emulator.waitFor(/^\{.*\}\n/, "stdout");
    info = JSON.parse(line) as EmulatorInfo;
    models = path.join(tmp.dir, "models");
    mkdirSync(path.join(models, "textures"), { recursive: true });
    writeFileSync(path.join(models, "box.fbx"), "a small model file");
    writeFileSync(path.join(models, "textures", "box.png"), Buffer.alloc(2048, 1));
  });

  after(async () => {
    if (emulator !== undefined) {
      emulator.interrupt("SIGINT");
      const result = await emulator.exited;
      assert.equal(result.code, 0, show(result));
    }
    tmp?.remove();
  });

  it("runs a blob service next to the emulator and answers its health check", async () => {
    assert.ok(info.storage, "arr emulator starts a blob service by default");
    assert.equal(info.storage.startedByEmulator, true);
    assert.match(info.storage.blobEndpoint, /^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
    const health = await fetch(info.healthUrl);
    assert.equal(health.status, 200);
    const body = (await health.json()) as { status: string; storage: string };
    assert.equal(body.status, "ok");
    assert.equal(body.storage, info.storage.blobEndpoint);
  });

  it("uploads a folder, converts it, and leaves the asset and its result file in the blob service", async () => {
    const result = await run([
      "conversion",
      "start",
      "--input",
      models,
      "--id",
      "conv-ok",
      "--json",
      "--poll-interval",
      "0.1",
    ]);
    assert.equal(result.code, 0, show(result));
    const view = parseJson<{ status: string; outputAssetUri: string; outputAssetSasUrl: string }>(result);
    assert.equal(view.status, "Succeeded");
    assert.equal(view.outputAssetUri, `${info.storage!.blobEndpoint}/arroutput/box.arrAsset`);
    assert.match(result.stderr, /^uploaded box\.fbx$/m);
    assert.match(result.stderr, /^uploaded textures\/box\.png$/m);

    const blobs = BlobServiceClient.fromConnectionString(info.storage!.connectionString);
    const output = blobs.getContainerClient("arroutput");
    const names: string[] = [];
    for await (const blob of output.listBlobsFlat()) names.push(blob.name);
    assert.deepEqual(names.sort(), ["box.arrAsset", "box.conversion.log", "box.result.json"]);
    const resultFile = JSON.parse(
      (await output.getBlobClient("box.result.json").downloadToBuffer()).toString(),
    ) as {
      status: string;
    };
    assert.equal(resultFile.status, "Succeeded");

    // The printed SAS URL reads the asset, and only that: its permission is read.
    const sasUrl = new URL(view.outputAssetSasUrl);
    assert.equal(sasUrl.searchParams.get("sp"), "r");
    const asset = await fetch(view.outputAssetSasUrl);
    assert.equal(asset.status, 200);
    assert.match(await asset.text(), /"sizeInBytes": 18/);
  });

  it("skips unchanged files on a second upload", async () => {
    const result = await run([
      "conversion",
      "start",
      "--input",
      models,
      "--id",
      "conv-again",
      "--no-wait",
      "--json",
    ]);
    assert.equal(result.code, 0, show(result));
    assert.match(result.stderr, /^skipped box\.fbx \(unchanged\)$/m);
    assert.match(result.stderr, /Uploaded 0 file\(s\), skipped 2 unchanged/);
  });

  it("fails with ConversionProcessFailed when the input asset is missing", async () => {
    const result = await run([
      "conversion",
      "start",
      "--input",
      models,
      "--input-asset",
      "nothere.fbx",
      "--id",
      "conv-missing",
      "--json",
      "--poll-interval",
      "0.1",
    ]);
    assert.equal(result.code, 4, show(result));
    const error = JSON.parse(result.stderr.trim().split("\n").pop() ?? "") as { error: { code: string } };
    assert.equal(error.error.code, "ConversionProcessFailed");
    const waited = await run(["conversion", "wait", "conv-missing", "--poll-interval", "0.1"]);
    assert.equal(waited.code, 4, show(waited));
  });

  it("waits for an existing conversion and downloads its output", async () => {
    const waited = await run(["conversion", "wait", "conv-again", "--json", "--poll-interval", "0.1"]);
    assert.equal(waited.code, 0, show(waited));
    assert.equal(parseJson<{ status: string }>(waited).status, "Succeeded");
    const target = path.join(tmp.dir, "downloaded");
    const downloaded = await run(["conversion", "download", "conv-again", "--to", target]);
    assert.equal(downloaded.code, 0, show(downloaded));
    assert.deepEqual(readdirSync(target).sort(), ["box.arrAsset", "box.conversion.log", "box.result.json"]);
    assert.match(readFileSync(path.join(target, "box.arrAsset"), "utf8"), /emulator-asset/);
    const unknown = await run(["conversion", "wait", "no-such-conversion"]);
    assert.equal(unknown.code, 3, show(unknown));
  });

  it("starts a session, sets its lease with hh:mm:ss, waits for it and stops it", async () => {
    const started = await run(["session", "start", "--id", "sess-1", "--no-wait", "--json"]);
    assert.equal(started.code, 0, show(started));
    const updated = await run(["session", "update", "sess-1", "--lease", "01:30:00", "--json"]);
    assert.equal(updated.code, 0, show(updated));
    const view = parseJson<{ maxLeaseTimeInMinutes: number; previousMaxLeaseTimeInMinutes: number }>(updated);
    assert.equal(view.maxLeaseTimeInMinutes, 90);
    assert.equal(view.previousMaxLeaseTimeInMinutes, 30);
    const waited = await run(["session", "wait", "sess-1", "--json", "--poll-interval", "0.1"]);
    assert.equal(waited.code, 0, show(waited));
    assert.equal(parseJson<{ status: string }>(waited).status, "Ready");
    const stopped = await run(["session", "stop", "sess-1"]);
    assert.equal(stopped.code, 0, show(stopped));
    const afterStop = await run(["session", "wait", "sess-1", "--poll-interval", "0.1"]);
    assert.equal(afterStop.code, 4, show(afterStop));
  });

  it("resets its state through the admin endpoint", async () => {
    const reset = await fetch(`${info.url}/_emulator/reset`, { method: "POST" });
    assert.equal(reset.status, 200);
    const listed = await run(["conversion", "list", "--json"]);
    assert.deepEqual(parseJson<unknown[]>(listed), []);
    assert.ok(
      !existsSync(path.join(tmp.dir, "__azurite_db_blob__.json")),
      "Azurite keeps its data in memory",
    );
  });
});
