// .ci/run and the mocha reporter: the output ends with the plain line "N passed, N failed", and any
// failure (install, type check, lint, a test) exits non-zero. .ci/run is run with a stand-in `npm`
// first on PATH, which records its arguments and plays a scripted outcome.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const repositoryRoot = path.resolve(__dirname, "..", "..");
const summaryLine = /^\d+ passed, \d+ failed$/;

interface Outcome {
  exitCode: number | null;
  lines: string[];
  npmCalls: string[];
}

function lastLine(lines: readonly string[]): string {
  return lines.filter((line) => line.trim() !== "").at(-1) ?? "";
}

/** The stand-in npm: `ci` exits with $FAKE_CI_EXIT; `test` plays $FAKE_TEST; `run test:unit` passes. */
const fakeNpm = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_NPM_LOG"
case "$*" in
  "ci "*) exit "\${FAKE_CI_EXIT:-0}" ;;
  "test")
    case "$FAKE_TEST" in
      pass) echo "  3 passing"; echo; echo "3 passed, 0 failed"; exit 0 ;;
      failing-test) echo "  1 failing"; echo; echo "2 passed, 1 failed"; exit 1 ;;
      type-error) echo "src/x.ts(1,1): error TS2322: nope" >&2; exit 2 ;;
    esac ;;
  "run --silent test:unit") echo; echo "3 passed, 0 failed"; exit 0 ;;
esac
echo "unexpected npm call: $*" >&2
exit 99
`;

describe(".ci/run", function () {
  let folder: string;

  before(function () {
    folder = mkdtempSync(path.join(os.tmpdir(), "ci-run-"));
    writeFileSync(path.join(folder, "npm"), fakeNpm);
    chmodSync(path.join(folder, "npm"), 0o755);
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  function runCi(env: Record<string, string>): Outcome {
    const npmLog = path.join(folder, `calls-${Object.values(env).join("-")}.log`);
    writeFileSync(npmLog, "");
    const result = spawnSync("bash", [path.join(repositoryRoot, ".ci", "run")], {
      env: {
        ...process.env,
        ...env,
        FAKE_NPM_LOG: npmLog,
        PATH: `${folder}${path.delimiter}${process.env["PATH"]}`,
      },
      encoding: "utf8",
    });
    return {
      exitCode: result.status,
      lines: `${result.stdout}${result.stderr}`.split("\n"),
      npmCalls: readFileSync(npmLog, "utf8").split("\n").filter(Boolean),
    };
  }

  it("installs with npm ci, runs npm test, and ends with its summary line and exit code 0", () => {
    const outcome = runCi({ FAKE_TEST: "pass" });
    assert.equal(outcome.exitCode, 0);
    assert.deepEqual(outcome.npmCalls, ["ci --no-audit --no-fund", "test"]);
    assert.equal(lastLine(outcome.lines), "3 passed, 0 failed");
  });

  it("exits non-zero when a test fails, still ending with the summary line", () => {
    const outcome = runCi({ FAKE_TEST: "failing-test" });
    assert.notEqual(outcome.exitCode, 0);
    assert.deepEqual(outcome.npmCalls, ["ci --no-audit --no-fund", "test"]);
    assert.equal(lastLine(outcome.lines), "2 passed, 1 failed");
  });

  it("exits non-zero when the type check or lint fails, after running the tests for their count", () => {
    const outcome = runCi({ FAKE_TEST: "type-error" });
    assert.equal(outcome.exitCode, 2);
    assert.deepEqual(outcome.npmCalls, ["ci --no-audit --no-fund", "test", "run --silent test:unit"]);
    assert.ok(
      outcome.lines.some((line) => line.includes("error TS2322")),
      "the type error is shown",
    );
    assert.match(lastLine(outcome.lines), summaryLine);
  });

  it("exits non-zero without running the tests when the install fails", () => {
    const outcome = runCi({ FAKE_TEST: "pass", FAKE_CI_EXIT: "7" });
    assert.equal(outcome.exitCode, 7);
    assert.deepEqual(outcome.npmCalls, ["ci --no-audit --no-fund"]);
  });
});

describe("test/reporter.js", () => {
  it("ends with 'N passed, N failed' (skips on the line before) and mocha exits non-zero on a failure", function () {
    const folder = mkdtempSync(path.join(os.tmpdir(), "reporter-"));
    try {
      const spec = path.join(folder, "sample.spec.js");
      writeFileSync(
        spec,
        [
          'it("passes", () => {});',
          'it("fails", () => { throw new Error("expected failure"); });',
          'it("is skipped", function () { this.skip(); });',
          'it.skip("is pending");',
        ].join("\n"),
      );
      const mocha = require.resolve("mocha/bin/mocha.js", { paths: [repositoryRoot] });
      const result = spawnSync(
        process.execPath,
        [mocha, "--no-config", "--reporter", path.join(repositoryRoot, "test", "reporter.js"), spec],
        { cwd: folder, encoding: "utf8" },
      );
      assert.notEqual(result.status, 0);
      const lines = result.stdout.trimEnd().split("\n");
      assert.deepEqual(lines.slice(-2), ["2 skipped", "1 passed, 1 failed"]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
