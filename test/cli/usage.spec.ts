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
  ["session", "wait"],
  ["session", "update"],
  ["session", "list"],
  ["session", "stop"],
  ["session", "extend"],
  ["session", "keep-alive"],
  ["conversion"],
  ["conversion", "start"],
  ["conversion", "get"],
  ["conversion", "list"],
  ["conversion", "wait"],
  ["conversion", "upload"],
  ["conversion", "download"],
  ["emulator"],
  ["regions"],
  ["completion"],
];

/** Commands that run something (not only groups): each help shows an example. */
const LEAF_COMMANDS = COMMANDS.filter(
  (command) => command.length > 0 && !["session", "conversion"].includes(command.join(" ")),
);

/** Runs `work` over `items`, at most `limit` at a time (each run is a child process). */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, () => worker()));
  return results;
}

describe("arr usage", function () {
  this.timeout(180_000);
  let tmp: ReturnType<typeof makeTmpDir>;
  before(() => {
    tmp = makeTmpDir("usage");
  });
  after(() => tmp.remove());

  const run = (args: string[]): Promise<ArrResult> => runArr(args, { tmpDir: tmp.dir });

  it("prints --help for every command on stdout, with the global options", async () => {
    const results = await mapLimited(COMMANDS, 4, (command) => run([...command, "--help"]));
    results.forEach((result, i) => {
      const name = ["arr", ...(COMMANDS[i] ?? [])].join(" ");
      assert.equal(result.code, 0, `${name}: ${show(result)}`);
      assert.ok(result.stdout.startsWith(`Usage: ${name}`), `${name}: ${show(result)}`);
      assert.equal(result.stderr, "");
      if ((COMMANDS[i] ?? []).length > 0) {
        assert.match(result.stdout, /Global Options:[\s\S]*--json[\s\S]*--account-key <key>/, name);
      }
      if (LEAF_COMMANDS.includes(COMMANDS[i] ?? [])) {
        assert.match(
          result.stdout,
          new RegExp(`\\nExamples:\\n {2}\\$ ${name}\\b`),
          `${name} shows an example`,
        );
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
      "--lease <minutes|hh:mm:ss>",
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
        /option '--lease <minutes\|hh:mm:ss>' argument 'abc' is invalid\. Expected whole minutes from 0 to 1440, or hh:mm:ss/,
      ],
      [
        ["session", "start", "--lease", "1441"],
        /argument '1441' is invalid\. Expected whole minutes from 0 to 1440, or hh:mm:ss/,
      ],
      [["session", "start", "--lease", "24:00:01"], /argument '24:00:01' is invalid/],
      [["session", "start", "--lease", "01:60:00"], /argument '01:60:00' is invalid/],
      [["session", "update", "s1"], /error: required option '--lease <minutes\|hh:mm:ss>' not specified/],
      [
        ["session", "update", "s1", "--lease", "00:00:00"],
        /argument '00:00:00' is invalid\. Expected whole minutes from 1 to 1440, or hh:mm:ss/,
      ],
      [["conversion", "download", "c1"], /error: required option '--to <folder>' not specified/],
      [["conversion", "start", "--sas-expiry", "0"], /Expected whole minutes from 1 to 10080/],
      [
        ["completion", "powershell"],
        /value 'powershell' is invalid for argument 'shell'\. Allowed choices are bash, zsh, fish\./,
      ],
      [["emulator", "--storage-url", "ftp://x"], /Expected the blob endpoint of a storage account/],
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
    const results = await mapLimited(cases, 4, ([args]) => run(args));
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
