// The samples of samples/ run: compiled with strict settings against the packed package (in the
// consumer project where the tarball is installed) and each run with node against an emulator with
// quick sessions and pages of two items, named by the ARR_* variables the samples read.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EMULATOR_ACCOUNT, startEmulator, type RunningEmulator } from "../../src/emulator/index";
import {
  consumerProject,
  repositoryRoot,
  runChecked,
  runProcess,
  strictConsumerTsconfig,
  typescriptCompiler,
} from "../package/support/packedPackage";

/** What each sample must print. */
const expectedOutput: Readonly<Record<string, RegExp>> = {
  "startAndStopSession.ts": /Ready: \S+:\d+[\s\S]*Stopped sample-session-\d+: Stopped/,
  "keepSessionAlive.ts":
    /Lease now \d+ minutes[\s\S]*Stopped keeping sample-kept-\d+ alive: stopped, [1-9]\d* renewals/,
  "convertAsset.ts": /sample-conversion-\d+ Succeeded: \S+robot\.arrAsset/,
  "resumePoller.ts": /Saved the poller[\s\S]*Resumed: sample-resumed-\d+ is Ready/,
  "listWithContinuationToken.ts": /Page 2: [\s\S]*Resumed after the first page: \d+ more sessions/,
};

describe("samples", function () {
  this.timeout(300_000);
  const samplesFolder = path.join(repositoryRoot, "samples");
  const samples = readdirSync(samplesFolder).filter(
    (name) => name.endsWith(".ts") && name !== "sampleConnection.ts",
  );
  let emulator: RunningEmulator;
  let project: string;

  before(async () => {
    project = await consumerProject("esm");
    const folder = path.join(project, "samples");
    mkdirSync(folder, { recursive: true });
    for (const file of readdirSync(samplesFolder).filter((name) => name.endsWith(".ts"))) {
      copyFileSync(path.join(samplesFolder, file), path.join(folder, file));
    }
    writeFileSync(path.join(folder, "tsconfig.json"), strictConsumerTsconfig(["*.ts"]));
    emulator = await startEmulator({
      port: 0,
      logger: false,
      pageSize: 2,
      sessionStartupInSeconds: { Standard: 1 },
      conversionPhasesInSeconds: { notStarted: 1, running: 1 },
    });
  });
  after(async () => {
    await emulator?.close();
  });

  it("has a runnable sample for each topic, and compiles them all strictly", async () => {
    assert.deepEqual(samples.sort(), Object.keys(expectedOutput).sort());
    await runChecked(process.execPath, [typescriptCompiler, "-p", "samples", "--pretty", "false"], {
      cwd: project,
    });
  });

  for (const sample of Object.keys(expectedOutput)) {
    it(`runs ${sample} against the emulator`, async () => {
      const result = await runProcess(
        process.execPath,
        [path.join("samples", "out", sample.replace(/\.ts$/, ".js"))],
        {
          cwd: project,
          env: {
            ...process.env,
            ARR_ENDPOINT: emulator.url,
            ARR_AUTHENTICATION_ENDPOINT: emulator.url,
            ARR_ACCOUNT_ID: DEFAULT_EMULATOR_ACCOUNT.accountId,
            ARR_ACCOUNT_KEY: DEFAULT_EMULATOR_ACCOUNT.accountKey,
          },
          timeoutInMs: 120_000,
        },
      );
      assert.equal(
        result.code,
        0,
        `${sample} exited ${String(result.code)}\n${result.stdout}${result.stderr}`,
      );
      assert.match(result.stdout, expectedOutput[sample] ?? /never/, result.stdout);
    });
  }
});
