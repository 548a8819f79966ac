// Reliability: an emulator with a data file, killed (SIGKILL) while twelve clients write to it
// (sessions created, leases extended, sessions stopped, conversions created), six times in a row,
// each time restarted on the same file. Every write the emulator acknowledged is still there after
// the last restart, and no temporary file is left in the folder.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startEmulator } from "../../src/emulator/index";
import { CRASH_TEST_ACCOUNT } from "../emulator/support/dataFileEmulator";
import { callUrl, dataPlaneUrl, fetchToken } from "../emulator/support/emulatorHarness";
import { report, withoutNockInterception } from "./support/reliabilityReport";

const CHILD = path.join(__dirname, "..", "emulator", "support", "dataFileEmulator.ts");
const ROUNDS = 6;
const CLIENTS = 12;
const SAS = "sv=2020-08-04&sr=c&sig=kill";
const CONVERSION = {
  settings: {
    inputLocation: {
      storageContainerUri: "https://kill.blob.core.windows.net/input",
      relativeInputAssetPath: "box.fbx",
      storageContainerReadListSas: SAS,
    },
    outputLocation: {
      storageContainerUri: "https://kill.blob.core.windows.net/output",
      storageContainerWriteSas: SAS,
    },
  },
};

/** Starts the child emulator on `dataFile`; resolves with its URL and a promise of its exit. */
async function startChild(dataFile: string): Promise<{ url: string; exited: Promise<void>; kill(): void }> {
  const child = spawn(process.execPath, ["--require", "tsx/cjs", CHILD, dataFile], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const line = /^(\{.*\})\n/.exec(out)?.[1];
      if (line !== undefined) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on("close", () => reject(new Error(`the child ended before listening: ${out}`)));
  });
  return { url, exited, kill: () => child.kill("SIGKILL") };
}

describe("reliability: emulator killed (SIGKILL) during saves", function () {
  this.timeout(120_000);
  withoutNockInterception();
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "arr-kill-"));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it("loses no acknowledged create, lease update, stop or conversion, and leaves no stray file, over 6 kills", async () => {
    const started = Date.now();
    const dataFile = path.join(folder, "crash.json");
    const created = new Set<string>();
    const extended = new Set<string>();
    const stopped = new Set<string>();
    const conversions = new Set<string>();
    let requests = 0;
    let broken = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const child = await startChild(dataFile);
      const token = await fetchToken(child.url, CRASH_TEST_ACCOUNT);
      const at = (resource: string): string =>
        dataPlaneUrl(child.url, CRASH_TEST_ACCOUNT.accountId, resource);
      let killed = false;
      const client = async (worker: number): Promise<void> => {
        for (let i = 0; !killed; i += 1) {
          const id = `r${round}-w${worker}-${i}`;
          try {
            requests += 1;
            const create = await callUrl("PUT", at(`/sessions/${id}`), {
              token,
              body: { maxLeaseTimeMinutes: 5, size: "Standard" },
            });
            if (create.status !== 201) continue;
            created.add(id);
            if (i % 2 === 0) {
              requests += 1;
              const update = await callUrl("PATCH", at(`/sessions/${id}`), {
                token,
                body: { maxLeaseTimeMinutes: 10 },
              });
              if (update.status === 200) extended.add(id);
            }
            if (i % 3 === 0) {
              requests += 1;
              const stop = await callUrl("POST", at(`/sessions/${id}/:stop`), { token });
              if (stop.status === 204) stopped.add(id);
            }
            if (i % 4 === 0) {
              requests += 1;
              const conversion = await callUrl("PUT", at(`/conversions/${id}`), { token, body: CONVERSION });
              if (conversion.status === 201) conversions.add(id);
            }
          } catch {
            broken += 1;
            return; // the connection broke: this request was never acknowledged
          }
        }
      };
      const load = Promise.all(Array.from({ length: CLIENTS }, (_, worker) => client(worker)));
      await sleep(200 + 150 * round);
      child.kill();
      killed = true;
      await Promise.all([load, child.exited]);
    }
    assert.ok(created.size > 50, `only ${created.size} sessions were created`);
    assert.ok(broken >= ROUNDS, `only ${broken} requests were in flight at the kills`);

    const emulator = await startEmulator({ dataFile, logger: false, accounts: [CRASH_TEST_ACCOUNT] });
    try {
      const token = await fetchToken(emulator.url, CRASH_TEST_ACCOUNT);
      const read = async (resource: string): Promise<Record<string, unknown>> => {
        const answer = await callUrl(
          "GET",
          dataPlaneUrl(emulator.url, CRASH_TEST_ACCOUNT.accountId, resource),
          { token },
        );
        assert.equal(answer.status, 200, `acknowledged ${resource} was lost (${requests} requests)`);
        return answer.body as Record<string, unknown>;
      };
      for (const id of created) {
        const session = await read(`/sessions/${id}`);
        if (extended.has(id))
          assert.equal(session["maxLeaseTimeMinutes"], 10, `lease update of ${id} was lost`);
        if (stopped.has(id)) assert.equal(session["status"], "Stopped", `stop of ${id} was lost`);
      }
      for (const id of conversions) await read(`/conversions/${id}`);
    } finally {
      await emulator.close();
    }
    assert.deepEqual(await fs.readdir(folder), ["crash.json"], "no stray file is left");
    report(
      `${ROUNDS} kills under ${CLIENTS} clients, ${requests} requests (${broken} cut by a kill): ${created.size} creates, ${extended.size} lease updates, ` +
        `${stopped.size} stops, ${conversions.size} conversions acknowledged, all found after restart; ` +
        `1 file in the folder; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
