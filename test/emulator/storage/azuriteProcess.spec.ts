// Azurite as a child of the emulator: it listens on loopback, stops on close, and also ends when
// the emulator's process dies without closing it (no blob service is left running).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { startAzurite } from "../../../src/emulator/storage/azuriteProcess";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, timeoutInMs: number): Promise<boolean> {
  const end = Date.now() + timeoutInMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe("Azurite child process", function () {
  this.timeout(60_000);

  it("listens on loopback and is gone after close()", async () => {
    const azurite = await startAzurite();
    assert.match(azurite.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${azurite.origin}/devstoreaccount1?comp=list`);
    assert.ok(answer.status === 200 || answer.status === 403, `blob service answered ${answer.status}`);
    await azurite.close();
    assert.ok(azurite.pid !== undefined && (await waitUntil(() => !isAlive(azurite.pid!), 5000)));
  });

  it("ends when its parent process is killed", async () => {
    const module = path.resolve(__dirname, "../../../src/emulator/storage/azuriteProcess.ts");
    const parent = spawn(
      process.execPath,
      [
        "--require",
        "tsx/cjs",
        "-e",
        `require(${JSON.stringify(module)}).startAzurite().then((a) => console.log("pid " + a.pid))`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const pid = await new Promise<number>((resolve, reject) => {
      let out = "";
      parent.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /pid (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      parent.once("exit", () => reject(new Error(`parent exited early: ${out}`)));
    });
    assert.ok(isAlive(pid));
    parent.kill("SIGKILL");
    assert.ok(await waitUntil(() => !isAlive(pid), 10_000), "Azurite outlived its parent");
  });
});
