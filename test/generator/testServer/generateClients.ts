// Generates every test server spec's client into one temporary folder (one AutoRest run with a
// batch), copies each spec's scenario program next to its client, and type-checks them all in one
// strict tsc run. Runs once per test process.
import { copyFileSync, existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ProcessResult } from "../runAutorest";
import { makeWorkFolder, repositoryRoot, runAutorest, runNode } from "../runAutorest";
import { configuration, specs } from "./specs";

export const programsFolder = path.join(__dirname, "programs");

export interface GeneratedClients {
  readonly folder: string;
  readonly generation: ProcessResult;
  readonly generationSeconds: number;
  readonly typecheck: ProcessResult | undefined;
  clientFolder(name: string): string;
}

/** The strict settings of the repository's tsconfig.json. */
const strictOptions = {
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
};

async function generate(): Promise<GeneratedClients> {
  const folder = makeWorkFolder("rlc-testserver-");
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
  const outputRoot = path.join(folder, "out");
  const configurationFile = path.join(folder, "autorest.md");
  writeFileSync(configurationFile, configuration(outputRoot));
  const started = Date.now();
  const generation = await runAutorest(configurationFile);
  const generationSeconds = (Date.now() - started) / 1000;
  const clientFolder = (name: string): string => path.join(outputRoot, name);
  let typecheck: ProcessResult | undefined;
  if (generation.exitCode === 0) {
    for (const spec of specs) {
      const program = path.join(programsFolder, `${spec.name}.ts.txt`);
      if (existsSync(program)) {
        copyFileSync(program, path.join(clientFolder(spec.name), "scenarios.ts"));
      }
    }
    for (const shared of ["dropIn", "testServerPolicies"]) {
      copyFileSync(path.join(programsFolder, `${shared}.ts.txt`), path.join(outputRoot, `${shared}.ts`));
    }
    const tsconfig = path.join(folder, "tsconfig.json");
    writeFileSync(
      tsconfig,
      JSON.stringify({ compilerOptions: strictOptions, include: ["out/**/*.ts"] }, null, 2),
    );
    const tsc = path.join(repositoryRoot, "node_modules", "typescript", "bin", "tsc");
    typecheck = await runNode([tsc, "-p", tsconfig, "--pretty", "false"]);
  }
  return { folder, generation, generationSeconds, typecheck, clientFolder };
}

let run: Promise<GeneratedClients> | undefined;

export function generatedClients(): Promise<GeneratedClients> {
  run ??= generate();
  return run;
}
