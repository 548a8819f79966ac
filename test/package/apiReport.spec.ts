// The public API is reviewed: api-extractor's reports of the root entry and of ./emulator, checked
// in under review/, must match the built declarations. After a deliberate change, run
// `npm run api:update` and commit review/ with the change.
import assert from "node:assert/strict";
import path from "node:path";
import { ensureBuilt, repositoryRoot, runProcess } from "./support/packedPackage";

const apiExtractor = path.join(repositoryRoot, "node_modules", ".bin", "api-extractor");

describe("API report (review/)", function () {
  this.timeout(300_000);
  before(() => ensureBuilt());

  for (const [entry, config] of [
    ["remote-rendering-client", "api-extractor.json"],
    ["remote-rendering-client/emulator", "api-extractor.emulator.json"],
  ] as const) {
    it(`matches the public API of ${entry}`, async () => {
      const result = await runProcess(apiExtractor, ["run", "-c", config], { cwd: repositoryRoot });
      assert.equal(
        result.code,
        0,
        `The public API of ${entry} differs from review/ (or api-extractor failed). If the change is ` +
          `deliberate, run \`npm run api:update\` and commit review/.\n${result.stdout}${result.stderr}`,
      );
    });
  }
});
