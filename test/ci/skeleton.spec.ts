// The project skeleton the rest depends on: the package name, the strict compiler settings that cover
// sources and tests alike, and a test command that type-checks before mocha runs the TypeScript tests.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";

const repositoryRoot = path.resolve(__dirname, "..", "..");

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(repositoryRoot, file), "utf8")) as Record<string, unknown>;
}

function objectAt(value: unknown, key: string): Record<string, unknown> {
  const child = (value as Record<string, unknown>)[key];
  assert.ok(typeof child === "object" && child !== null, `${key} is missing`);
  return child as Record<string, unknown>;
}

describe("project skeleton", () => {
  const packageJson = readJson("package.json");

  it("is the package remote-rendering-client, tested with mocha and nock", () => {
    assert.equal(packageJson["name"], "remote-rendering-client");
    const devDependencies = objectAt(packageJson, "devDependencies");
    for (const name of ["mocha", "nock", "typescript", "tsx", "autorest"]) {
      assert.match(
        String(devDependencies[name]),
        /^\^\d+\.\d+\.\d+$/,
        `${name} is a caret dev dependency (the lockfile pins it)`,
      );
    }
    const mocharc = readJson(".mocharc.json");
    assert.ok(Array.isArray(mocharc["require"]) && mocharc["require"].includes("tsx/cjs"));
    assert.equal(mocharc["reporter"], "test/reporter.js");
  });

  it("type-checks sources and tests with strict, noUncheckedIndexedAccess and exactOptionalPropertyTypes", () => {
    const tsconfig = readJson("tsconfig.json");
    const options = objectAt(tsconfig, "compilerOptions");
    assert.equal(options["strict"], true);
    assert.equal(options["noUncheckedIndexedAccess"], true);
    assert.equal(options["exactOptionalPropertyTypes"], true);
    const include = tsconfig["include"];
    assert.ok(Array.isArray(include), "tsconfig.json has an include list");
    for (const folder of ["src", "test", "generator/src"]) assert.ok(include.includes(folder), folder);
  });

  it("runs the type check and lint before the TypeScript tests in npm test, and generates with one command", () => {
    const scripts = objectAt(packageJson, "scripts");
    const test = String(scripts["test"]);
    assert.match(test, /npm run typecheck/);
    assert.match(test, /npm run lint/);
    assert.match(test, /mocha 'test\/\*\*\/\*\.spec\.ts'$/);
    assert.equal(scripts["generate"], "node scripts/generate.js");
  });
});
