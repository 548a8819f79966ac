// The emitter on its own fixture specs (test/generator/fixtures) and on a second real spec of the
// family (Azure Object Anchors): files, header, formatting, no `any`, determinism, and one strict
// tsc run over every output together with the fixtures' compile-time type assertions.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { emitClient } from "../../generator/src/emitClient";
import { readEmitterOptions } from "../../generator/src/emitterOptions";
import { loadCodeModel } from "../../generator/src/loadCodeModel";
import type { FixtureRun } from "./generationRuns";
import { fixtureGeneration, fixtureNames, objectAnchorsSpec, startGenerationRuns } from "./generationRuns";
import { assertGeneratedSource } from "./generatedSourceChecks";
import type { ProcessResult } from "./runAutorest";
import { repositoryRoot, runNode, tail } from "./runAutorest";

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".ts") && name !== "assertTypes.ts")
    .sort();
}

/** The emitter options each fixture's batch section sets (see generationRuns.ts). */
const fixtureSettings: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  operations: {
    "package-details": { name: "fixture-operations", version: "2.0.0" },
    "add-credentials": false,
  },
  paging: { "add-credentials": true },
};

describe("generator: fixture specs and a second real spec", function () {
  let run: FixtureRun;
  let typecheck: Promise<ProcessResult> | undefined;

  /** One tsc run over every output (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes). */
  function typecheckOnce(): Promise<ProcessResult> {
    if (typecheck === undefined) {
      const tsconfig = {
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2023"],
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          noImplicitOverride: true,
          noEmit: true,
          skipLibCheck: true,
          types: ["node"],
        },
        include: ["out/**/*.ts"],
      };
      const file = path.join(run.folder, "tsconfig.json");
      writeFileSync(file, JSON.stringify(tsconfig, null, 2));
      const tsc = path.join(repositoryRoot, "node_modules", "typescript", "bin", "tsc");
      typecheck = runNode([tsc, "-p", file, "--pretty", "false"]);
    }
    return typecheck;
  }

  before(async function () {
    this.timeout(600_000);
    startGenerationRuns();
    run = await fixtureGeneration();
    assert.equal(run.exitCode, 0, `AutoRest failed on the fixtures:\n${tail(run.output)}`);
  });

  it("writes the rest-level client files of each fixture", function () {
    const common = [
      "clientDefinitions.ts",
      "index.ts",
      "isUnexpected.ts",
      "logger.ts",
      "outputModels.ts",
      "parameters.ts",
    ];
    const expected: Record<string, string[]> = {
      operations: [...common, "fixtureOperationsClient.ts", "models.ts", "responses.ts"],
      models: [...common, "fixtureModels.ts", "models.ts", "responses.ts"],
      // No input models (nothing is sent), and pageable operations bring the paginate helper.
      paging: [...common, "fixturePagingClient.ts", "paginateHelper.ts", "responses.ts"],
    };
    assert.deepEqual(fixtureNames(), Object.keys(expected).sort());
    for (const [name, files] of Object.entries(expected)) {
      const output = run.outputs.get(name) as string;
      assert.deepEqual(typeScriptFiles(output), [...files].sort(), `files of ${name}`);
    }
  });

  it("starts every file with the generated header, formats it with prettier, and emits no `any`", async function () {
    for (const [name, output] of run.outputs) {
      for (const file of typeScriptFiles(output)) {
        await assertGeneratedSource(`${name}/${file}`, readFileSync(path.join(output, file), "utf8"));
      }
    }
  });

  it("emits byte-identical files in-process, twice, as AutoRest wrote them", async function () {
    for (const name of fixtureNames()) {
      const output = run.outputs.get(name) as string;
      const codeModel = readFileSync(path.join(output, "code-model-v4-no-tags.yaml"), "utf8");
      const settings = fixtureSettings[name] ?? {};
      const options = await readEmitterOptions(async (key) => settings[key]);
      const first = await emitClient(loadCodeModel(codeModel), options, [`${name}.json`]);
      const second = await emitClient(loadCodeModel(codeModel), options, [`${name}.json`]);
      assert.deepEqual([...first.keys()].sort(), typeScriptFiles(output), `${name}: file names`);
      for (const [file, content] of first) {
        assert.equal(content, second.get(file), `${name}/${file} differs between two in-process runs`);
        assert.equal(
          content,
          readFileSync(path.join(output, file), "utf8"),
          `${name}/${file} differs from AutoRest's`,
        );
      }
    }
  });

  it("typechecks every output and the fixtures' type assertions in one strict tsc run", async function () {
    this.timeout(120_000);
    for (const name of fixtureNames()) {
      assert.ok(
        existsSync(path.join(run.outputs.get(name) as string, "assertTypes.ts")),
        `${name} assertions`,
      );
    }
    const result = await typecheckOnce();
    assert.equal(result.exitCode, 0, `tsc reported errors:\n${tail(result.output, 60)}`);
  });

  it("generates a client for the Object Anchors spec (mr-aoa.json) that typechecks", async function () {
    this.timeout(120_000);
    if (!existsSync(objectAnchorsSpec)) {
      console.log(
        `      skipped: ${objectAnchorsSpec} is absent (the reference folder ../shared is not here)`,
      );
      this.skip();
    }
    const output = run.outputs.get("objectAnchors") as string;
    const files = typeScriptFiles(output);
    assert.ok(
      files.some((file) => /^[a-z]\w*FrontEndAPIs(Client)?\.ts$/.test(file)),
      `factory file among ${files.join(", ")}`,
    );
    const responses = readFileSync(path.join(output, "responses.ts"), "utf8");
    assert.match(responses, /export interface IngestionJobCreate201Response extends HttpResponse/);
    assert.match(responses, /export interface IngestionJobCreateDefaultResponse extends HttpResponse/);
    const parameters = readFileSync(path.join(output, "parameters.ts"), "utf8");
    assert.match(parameters, /"x-mrc-cv"\?: string;/);
    const result = await typecheckOnce();
    const ownErrors = result.output
      .split("\n")
      .filter((line) => line.includes(`${path.sep}objectAnchors${path.sep}`));
    assert.deepEqual(ownErrors, [], "tsc errors in the Object Anchors client");
  });
});
