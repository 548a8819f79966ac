// The client in a real browser: a page bundled by esbuild (platform browser) from the installed
// tarball starts a session on the emulator until it is Ready, in headless Chromium driven by
// playwright-core; the page shows the session's status and host. Also measures the page's bundle
// (minified, gzipped) against one of @azure-rest/core-client and @azure/core-lro alone.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { DEFAULT_EMULATOR_ACCOUNT, startEmulator, type RunningEmulator } from "../../src/emulator/index";
import { consumerProject, runChecked, typescriptCompiler } from "../package/support/packedPackage";

/** The most the page's bundle may add to the baseline, minified and gzipped. */
const maxExtraGzippedBytes = 15 * 1024;

/** Chromium's flags for a quiet, sandbox-free headless run (the profile folder is added per run). */
const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The path of Debian's chromium (`which chromium`), or undefined when none is installed. */
function findChromium(): string | undefined {
  for (const name of ["chromium", "chromium-browser"]) {
    try {
      const found = execFileSync("which", [name], { encoding: "utf8" }).trim();
      if (found !== "") return found;
    } catch {
      // not on the PATH under this name
    }
  }
  return undefined;
}

async function bundle(project: string, entry: string): Promise<{ code: string; gzippedBytes: number }> {
  const result = await build({
    absWorkingDir: project,
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  return { code, gzippedBytes: gzipSync(code, { level: 9 }).length };
}

/** Serves the page and its bundle on loopback (another origin than the emulator's). */
async function servePage(script: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith("/page.js")) {
      response.writeHead(200, { "Content-Type": "text/javascript" }).end(script);
    } else {
      response
        .writeHead(200, { "Content-Type": "text/html" })
        .end(
          '<!doctype html><title>session</title><p id="status">loading</p><p id="host"></p><p id="error"></p><script type="module" src="/page.js"></script>',
        );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("the client in Chromium", function () {
  this.timeout(300_000);
  let emulator: RunningEmulator;
  let project: string;
  before(async () => {
    project = await consumerProject("esm");
    const pageFolder = path.join(project, "browser-page");
    mkdirSync(pageFolder, { recursive: true });
    for (const file of ["sessionPage.ts", "baseline.ts"]) {
      copyFileSync(path.join(__dirname, "page", file), path.join(pageFolder, file));
    }
    emulator = await startEmulator({ port: 0, logger: false, sessionStartupInSeconds: { Standard: 1 } });
  });
  after(async () => {
    await emulator?.close();
  });

  it("type-checks the page against the installed package with the DOM library", async () => {
    writeFileSync(
      path.join(project, "browser-page", "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "preserve",
          moduleResolution: "bundler",
          lib: ["ES2022", "DOM"],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          skipLibCheck: true, // as `tsc --init` writes: the Azure core packages' types name NodeJS types
        },
        files: ["sessionPage.ts", "baseline.ts"],
      }),
    );
    await runChecked(process.execPath, [typescriptCompiler, "-p", "browser-page"], { cwd: project });
  });

  it(`bundles at most ${maxExtraGzippedBytes / 1024} KB (min+gzip) above @azure-rest/core-client + @azure/core-lro`, async () => {
    const page = await bundle(project, "browser-page/sessionPage.ts");
    const baseline = await bundle(project, "browser-page/baseline.ts");
    const extra = page.gzippedBytes - baseline.gzippedBytes;
    console.log(
      `      page bundle ${page.gzippedBytes} B, baseline ${baseline.gzippedBytes} B (min+gzip): +${extra} B`,
    );
    assert.ok(extra <= maxExtraGzippedBytes, `the page adds ${extra} B to the baseline`);
    assert.doesNotMatch(page.code, /node:|require\("(http|https|perf_hooks)"\)/);
  });

  it("starts a session until Ready and shows its status and host", async function () {
    const executablePath = findChromium();
    if (executablePath === undefined) {
      const message =
        "No Chromium found (`which chromium` found nothing): install Debian's package with " +
        "`apt-get update && apt-get install -y chromium` (.ci/run does this when it is missing).";
      if (process.env["CI"] !== undefined) assert.fail(message);
      console.log(`      skipped: ${message}`);
      this.skip();
    }
    const page = await bundle(project, "browser-page/sessionPage.ts");
    const server = await servePage(page.code);
    const profile = mkdtempSync(path.join(os.tmpdir(), "arr-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: chromiumFlags,
    });
    try {
      const tab = await context.newPage();
      const query = new URLSearchParams({
        emulator: emulator.url,
        account: DEFAULT_EMULATOR_ACCOUNT.accountId,
        key: DEFAULT_EMULATOR_ACCOUNT.accountKey,
      });
      await tab.goto(`${server.url}?${query.toString()}`);
      await tab.waitForSelector("body[data-done]", { timeout: 60_000 });
      assert.equal(await tab.textContent("#error"), "");
      assert.equal(await tab.textContent("#status"), "Ready");
      const host = (await tab.textContent("#host")) ?? "";
      assert.match(host, /\S/, "the page shows the session's host name");
      const session = await emulatorSession("browser-session");
      assert.equal(host, session.hostname);
    } finally {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  /** The session as the emulator's API reports it (the browser's view is checked against it). */
  async function emulatorSession(id: string): Promise<{ hostname: string }> {
    const account = DEFAULT_EMULATOR_ACCOUNT;
    const tokenAnswer = await fetch(
      `${emulator.url}/Accounts/${account.accountId}/token?api-version=2019-02-28-preview`,
      {
        headers: { Authorization: `Bearer ${account.accountId}:${account.accountKey}` },
      },
    );
    const { AccessToken } = (await tokenAnswer.json()) as { AccessToken: string };
    const answer = await fetch(
      `${emulator.url}/accounts/${account.accountId}/sessions/${id}?api-version=2021-01-01`,
      { headers: { Authorization: `Bearer ${AccessToken}` } },
    );
    return (await answer.json()) as { hostname: string };
  }
});
