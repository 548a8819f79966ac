// The architecture rules a reader relies on, checked over the source tree: every service fact has
// one source (no api-version or lease bound written elsewhere), the CLI and the emulator reach the
// library only through its public entry points, and every handwritten file says what it is for.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { defaultApiVersion as generatedApiVersion } from "../../src/generated/remoteRendering";
import { defaultApiVersion as generatedStsApiVersion } from "../../src/generated/sts";
import { maxLeaseTimeInMinutes } from "../../src/customizations/serviceLimits";

const repositoryRoot = path.resolve(__dirname, "..", "..");
const srcRoot = path.join(repositoryRoot, "src");

function listTs(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return listTs(file);
    return name.endsWith(".ts") ? [file] : [];
  });
}

const relative = (file: string): string => path.relative(repositoryRoot, file).split(path.sep).join("/");
const handwritten = listTs(srcRoot).filter((file) => !relative(file).startsWith("src/generated/"));

/** The relative import specifiers of a source file. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import|require)\s*\(?\s*["'](\.{1,2}\/[^"']*)["']/g)].map((match) =>
    relative(path.resolve(path.dirname(file), match[1] ?? "")),
  );
}

describe("architecture", () => {
  it("writes each api-version and the lease bound only in its one source", () => {
    const facts: Array<{ text: string; source: string }> = [
      { text: generatedApiVersion, source: "src/generated/remoteRendering (from the spec)" },
      { text: generatedStsApiVersion, source: "src/generated/sts (from the spec)" },
      { text: String(maxLeaseTimeInMinutes), source: "src/customizations/serviceLimits.ts" },
    ];
    const offenders: string[] = [];
    for (const file of handwritten) {
      if (relative(file) === "src/customizations/serviceLimits.ts") continue;
      const text = readFileSync(file, "utf8");
      for (const fact of facts) {
        if (new RegExp(`(^|[^0-9])${fact.text.replace(/[-.]/g, "\\$&")}($|[^0-9])`).test(text)) {
          offenders.push(`${relative(file)} writes ${fact.text} (its source: ${fact.source})`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it("lets the CLI and the emulator use the library only through its public entry points", () => {
    const publicEntries = new Set([
      "src/index",
      "src/limits",
      "src/emulator",
      "src/emulator/index",
      "src/storage",
      "src/storage/index",
    ]);
    const offenders: string[] = [];
    for (const file of handwritten) {
      const name = relative(file);
      const layer = name.startsWith("src/cli/")
        ? "src/cli/"
        : name.startsWith("src/emulator/")
          ? "src/emulator/"
          : undefined;
      if (layer === undefined) continue;
      for (const target of importsOf(file).map((specifier) => specifier.replace(/\.(ts|js)$/, ""))) {
        if (target.startsWith(layer) || publicEntries.has(target)) continue;
        offenders.push(`${name} imports ${target}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it("keeps the generated layer below the handwritten one: src/generated imports nothing of ours", () => {
    const generated = listTs(path.join(srcRoot, "generated"));
    assert.ok(generated.length > 0);
    for (const file of generated) {
      for (const target of importsOf(file)) {
        assert.ok(target.startsWith("src/generated/"), `${relative(file)} imports ${target}`);
      }
    }
  });

  it("opens every handwritten source file with a comment saying what it is for", () => {
    const silent = handwritten.filter((file) => !/^\/\/ \S/.test(readFileSync(file, "utf8")));
    assert.deepEqual(silent.map(relative), []);
  });

  it("groups src/customizations and src/emulator in subfolders by concept", () => {
    for (const [folder, allowedAtTop] of [
      ["src/customizations", ["remoteRenderingClient.ts", "validation.ts", "serviceLimits.ts"]],
      ["src/emulator", ["index.ts", "startEmulator.ts"]],
    ] as const) {
      const top = readdirSync(path.join(repositoryRoot, folder)).filter((name) => name.endsWith(".ts"));
      assert.deepEqual(
        top.sort(),
        [...allowedAtTop].sort(),
        `${folder} holds only its entry files at the top`,
      );
      const subfolders = readdirSync(path.join(repositoryRoot, folder)).filter((name) =>
        statSync(path.join(repositoryRoot, folder, name)).isDirectory(),
      );
      for (const subfolder of subfolders) {
        const files = listTs(path.join(repositoryRoot, folder, subfolder));
        assert.ok(
          files.length <= 16,
          `${folder}/${subfolder} has ${files.length} files; split it by concept`,
        );
      }
    }
  });
});
