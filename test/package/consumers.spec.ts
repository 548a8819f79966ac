// `npm install <tarball>` in empty ESM and CommonJS projects: one copy of @azure/core-rest-pipeline,
// so the application's RestError is the library's and its setLogLevel() from @azure/logger turns on
// the library's log; both module formats and the ./emulator and ./limits entries load; a call to an
// emulator works from both, and both start the emulator's blob service (Azurite, found next to the
// package) when run from another folder.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index";
import { consumerProject, installedCopies, runProcess, type ProjectKind } from "./support/packedPackage";

/** The same program as an ES module and as CommonJS: prints one JSON line of findings. */
function program(kind: ProjectKind): string {
  const imports =
    kind === "esm"
      ? `import { AzureKeyCredential, RemoteRenderingClient, RestError as LibraryRestError, logger } from "remote-rendering-client";
import { DEFAULT_EMULATOR_ACCOUNT } from "remote-rendering-client/emulator";
import { maxLeaseTimeInMinutes } from "remote-rendering-client/limits";
import { RestError } from "@azure/core-rest-pipeline";
import { setLogLevel } from "@azure/logger";`
      : `const { AzureKeyCredential, RemoteRenderingClient, RestError: LibraryRestError, logger } = require("remote-rendering-client");
const { DEFAULT_EMULATOR_ACCOUNT } = require("remote-rendering-client/emulator");
const { maxLeaseTimeInMinutes } = require("remote-rendering-client/limits");
const { RestError } = require("@azure/core-rest-pipeline");
const { setLogLevel } = require("@azure/logger");`;
  return `${imports}
const lines = [];
logger.info.log = (...args) => lines.push(args.join(" "));
setLogLevel("info");
const url = process.env.EMULATOR_URL;
const client = new RemoteRenderingClient(url, DEFAULT_EMULATOR_ACCOUNT.accountId, "emulator.mixedreality.azure.com",
  new AzureKeyCredential(DEFAULT_EMULATOR_ACCOUNT.accountKey), { allowInsecureConnection: true, authenticationEndpointUrl: url });
async function main() {
  let error;
  try { await client.getSession("no-such-session"); } catch (e) { error = e; }
  console.log(JSON.stringify({
    status: error && error.statusCode,
    appRestError: error instanceof RestError,
    sameRestError: RestError === LibraryRestError,
    logged: lines.some((line) => line.includes("remote-rendering")),
    maxLeaseTimeInMinutes,
  }));
}
main();
`;
}

describe("installed from the tarball", function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0, logger: false });
  });
  after(async () => {
    await emulator.close();
  });

  for (const kind of ["esm", "cjs"] as const) {
    it(`${kind === "esm" ? "an ES module" : "a CommonJS"} project gets one core pipeline, a working setLogLevel and RestError`, async () => {
      const project = await consumerProject(kind);
      assert.deepEqual(
        installedCopies(project, "@azure/core-rest-pipeline").map((folder) => path.relative(project, folder)),
        [path.join("node_modules", "@azure", "core-rest-pipeline")],
        "one copy of @azure/core-rest-pipeline",
      );
      assert.equal(installedCopies(project, "@azure/logger").length, 1, "one copy of @azure/logger");
      const file = path.join(project, kind === "esm" ? "main.js" : "main.cjs");
      writeFileSync(file, program(kind));
      const result = await runProcess(process.execPath, [file], {
        cwd: project,
        env: { ...process.env, EMULATOR_URL: emulator.url },
        timeoutInMs: 60_000,
      });
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), {
        status: 404,
        appRestError: true,
        sameRestError: true,
        logged: true,
        maxLeaseTimeInMinutes: 1440,
      });
    });
  }

  for (const kind of ["esm", "cjs"] as const) {
    it(`${kind === "esm" ? "an ES module" : "a CommonJS"} project starts the emulator's blob service from any folder`, async () => {
      const project = await consumerProject(kind);
      const source =
        kind === "esm"
          ? 'import { startEmulator } from "remote-rendering-client/emulator";'
          : 'const { startEmulator } = require("remote-rendering-client/emulator");';
      const file = path.join(project, kind === "esm" ? "storage.js" : "storage.cjs");
      writeFileSync(
        file,
        `${source}
(async () => {
  const emulator = await startEmulator({ logger: false, storage: true });
  const answer = await fetch(emulator.storage.blobEndpoint + "?comp=list");
  console.log(JSON.stringify({ accountName: emulator.storage.accountName, listed: answer.status }));
  await emulator.close();
})();
`,
      );
      // The current folder holds no node_modules: Azurite must be found next to the package.
      const result = await runProcess(process.execPath, [file], { cwd: os.tmpdir(), timeoutInMs: 90_000 });
      assert.equal(result.code, 0, result.stderr);
      const found = JSON.parse(result.stdout) as { accountName: string; listed: number };
      assert.equal(found.accountName, "devstoreaccount1");
      // An unsigned request is refused, but by the blob service itself (any HTTP answer will do).
      assert.ok(found.listed >= 400 && found.listed < 500, `blob service answered ${found.listed}`);
    });
  }
});
