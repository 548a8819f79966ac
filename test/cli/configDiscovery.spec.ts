// Where the config file comes from (--config, ARR_CONFIG, ./arrconfig.json) and the lease forms the
// command line takes (minutes or hh:mm:ss, as the scripts' MaxLeaseTime).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findConfigFile, parseConfig } from "../../src/cli/config/readConfigFile";
import {
  leaseTextToMinutes,
  parseLeaseInMinutes,
  parseUpdateLeaseInMinutes,
} from "../../src/cli/parseOptionValues";
import { makeTmpDir, parseJson, runArr, show } from "./support/arrProcess";

describe("config file discovery and lease forms", () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "arr-config-"));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it("takes --config, else ARR_CONFIG, else ./arrconfig.json when it exists", () => {
    assert.equal(findConfigFile("given.json", { ARR_CONFIG: "env.json" }, folder), "given.json");
    assert.equal(findConfigFile(undefined, { ARR_CONFIG: " env.json " }, folder), "env.json");
    assert.equal(findConfigFile(undefined, {}, folder), undefined);
    writeFileSync(path.join(folder, "arrconfig.json"), "{}");
    assert.equal(findConfigFile(undefined, { ARR_CONFIG: "" }, folder), path.join(folder, "arrconfig.json"));
  });

  it("reads localAssetDirectoryPath and ignores resourceGroup", () => {
    const settings = parseConfig(
      {
        assetConversionSettings: {
          localAssetDirectoryPath: "./models",
          resourceGroup: "rg",
          inputAssetPath: "a.fbx",
        },
      },
      "arrconfig.json",
    );
    assert.deepEqual(settings.conversion, { localAssetDirectory: "./models", inputAssetPath: "a.fbx" });
  });

  it("reads leases as minutes or hh:mm:ss (seconds round up)", () => {
    assert.equal(leaseTextToMinutes("01:30:00"), 90);
    assert.equal(leaseTextToMinutes("0:00:01"), 1);
    assert.equal(leaseTextToMinutes("24:00:00"), 1440);
    assert.equal(leaseTextToMinutes("45"), 45);
    assert.equal(leaseTextToMinutes("1:60:00"), undefined);
    assert.equal(leaseTextToMinutes("1h"), undefined);
    assert.equal(parseLeaseInMinutes("00:00:00"), 0);
    assert.throws(() => parseUpdateLeaseInMinutes("00:00:00"), /from 1 to/);
    assert.throws(() => parseLeaseInMinutes("24:00:01"), /hh:mm:ss/);
  });

  it("a command reads arrconfig.json through ARR_CONFIG", async function () {
    this.timeout(60_000);
    const tmp = makeTmpDir("config");
    try {
      const file = path.join(tmp.dir, "my-arrconfig.json");
      writeFileSync(
        file,
        JSON.stringify({ renderingSessionSettings: { vmSize: "premium", maxLeaseTime: "0:45:00" } }),
      );
      const result = await runArr(["session", "start", "--id", "cfg-1", "--no-wait", "--json"], {
        tmpDir: tmp.dir,
        env: { ARR_CONFIG: file },
        timeoutInMs: 45_000,
      });
      assert.equal(result.code, 0, show(result));
      const view = parseJson<{ size: string; maxLeaseTimeInMinutes: number }>(result);
      assert.equal(view.size, "Premium");
      assert.equal(view.maxLeaseTimeInMinutes, 45);
    } finally {
      tmp.remove();
    }
  });
});
