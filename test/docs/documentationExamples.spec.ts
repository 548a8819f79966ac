// Every ```ts block of README.md and docs/*.md runs as written, against the packed package.
//
// The rule, also stated in the README: each block is an ES module of its own in a project where the
// tarball is installed, compiled with strict settings (strict, noUncheckedIndexedAccess,
// exactOptionalPropertyTypes; target ES2022, so `await using` is lowered for Node.js 20) and run with
// node, in document order, against one emulator. Names a block uses without declaring them come from
// the prelude (test/docs/prelude): `client` (connected to the emulator), `emulator`, `poller`, and
// every export of the package's root and ./emulator entries. Placeholders ("<...>" strings) are
// swapped for the values in `placeholders` below; an unknown one fails the test. No request leaves
// the machine (prelude/networkGuard.mjs). A block must end by itself: one that leaves something
// running (an emulator, a timer) runs into the time limit and fails.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EMULATOR_ACCOUNT, startEmulator, type RunningEmulator } from "../../src/emulator/index";
import {
  consumerProject,
  repositoryRoot,
  runProcess,
  strictConsumerTsconfig,
  typescriptCompiler,
} from "../package/support/packedPackage";

/** What each placeholder of the documentation stands for when the examples run. */
const placeholders: Readonly<Record<string, string>> = {
  "<account id: a UUID>": DEFAULT_EMULATOR_ACCOUNT.accountId,
  "<key>": DEFAULT_EMULATOR_ACCOUNT.accountKey,
  "<jwt>": "eyJhbGciOiJub25lIn0.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln",
  "<read and list SAS>": "sv=2021-08-06&sp=rl&sig=example",
  "<write SAS>": "sv=2021-08-06&sp=w&sig=example",
};

/** The prelude's modules, by the names they provide. */
const preludeModules: Readonly<Record<string, string>> = {
  client: "./prelude/client.js",
  emulator: "./prelude/emulator.js",
  poller: "./prelude/poller.js",
};

interface Example {
  /** README.md:47, the block's opening line. */
  where: string;
  /** The module's file name in the project. */
  name: string;
  code: string;
}

function examplesOf(file: string): Example[] {
  const lines = readFileSync(path.join(repositoryRoot, file), "utf8").split("\n");
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== "```ts") continue;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && lines[i]?.trim() !== "```") body.push(lines[i] ?? "");
    const where = `${file}:${start + 1}`;
    examples.push({ where, name: `${file.replace(/[/.]/g, "_")}_${start + 1}`, code: body.join("\n") });
  }
  return examples;
}

function swapPlaceholders(example: Example): string {
  return example.code.replace(/"(<[^"]*>)"/g, (_, placeholder: string) => {
    const value = placeholders[placeholder];
    if (value === undefined) {
      throw new Error(`${example.where}: unknown placeholder "${placeholder}"; add it to placeholders`);
    }
    return JSON.stringify(value);
  });
}

/** `file.ts(3,5): error TS2304: Cannot find name 'client'.` lines, by file. */
function undeclaredNames(output: string): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const match of output.matchAll(
    /^(\S+)\.ts\(\d+,\d+\): error TS(?:2304|2552): Cannot find name '(\w+)'/gm,
  )) {
    const file = path.basename(match[1] ?? "");
    const names = byFile.get(file) ?? new Set<string>();
    names.add(match[2] ?? "");
    byFile.set(file, names);
  }
  return byFile;
}

function preludeImports(names: ReadonlySet<string>): string {
  const fromPackage = [...names].filter((name) => preludeModules[name] === undefined);
  const lines = [...names]
    .filter((name) => preludeModules[name] !== undefined)
    .map((name) => `import { ${name} } from "${preludeModules[name]}";`);
  if (fromPackage.length > 0) lines.push(`import { ${fromPackage.join(", ")} } from "./prelude/package.js";`);
  return lines.join("\n");
}

describe("documentation examples", function () {
  this.timeout(600_000);
  const documents = [
    "README.md",
    ...readdirSync(path.join(repositoryRoot, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`),
  ];
  const examples = documents.flatMap(examplesOf);
  let emulator: RunningEmulator;
  let folder: string;
  let project: string;

  before(async () => {
    project = await consumerProject("esm");
    folder = path.join(project, "examples");
    mkdirSync(path.join(folder, "prelude"), { recursive: true });
    for (const file of readdirSync(path.join(__dirname, "prelude"))) {
      copyFileSync(path.join(__dirname, "prelude", file), path.join(folder, "prelude", file));
    }
    writeFileSync(
      path.join(folder, "tsconfig.json"),
      strictConsumerTsconfig(["*.ts", "prelude/*.ts"], { rootDir: "." }),
    );
    for (const example of examples) {
      writeFileSync(path.join(folder, `${example.name}.ts`), `${swapPlaceholders(example)}\nexport {};\n`);
    }
    emulator = await startEmulator({
      port: 0,
      logger: false,
      sessionStartupInSeconds: { Standard: 1, Premium: 1 },
      conversionPhasesInSeconds: { notStarted: 1, running: 1 },
    });
  });
  after(async () => {
    await emulator?.close();
  });

  it("finds the examples of README.md and docs/", () => {
    assert.ok(examples.length >= 10, `found ${examples.length}`);
  });

  it("compiles every example with strict settings, undeclared names taken from the prelude", async () => {
    const tsc = (): Promise<{ code: number | null; stdout: string }> =>
      runProcess(process.execPath, [typescriptCompiler, "-p", "examples", "--pretty", "false"], {
        cwd: project,
      });
    const first = await tsc();
    for (const [file, names] of undeclaredNames(first.stdout)) {
      const target = path.join(folder, `${file}.ts`);
      writeFileSync(target, `${preludeImports(names)}\n${readFileSync(target, "utf8")}`);
    }
    const second = await tsc();
    assert.equal(second.code, 0, second.stdout);
  });

  for (const example of examples) {
    it(`runs ${example.where}`, async () => {
      const result = await runProcess(
        process.execPath,
        [
          "--import",
          "./examples/prelude/networkGuard.mjs",
          path.join("examples", "out", `${example.name}.js`),
        ],
        { cwd: project, env: { ...process.env, EMULATOR_URL: emulator.url }, timeoutInMs: 90_000 },
      );
      assert.equal(
        result.code,
        0,
        `${example.where} exited ${String(result.code)}\n${result.stdout}${result.stderr}`,
      );
    });
  }
});
