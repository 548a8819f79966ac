// Help on every command, the version, and bad flags and values: each refused with a message naming
// the flag and the allowed form, and the usage exit code (2), before anything is sent.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeTmpDir, repoRoot, runArr, show, type ArrResult } from "./support/arrProcess";

const COMMANDS = [
  [],
  ["session"],
  ["session", "start"],
  ["session", "get"],
  ["session", "list"],
  ["session", "stop"],
  ["session", "extend"],
  ["session", "keep-alive"],
  ["conversion"],
  ["conversion", "start"],
  ["conversion", "get"],
  ["conversion", "list"],
  ["emulator"],
  ["regions"],
];

describe("arr usage", function () {
  let tmp: ReturnType<typeof makeTmpDir>;
  before(() => {
    tmp = makeTmpDir("usage");
  });
  after(() => tmp.remove());

  const run = (args: string[]): Promise<ArrResult> => runArr(args, { tmpDir: tmp.dir });

  it("prints --help for every command on stdout, with the global options", async () => {
    const results = await Promise.all(COMMANDS.map((command) => run([...command, "--help"])));
    results.forEach((result, i) => {
      const name = ["arr", ...(COMMANDS[i] ?? [])].join(" ");
      assert.equal(result.code, 0, `${name}: ${show(result)}`);
      assert.ok(result.stdout.startsWith(`Usage: ${name}`), `${name}: ${show(result)}`);
      assert.equal(result.stderr, "");
      if ((COMMANDS[i] ?? []).length > 0) {
        assert.match(result.stdout, /Global Options:[\s\S]*--json[\s\S]*--account-key <key>/, name);
      }
    });
    const root = results[0]?.stdout ?? "";
    for (const code of ["0", "1", "2", "3", "4", "130"]) {
      assert.match(root, new RegExp(`^ {2}${code}\\s+\\S`, "m"), `exit code ${code} documented`);
    }
    const start = results[2]?.stdout ?? "";
    for (const flag of [
      "--id <id>",
      "--size <size>",
      "--lease <minutes>",
      "--no-wait",
      "--stop-on-interrupt",
    ]) {
      assert.ok(start.includes(flag), flag);
    }
  });

  it("prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      version: string;
    };
    const result = await run(["--version"]);
    assert.equal(result.code, 0, show(result));
    assert.equal(result.stdout, `${version}\n`);
  });

  it("refuses bad flags and values with the usage code and a message naming the allowed form", async () => {
    const cases: [args: string[], message: RegExp][] = [
      [
        ["session", "start", "--lease", "abc"],
        /option '--lease <minutes>' argument 'abc' is invalid\. Expected whole minutes from 0 to 1440\./,
      ],
      [
        ["session", "start", "--lease", "1441"],
        /argument '1441' is invalid\. Expected whole minutes from 0 to 1440\./,
      ],
      [["session", "start", "--lease", "-5"], /argument '-5' is invalid/],
      [
        ["session", "start", "--size", "huge"],
        /option '--size <size>' argument 'huge' is invalid\. Expected standard or premium\./,
      ],
      [
        ["session", "start", "--id", "bad id!"],
        /argument 'bad id!' is invalid\. Expected 1 to 256 letters, digits, '-' or '_'\./,
      ],
      [["session", "start", "--id", "x".repeat(257)], /Expected 1 to 256 letters, digits/],
      [
        ["session", "start", "--poll-interval", "0"],
        /option '--poll-interval <seconds>' argument '0' is invalid\. Expected seconds from 0\.05 to 600/,
      ],
      [["session", "start", "--wat"], /error: unknown option '--wat'/],
      [["session", "get"], /error: missing required argument 'id'/],
      [["session", "get", "a", "b"], /error: too many arguments for 'get'\. Expected 1 argument but got 2\./],
      [
        ["session", "get", "no/slash"],
        /command-argument value 'no\/slash' is invalid for argument 'id'\. Expected 1 to 256 letters/,
      ],
      [["session", "extend", "s1"], /error: required option '--by <minutes>' not specified/],
      [
        ["session", "extend", "s1", "--by", "0"],
        /option '--by <minutes>' argument '0' is invalid\. Expected whole minutes from 1 to 1440\./,
      ],
      [
        ["session", "keep-alive", "s1", "--every", "0"],
        /option '--every <minutes>' argument '0' is invalid\. Expected minutes above 0 and at most 1440/,
      ],
      [["session", "keep-alive", "s1", "--every", "soon"], /argument 'soon' is invalid/],
      [
        ["session", "keep-alive", "s1", "--by", "1.5"],
        /option '--by <minutes>' argument '1\.5' is invalid\. Expected whole minutes from 1 to 1440\./,
      ],
      [["session", "teleport"], /error: unknown command 'teleport'/],
      [["conversion", "get", "bad id"], /Expected 1 to 256 letters/],
      [["nothing"], /error: unknown command 'nothing'/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    results.forEach((result, i) => {
      const [args, message] = cases[i] ?? [[], /never/];
      assert.equal(result.code, 2, `${args.join(" ")}: ${show(result)}`);
      assert.match(result.stderr, message, `${args.join(" ")}: ${show(result)}`);
      assert.match(result.stderr, /\(add --help for usage\)/);
      assert.equal(result.stdout, "");
    });
  });

  it("reports usage errors as one JSON object on stderr with --json", async () => {
    const result = await run(["session", "start", "--json", "--size", "huge"]);
    assert.equal(result.code, 2, show(result));
    assert.equal(result.stdout, "");
    assert.deepEqual(JSON.parse(result.stderr), {
      error: {
        exitCode: 2,
        message: "option '--size <size>' argument 'huge' is invalid. Expected standard or premium.",
      },
    });
  });

  it("shows the subcommands with the usage code when a command group is called alone", async () => {
    const result = await run(["session"]);
    assert.equal(result.code, 2, show(result));
    assert.match(result.stderr, /Usage: arr session/);
    assert.match(result.stderr, /keep-alive/);
  });
});
