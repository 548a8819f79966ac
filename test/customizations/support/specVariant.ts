// A copy of the package in a temporary folder, built from a changed copy of swagger/: the spec is
// edited, AutoRest regenerates src/generated there (never in the repository), and the copy can be
// type-checked and run. The regeneration tests use it to prove that a spec change reaches every
// layer, or fails the type check.
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ProcessResult } from "../../generator/runAutorest";
import { makeWorkFolder, repositoryRoot, runAutorest, runNode } from "../../generator/runAutorest";

type Json = Record<string, unknown>;

/** A package copy with an edited spec. */
export interface SpecVariant {
  readonly root: string;
  /** Regenerates src/generated from the edited spec. */
  generate(): Promise<ProcessResult>;
  /** Type-checks the copy's src/ with the repository's strict settings. */
  typeCheck(): Promise<ProcessResult>;
  /** Runs a TypeScript program (given as text) inside the copy with tsx. */
  run(fileName: string, source: string): Promise<ProcessResult>;
  remove(): void;
}

/** Copies the package, then lets `edit` change the named spec files (parsed JSON, edited in place). */
export function createSpecVariant(edits: Record<string, (spec: Json) => void>): SpecVariant {
  const root = makeWorkFolder("arr-spec-variant-");
  for (const entry of ["src", "swagger", "autorest.md", "tsconfig.json", "package.json"]) {
    cpSync(path.join(repositoryRoot, entry), path.join(root, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(path.join(repositoryRoot, "src", "generated")),
    });
  }
  symlinkSync(path.join(repositoryRoot, "generator"), path.join(root, "generator"), "dir");
  for (const [file, edit] of Object.entries(edits)) {
    const specFile = path.join(root, "swagger", file);
    const spec = JSON.parse(readFileSync(specFile, "utf8")) as Json;
    edit(spec);
    writeFileSync(specFile, `${JSON.stringify(spec, null, 2)}\n`);
  }
  writeFileSync(
    path.join(root, "tsconfig.check.json"),
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: { types: ["node"], noEmit: true },
      include: ["src"],
    }),
  );
  const tsc = require.resolve("typescript/bin/tsc", { paths: [repositoryRoot] });
  return {
    root,
    generate: () => runAutorest(path.join(root, "autorest.md")),
    typeCheck: () => runNode([tsc, "-p", path.join(root, "tsconfig.check.json")]),
    run: (fileName, source) => {
      const file = path.join(root, fileName);
      writeFileSync(file, source);
      return runNode(["--import", "tsx", file]);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
