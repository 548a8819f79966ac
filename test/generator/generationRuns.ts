// The two AutoRest runs the generator tests share. Both start as soon as either is asked for, so
// they overlap; each runs once per test process.
import { copyFileSync, existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ProcessResult } from "./runAutorest";
import {
  makeWorkFolder as makeFolder,
  repositoryRoot,
  runAutorest,
  runNode,
  sharedRoot,
} from "./runAutorest";

/** A work folder that is removed when the test process exits (several spec files read it). */
function makeWorkFolder(prefix: string): string {
  const folder = makeFolder(prefix);
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

export const fixturesFolder = path.join(__dirname, "fixtures");

/** The second real spec of the ARR family; used when the shared reference folder is present. */
export const objectAnchorsSpec = path.join(
  sharedRoot,
  "upstream-spec",
  "Microsoft.MixedReality",
  "preview",
  "0.3-preview.2",
  "mr-aoa.json",
);

/** Extra emitter options per fixture (YAML lines of its batch section). */
const fixtureOptions: Readonly<Record<string, readonly string[]>> = {
  operations: [
    "package-details:",
    "  name: fixture-operations",
    "  version: 2.0.0",
    "add-credentials: false",
  ],
  paging: ["add-credentials: true"],
};

export interface FixtureRun extends ProcessResult {
  readonly folder: string;
  /** Output folder per client name (fixture base name, plus `objectAnchors` when its spec exists). */
  readonly outputs: ReadonlyMap<string, string>;
}

export interface RegenerationRun extends ProcessResult {
  readonly generatedRoot: string;
}

export function fixtureNames(): string[] {
  return readdirSync(fixturesFolder)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}

function fixtureConfiguration(
  outputs: ReadonlyMap<string, string>,
  inputs: ReadonlyMap<string, string>,
): string {
  const sections = [...outputs.keys()].map((name) =>
    [
      "```yaml $(tag) == '" + name + "'",
      `input-file: ${JSON.stringify(inputs.get(name))}`,
      `output-folder: ${JSON.stringify(outputs.get(name))}`,
      ...(fixtureOptions[name] ?? []),
      "```",
    ].join("\n"),
  );
  return [
    "# Generator fixtures (written by test/generator/generationRuns.ts)",
    "```yaml",
    "use-extension:",
    '  "@autorest/modelerfour": "4.27.3"',
    `use: ${JSON.stringify(path.join(repositoryRoot, "generator"))}`,
    "clear-output-folder: true",
    // The code model is kept next to the output so the tests can run the emitter in-process on it.
    "output-artifact:",
    "  - source-file-rlc",
    "  - code-model-v4-no-tags",
    "batch:",
    ...[...outputs.keys()].map((name) => `  - tag: ${name}`),
    "```",
    ...sections,
    "",
  ].join("\n");
}

async function generateFixtures(): Promise<FixtureRun> {
  const folder = makeWorkFolder("rlc-fixtures-");
  const inputs = new Map(fixtureNames().map((name) => [name, path.join(fixturesFolder, `${name}.json`)]));
  if (existsSync(objectAnchorsSpec)) {
    inputs.set("objectAnchors", objectAnchorsSpec);
  }
  const outputs = new Map([...inputs.keys()].map((name) => [name, path.join(folder, "out", name)]));
  const configuration = path.join(folder, "autorest.md");
  writeFileSync(configuration, fixtureConfiguration(outputs, inputs));
  const result = await runAutorest(configuration);
  for (const [name, output] of outputs) {
    const assertions = path.join(fixturesFolder, `${name}.assert-types.ts.txt`);
    if (existsSync(assertions) && existsSync(output)) {
      copyFileSync(assertions, path.join(output, "assertTypes.ts"));
    }
  }
  return { ...result, folder, outputs };
}

async function regenerate(): Promise<RegenerationRun> {
  const folder = makeWorkFolder("rlc-regenerate-");
  const generatedRoot = path.join(folder, "generated");
  const result = await runNode([
    path.join(repositoryRoot, "scripts", "generate.js"),
    `--generated-root=${generatedRoot}`,
  ]);
  return { ...result, generatedRoot };
}

let fixtureRun: Promise<FixtureRun> | undefined;
let regenerationRun: Promise<RegenerationRun> | undefined;

/**
 * Whether AutoRest already downloaded its core and modeler (into ~/.autorest). On a fresh machine
 * the first run installs them, and two runs installing at once would race.
 */
function autorestIsInstalled(): boolean {
  const home = path.join(os.homedir(), ".autorest");
  return (
    existsSync(path.join(home, "@autorest_core@3.10.9")) &&
    existsSync(path.join(home, "@autorest_modelerfour@4.27.3"))
  );
}

/** Starts both runs (once): side by side when AutoRest is installed, one after the other otherwise. */
export function startGenerationRuns(): void {
  if (regenerationRun === undefined) {
    regenerationRun = regenerate();
    // Handled where it is awaited; this only keeps an unawaited failure from crashing the process.
    regenerationRun.catch(() => undefined);
  }
  if (fixtureRun === undefined) {
    const previous = regenerationRun;
    fixtureRun = autorestIsInstalled()
      ? generateFixtures()
      : previous.then(generateFixtures, generateFixtures);
    fixtureRun.catch(() => undefined);
  }
}

export function fixtureGeneration(): Promise<FixtureRun> {
  startGenerationRuns();
  return fixtureRun as Promise<FixtureRun>;
}

export function regeneration(): Promise<RegenerationRun> {
  startGenerationRuns();
  return regenerationRun as Promise<RegenerationRun>;
}
