// `arr conversion start | get | list` as child processes against an emulator on a manual clock.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ManualClock } from "../../src/emulator";
import {
  isPlainText,
  makeTmpDir,
  parseJson,
  runArr,
  show,
  spawnArr,
  type ArrResult,
} from "./support/arrProcess";
import {
  LINKED_CONTAINER,
  LINKED_OUTPUT_CONTAINER,
  UNLINKED_CONTAINER,
  startTestEmulator,
  type TestEmulator,
} from "./support/testEmulator";

const FAST = ["--poll-interval", "0.05"];
const LOCATIONS = ["--input-container", LINKED_CONTAINER, "--output-container", LINKED_OUTPUT_CONTAINER];

describe("arr conversion start, get and list", function () {
  let tmp: ReturnType<typeof makeTmpDir>;
  let emu: TestEmulator;
  let clock: ManualClock;

  before(async () => {
    tmp = makeTmpDir("conversions");
    clock = new ManualClock();
    emu = await startTestEmulator({
      clock,
      conversionPhasesInSeconds: { notStarted: 1, running: 5 },
      // No Retry-After, so --poll-interval sets the pace (the manual clock would otherwise ask for whole seconds).
      conversionRetryAfterInSeconds: 0,
    });
  });
  after(async () => {
    await emu.close();
    tmp.remove();
  });

  const options = () => ({ tmpDir: tmp.dir, env: emu.env });
  const run = (args: string[]): Promise<ArrResult> => runArr(args, options());

  it("waits until the conversion succeeds and prints the output asset URL", async () => {
    const arr = spawnArr(
      ["conversion", "start", "--id", "conv-1", ...LOCATIONS, "--input-asset", "box.fbx", ...FAST],
      options(),
    );
    await arr.waitFor(/Conversion conv-1: NotStarted \(\d+:\d\d\)\n/);
    clock.advance(1_000);
    await arr.waitFor(/Conversion conv-1: Running/);
    clock.advance(5_000);
    const result = await arr.exited;
    assert.equal(result.code, 0, show(result));
    assert.match(result.stdout, /^Status:\s+Succeeded$/m);
    assert.match(
      result.stdout,
      /^Output asset:\s+https:\/\/contoso\.blob\.core\.windows\.net\/output\/box\.arrAsset$/m,
    );
    assert.match(result.stdout, /^Input:\s+https:\/\/contoso\.blob\.core\.windows\.net\/input\/box\.fbx$/m);
    assert.ok(isPlainText(result.stdout + result.stderr), "control characters in a pipe");
  });

  it("passes prefixes, the output name and SAS tokens, and never prints the tokens", async () => {
    const arr = spawnArr(
      [
        "conversion",
        "start",
        "--id",
        "conv-2",
        "--json",
        ...FAST,
        "--input-container",
        UNLINKED_CONTAINER,
        "--input-asset",
        "models/house.gltf",
        "--blob-prefix",
        "models",
        "--input-sas",
        "?sv=2020&sig=in-secret",
        "--output-container",
        "https://fabrikam.blob.core.windows.net/out",
        "--output-blob-prefix",
        "converted",
        "--output-name",
        "house.arrAsset",
        "--output-sas",
        "sv=2020&sig=out-secret",
      ],
      options(),
    );
    await arr.waitFor(/NotStarted/);
    clock.advance(6_000);
    const result = await arr.exited;
    assert.equal(result.code, 0, show(result));
    const view = parseJson(result);
    assert.equal(view.status, "Succeeded");
    assert.equal(view.outputAssetUri, "https://fabrikam.blob.core.windows.net/out/converted/house.arrAsset");
    assert.deepEqual(view.input, {
      storageContainerUrl: UNLINKED_CONTAINER,
      relativeInputAssetPath: "models/house.gltf",
      blobPrefix: "models/",
    });
    assert.deepEqual(view.output, {
      storageContainerUrl: "https://fabrikam.blob.core.windows.net/out",
      blobPrefix: "converted/",
      outputAssetFilename: "house.arrAsset",
    });
    assert.ok(!/secret/.test(result.stdout + result.stderr));
  });

  it("returns at once with --no-wait; get and list show the conversion", async () => {
    const started = await run([
      "conversion",
      "start",
      "--id",
      "conv-3",
      ...LOCATIONS,
      "--input-asset",
      "a.fbx",
      "--no-wait",
      "--json",
    ]);
    assert.equal(started.code, 0, show(started));
    assert.equal(parseJson(started).status, "NotStarted");

    const human = await run([
      "conversion",
      "start",
      "--id",
      "conv-4",
      ...LOCATIONS,
      "--input-asset",
      "b.fbx",
      "--no-wait",
    ]);
    assert.equal(human.code, 0, show(human));
    assert.match(human.stderr, /Check on it with: arr conversion get conv-4\n/);

    clock.advance(1_000);
    const get = await run(["conversion", "get", "conv-3", "--json"]);
    assert.equal(get.code, 0, show(get));
    assert.equal(parseJson(get).status, "Running");
    const getHuman = await run(["conversion", "get", "conv-3"]);
    assert.match(getHuman.stdout, /^Conversion:\s+conv-3$/m);
    assert.match(getHuman.stdout, /^Status:\s+Running$/m);

    const list = await run(["conversion", "list", "--json"]);
    const ids = parseJson<{ id: string }[]>(list).map((c) => c.id);
    assert.ok(ids.includes("conv-3") && ids.includes("conv-4"), show(list));
    const table = await run(["conversion", "list"]);
    assert.match(table.stdout, /^ID\s+STATUS\s+CREATED\s+INPUT\s+OUTPUT ASSET$/m);
    assert.match(table.stdout, /^conv-4\s+Running\s+\S+\s+b\.fbx\s+b\.arrAsset$/m);
  });

  it("exits with the failed-operation code and ConversionProcessFailed for a missing input", async () => {
    const arr = spawnArr(
      ["conversion", "start", "--id", "conv-fail", ...LOCATIONS, "--input-asset", "missing.fbx", ...FAST],
      options(),
    );
    await arr.waitFor(/NotStarted/);
    clock.advance(6_000);
    const result = await arr.exited;
    assert.equal(result.code, 4, show(result));
    assert.match(result.stderr, /error: Conversion conv-fail did not succeed: Invalid input provided/);
    assert.match(result.stderr, /^ {2}code: ConversionProcessFailed$/m);
    assert.match(result.stderr, /^ {2}MS-CV: \S+$/m);
  });

  it("exits with the service-error code and DelegatedResourceAccessError without storage rights", async () => {
    const result = await run([
      "conversion",
      "start",
      "--input-container",
      UNLINKED_CONTAINER,
      "--input-asset",
      "box.fbx",
      "--output-container",
      LINKED_OUTPUT_CONTAINER,
    ]);
    assert.equal(result.code, 3, show(result));
    assert.match(result.stderr, /^ {2}code: DelegatedResourceAccessError$/m);
    assert.match(result.stderr, /^ {2}HTTP status: 403$/m);
  });

  it("stops waiting on Ctrl-C; the conversion goes on", async () => {
    const arr = spawnArr(
      ["conversion", "start", "--id", "conv-int", ...LOCATIONS, "--input-asset", "c.fbx", ...FAST],
      options(),
    );
    await arr.waitFor(/NotStarted/);
    arr.interrupt("SIGINT");
    const result = await arr.exited;
    assert.equal(result.code, 130, show(result));
    assert.match(
      result.stderr,
      /conversion conv-int goes on\. Check on it with:\n {2}arr conversion get conv-int\n/,
    );
    assert.equal((await emu.client.getConversion("conv-int")).status, "NotStarted");
  });

  it("takes missing settings from the config file's assetConversionSettings", async () => {
    const config = path.join(tmp.dir, "conversion-config.json");
    writeFileSync(
      config,
      JSON.stringify({
        assetConversionSettings: {
          storageAccountName: "contoso",
          blobInputContainerName: "input",
          blobOutputContainerName: "output",
          inputFolderPath: "",
          inputAssetPath: "from-config.fbx",
          outputFolderPath: "out",
          outputAssetFileName: "named.arrAsset",
          localAssetDirectoryPath: "C:\\unused",
          resourceGroup: "unused",
        },
      }),
    );
    const result = await run(["conversion", "start", "--config", config, "--no-wait", "--json"]);
    assert.equal(result.code, 0, show(result));
    const view = parseJson(result);
    assert.deepEqual(view.input, {
      storageContainerUrl: LINKED_CONTAINER,
      relativeInputAssetPath: "from-config.fbx",
    });
    assert.deepEqual(view.output, {
      storageContainerUrl: LINKED_OUTPUT_CONTAINER,
      blobPrefix: "out/",
      outputAssetFilename: "named.arrAsset",
    });
  });

  it("refuses missing and bad locations before sending anything", async () => {
    const missing = await run(["conversion", "start", "--input-asset", "x.fbx"]);
    assert.equal(missing.code, 2, show(missing));
    assert.match(
      missing.stderr,
      /error: Missing --input-container URL, --output-container URL \(or the matching assetConversionSettings in the config file\), or give --input FILE\|FOLDER to upload a model\./,
    );

    const noFolder = await run(["conversion", "start", "--input", "/no/such/folder"]);
    assert.equal(noFolder.code, 2, show(noFolder));
    assert.match(noFolder.stderr, /--input \/no\/such\/folder: no such file or folder\./);

    const http = await run(["conversion", "start", "--input-container", "http://contoso/input"]);
    assert.equal(http.code, 2, show(http));
    assert.match(
      http.stderr,
      /option '--input-container <url>' argument 'http:\/\/contoso\/input' is invalid\. Expected an absolute https URL/,
    );

    const name = await run([
      "conversion",
      "start",
      ...LOCATIONS,
      "--input-asset",
      "x.fbx",
      "--output-name",
      "x.glb",
    ]);
    assert.equal(name.code, 2, show(name));
    assert.match(name.stderr, /Expected a file name ending in \.arrAsset/);

    const sas = await run([
      "conversion",
      "start",
      ...LOCATIONS,
      "--input-asset",
      "x.fbx",
      "--input-sas",
      "has space",
    ]);
    assert.equal(sas.code, 2, show(sas));
    assert.match(sas.stderr, /argument 'has space' is invalid\. Expected a SAS token/);

    const path = await run(["conversion", "start", ...LOCATIONS, "--input-asset", "/abs.fbx"]);
    assert.equal(path.code, 2, show(path));
    assert.match(path.stderr, /Expected a relative blob path/);
  });

  it("refuses a SAS or user info inside a container URL, without printing it", async () => {
    const before = (await emu.client.listConversions().byPage().next()).value?.length ?? 0;
    for (const [flag, sasFlag, value] of [
      ["--input-container", "--input-sas", `${LINKED_CONTAINER}?sv=2022-11-02&sig=SASSECRET`],
      ["--output-container", "--output-sas", `${LINKED_OUTPUT_CONTAINER}?SASSECRET`],
      ["--input-container", "--input-sas", "https://user:SASSECRET@contoso.blob.core.windows.net/input"],
      ["--input-container", "--input-sas", "http://contoso/input?sig=SASSECRET"],
    ] as const) {
      const args = ["conversion", "start", ...LOCATIONS, "--input", "x.fbx", flag, value];
      for (const json of flag === "--output-container" ? [false, true] : [false]) {
        const result = await run(json ? [...args, "--json"] : args);
        assert.equal(result.code, 2, show(result));
        assert.ok(!`${result.stdout}${result.stderr}`.includes("SASSECRET"), show(result));
        assert.match(result.stderr, new RegExp(`${flag} must be the container URL alone`));
        assert.match(result.stderr, new RegExp(`pass the access signature with ${sasFlag}`));
      }
    }
    const after = (await emu.client.listConversions().byPage().next()).value?.length ?? 0;
    assert.equal(after, before, "no conversion was created");
  });
});
