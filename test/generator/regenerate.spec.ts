// `npm run generate` reproduces the committed src/generated exactly: regenerate into a temporary
// folder (scripts/generate.js --generated-root=...) and compare every file byte for byte.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { RegenerationRun } from "./generationRuns";
import { assertGeneratedSource } from "./generatedSourceChecks";
import { regeneration, startGenerationRuns } from "./generationRuns";
import { repositoryRoot, tail } from "./runAutorest";

const committedRoot = path.join(repositoryRoot, "src", "generated");

/** Relative paths of every file below `root`, sorted. */
function listFiles(root: string, folder = ""): string[] {
  return readdirSync(path.join(root, folder))
    .flatMap((name) => {
      const relative = path.join(folder, name);
      return statSync(path.join(root, relative)).isDirectory() ? listFiles(root, relative) : [relative];
    })
    .sort();
}

describe("generator: npm run generate reproduces src/generated", function () {
  let run: RegenerationRun;

  before(async function () {
    this.timeout(600_000);
    startGenerationRuns();
    run = await regeneration();
    assert.equal(run.exitCode, 0, `scripts/generate.js failed:\n${tail(run.output)}`);
  });

  it("produces the same files as committed, for both clients", function () {
    const committed = listFiles(committedRoot);
    assert.deepEqual(listFiles(run.generatedRoot), committed);
    for (const folder of ["remoteRendering", "sts"]) {
      assert.ok(
        committed.some((file) => file.startsWith(`${folder}${path.sep}`)),
        `src/generated/${folder} is missing`,
      );
    }
  });

  it("produces byte-identical content (run `npm run generate` and commit if this fails)", function () {
    const different = listFiles(committedRoot).filter(
      (file) =>
        !readFileSync(path.join(run.generatedRoot, file)).equals(
          readFileSync(path.join(committedRoot, file)),
        ),
    );
    assert.deepEqual(different, [], "files that differ from a fresh generation");
  });

  it("commits only files with the generated header, prettier formatting and no `any`", async function () {
    for (const file of listFiles(committedRoot)) {
      await assertGeneratedSource(file, readFileSync(path.join(committedRoot, file), "utf8"));
    }
  });
});
