// The packed package's metadata and entry points: publint and "Are the types wrong?" (every entry
// point under node10, node16 from CommonJS and from ESM, and bundlers) find no problem, and the
// tarball holds what its package.json promises (licence, changelog, sources for the source maps).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { packedTarball, repositoryRoot, runProcess } from "./support/packedPackage";

const bin = (name: string): string => path.join(repositoryRoot, "node_modules", ".bin", name);

describe("packed package", function () {
  this.timeout(300_000);
  let tarball: string;
  before(async () => {
    tarball = await packedTarball();
  });

  it("passes publint with no error or warning", async () => {
    const result = await runProcess(bin("publint"), ["run", tarball, "--level", "warning", "--strict"], {
      cwd: repositoryRoot,
    });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /All good!/);
  });

  it("passes @arethetypeswrong/cli for every entry point, node10 resolution included", async () => {
    const result = await runProcess(bin("attw"), [tarball, "--format", "json"], { cwd: repositoryRoot });
    const report = JSON.parse(result.stdout) as {
      analysis: { problems: unknown[]; entrypoints: Record<string, unknown> };
    };
    assert.deepEqual(report.analysis.problems, [], result.stdout);
    assert.deepEqual(Object.keys(report.analysis.entrypoints).sort(), [
      ".",
      "./emulator",
      "./limits",
      "./package.json",
      "./storage",
    ]);
    assert.equal(result.code, 0, result.stderr);
  });

  it("ships the licence, changelog, sources of the source maps, and both module formats", async () => {
    const listing = await runProcess("tar", ["-tzf", tarball], { cwd: repositoryRoot });
    const files = new Set(listing.stdout.split("\n").map((line) => line.replace(/^package\//, "")));
    for (const file of [
      "LICENSE",
      "CHANGELOG.md",
      "README.md",
      "src/index.ts",
      "dist/esm/index.js",
      "dist/esm/index.js.map",
      "dist/esm/index.d.ts",
      "dist/commonjs/index.js",
      "dist/commonjs/index.d.ts",
      "dist/commonjs/cli/main.js",
      "bin/arr.js",
    ]) {
      assert.ok(files.has(file), `${file} is in the tarball`);
    }
    const map = JSON.parse(
      readFileSync(path.join(repositoryRoot, "dist", "esm", "index.js.map"), "utf8"),
    ) as { sources: string[] };
    assert.deepEqual(map.sources, ["../../src/index.ts"], "the map points at the shipped src/");
  });

  it("declares a repository, MIT licence, no side effects and caret ranges", () => {
    const pkg = JSON.parse(readFileSync(path.join(repositoryRoot, "package.json"), "utf8")) as {
      license: string;
      repository: { url: string };
      sideEffects: boolean;
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional: boolean }>;
    };
    assert.equal(pkg.license, "MIT");
    assert.match(pkg.repository.url, /^git\+https:\/\//);
    assert.equal(pkg.sideEffects, false);
    for (const [name, range] of Object.entries(pkg.dependencies)) {
      assert.match(range, /^\^\d+\.\d+\.\d+$/, `${name}: a caret range (package-lock.json pins it)`);
    }
    assert.equal(pkg.dependencies["@azure/identity"], undefined, "@azure/identity is not a dependency");
    assert.equal(pkg.peerDependenciesMeta["@azure/identity"]?.optional, true);
    assert.match(readFileSync(path.join(repositoryRoot, "LICENSE"), "utf8"), /^MIT License/);
  });
});
