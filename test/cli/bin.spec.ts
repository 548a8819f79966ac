// bin/arr.js, the package's `arr` command: declared in package.json, executable, and running the
// compiled command line in dist/commonjs/ (or saying how to build it). Checked on a copy with a stand-in dist/.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeTmpDir, repoRoot } from "./support/arrProcess";

const BIN = path.join(repoRoot, "bin", "arr.js");

describe("bin/arr.js", () => {
  let tmp: ReturnType<typeof makeTmpDir>;
  beforeEach(() => {
    tmp = makeTmpDir("bin");
    mkdirSync(path.join(tmp.dir, "bin"));
    copyFileSync(BIN, path.join(tmp.dir, "bin", "arr.js"));
  });
  afterEach(() => tmp.remove());

  it("is the package's arr command, an executable node script", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      bin: Record<string, string>;
      files: string[];
      scripts: Record<string, string>;
    };
    assert.equal(pkg.bin.arr, "bin/arr.js");
    assert.ok(pkg.files.includes("bin") && pkg.files.includes("dist"));
    assert.match(pkg.scripts.prepare ?? "", /build/, "npm install builds dist/");
    assert.ok(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n"));
    assert.ok((statSync(BIN).mode & 0o111) !== 0, "bin/arr.js is not executable");
  });

  it("runs main() of dist/commonjs/cli/main.js with the arguments", () => {
    mkdirSync(path.join(tmp.dir, "dist", "commonjs", "cli"), { recursive: true });
    writeFileSync(
      path.join(tmp.dir, "dist", "commonjs", "cli", "main.js"),
      "exports.main = () => process.stdout.write(JSON.stringify(process.argv.slice(2)));\n",
    );
    const result = spawnSync(
      process.execPath,
      [path.join(tmp.dir, "bin", "arr.js"), "session", "list", "--json"],
      {
        encoding: "utf8",
      },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), ["session", "list", "--json"]);
  });

  it("says how to build when dist/ is missing", () => {
    const result = spawnSync(process.execPath, [path.join(tmp.dir, "bin", "arr.js"), "--help"], {
      encoding: "utf8",
    });
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /arr: the command line is not built yet \(.*dist[/\\]commonjs[/\\]cli[/\\]main\.js is missing\)/,
    );
    assert.match(result.stderr, /Run `npm install` \(which builds it\) or `npm run build`/);
  });
});
