// Formats emitted TypeScript with prettier, using the repository's own .prettierrc.json.
import { readFileSync } from "node:fs";
import path from "node:path";
import { format } from "prettier";
import type { Options } from "prettier";

/** The repository root: this file lives in <root>/generator/src. */
const repositoryRoot = path.resolve(__dirname, "..", "..");

let cachedOptions: Options | undefined;

function prettierOptions(): Options {
  if (cachedOptions === undefined) {
    const file = path.join(repositoryRoot, ".prettierrc.json");
    cachedOptions = JSON.parse(readFileSync(file, "utf8")) as Options;
  }
  return cachedOptions;
}

export async function formatSource(source: string): Promise<string> {
  return format(source, { ...prettierOptions(), parser: "typescript" });
}
