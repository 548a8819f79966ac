// The package as users get it: built once, packed once (`npm pack`) and installed from the tarball
// into consumer projects in a temporary folder, shared by every test of the run that needs them
// (the exports checks, the ESM and CommonJS consumers, the README examples, the samples, the browser
// page). The build is redone first only when a file of src/ is newer than dist/.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const repositoryRoot = path.resolve(__dirname, "..", "..", "..");

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (asynchronously, so mocha's timers keep working); never throws. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutInMs?: number },
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutInMs ?? 240_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, stdout, stderr: `${stderr}${String(error)}` });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Like runProcess, but rejects with the output when the command fails. */
export async function runChecked(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutInMs?: number },
): Promise<ProcessResult> {
  const result = await runProcess(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${String(result.code)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** npm without network round trips for packages already in the cache. */
const npmInstallFlags = ["--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"];

let workFolder: string | undefined;
/** The run's temporary folder, removed when the process exits. */
export function packageWorkFolder(): string {
  if (workFolder === undefined) {
    const created = mkdtempSync(path.join(os.tmpdir(), "arr-package-"));
    workFolder = created;
    process.once("exit", () => rmSync(created, { recursive: true, force: true }));
  }
  return workFolder;
}

function newestModificationInMs(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModificationInMs(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/ was built after the last change to src/ and package.json. */
function buildIsFresh(): boolean {
  const marker = path.join(repositoryRoot, "dist", "commonjs", "index.js");
  if (!existsSync(marker) || !existsSync(path.join(repositoryRoot, "dist", "esm", "index.js"))) return false;
  const sources = Math.max(
    newestModificationInMs(path.join(repositoryRoot, "src")),
    statSync(path.join(repositoryRoot, "package.json")).mtimeMs,
  );
  return statSync(marker).mtimeMs >= sources;
}

let built: Promise<void> | undefined;
/** Builds dist/ (`npm run build`) unless it is newer than every file of src/; once per run. */
export function ensureBuilt(): Promise<void> {
  built ??= buildIsFresh()
    ? Promise.resolve()
    : runChecked(npm, ["run", "build"], { cwd: repositoryRoot }).then(() => undefined);
  return built;
}

let tarball: Promise<string> | undefined;
/** The path of the packed package (.tgz), built and packed on first use. */
export function packedTarball(): Promise<string> {
  tarball ??= (async () => {
    await ensureBuilt();
    const destination = path.join(packageWorkFolder(), "tarball");
    mkdirSync(destination, { recursive: true });
    const packed = await runChecked(
      npm,
      ["pack", "--ignore-scripts", "--json", "--pack-destination", destination],
      { cwd: repositoryRoot },
    );
    const [info] = JSON.parse(packed.stdout) as { filename: string }[];
    if (info === undefined) throw new Error(`npm pack printed no file name: ${packed.stdout}`);
    return path.join(destination, info.filename);
  })();
  return tarball;
}

export type ProjectKind = "esm" | "cjs";

const projects = new Map<ProjectKind, Promise<string>>();
/**
 * An empty project of the given module kind (package.json `type`) with the tarball installed, and
 * @azure/identity (the optional peer the README's Entra ID example uses), @azure/logger and
 * @azure/core-rest-pipeline, as an application would add them.
 */
export function consumerProject(kind: ProjectKind): Promise<string> {
  let project = projects.get(kind);
  if (project === undefined) {
    project = (async () => {
      const file = await packedTarball();
      const folder = path.join(packageWorkFolder(), `${kind}-project`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        path.join(folder, "package.json"),
        JSON.stringify({
          name: `arr-${kind}-consumer`,
          private: true,
          type: kind === "esm" ? "module" : "commonjs",
        }),
      );
      await runChecked(
        npm,
        [
          "install",
          ...npmInstallFlags,
          file,
          "@azure/identity",
          "@azure/logger",
          "@azure/core-rest-pipeline",
        ],
        { cwd: folder },
      );
      return folder;
    })();
    projects.set(kind, project);
  }
  return project;
}

/** The folders of every installed copy of a package below a project's node_modules. */
export function installedCopies(project: string, packageName: string): string[] {
  const found: string[] = [];
  const visit = (modules: string): void => {
    if (!existsSync(modules)) return;
    for (const entry of readdirSync(modules, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const names = entry.name.startsWith("@")
        ? readdirSync(path.join(modules, entry.name)).map((n) => `${entry.name}/${n}`)
        : [entry.name];
      for (const name of names) {
        const folder = path.join(modules, name);
        if (name === packageName) found.push(folder);
        visit(path.join(folder, "node_modules"));
      }
    }
  };
  visit(path.join(project, "node_modules"));
  return found;
}

/** The TypeScript compiler of this repository, for compiling code inside a consumer project. */
export const typescriptCompiler = path.join(repositoryRoot, "node_modules", "typescript", "bin", "tsc");

/**
 * The tsconfig.json of a folder of strict TypeScript programs compiled against the installed package
 * (documentation examples, samples): Node 20's ES2022 with disposables, nodenext modules and the
 * repository's strictest settings. `include` and any extra compiler options are the caller's.
 */
export function strictConsumerTsconfig(include: string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022", "ESNext.Disposable"],
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      types: ["node"],
      typeRoots: [path.join(repositoryRoot, "node_modules", "@types")],
      outDir: "out",
      ...extra,
    },
    include,
  });
}
