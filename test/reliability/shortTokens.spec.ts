// Reliability: access tokens that live one second, over 30 seconds of work on the real clock. Each
// token really expires at the emulator during the work (its clock is the wall clock, as the client's
// is), so the client must refresh ahead of expiry, or get a 401 and retry with a new token; either
// way no 401 may reach the caller.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { PATIENT_RETRIES, startReliabilityEmulator } from "./support/reliabilityEmulator";
import { report, withoutNockInterception } from "./support/reliabilityReport";
import { conversionCycle, sessionCycle } from "./support/workloadCycles";

const WORK_IN_MS = Number(process.env.REL_TOKEN_WORK_IN_MS ?? 30_000);
const WORKERS = 4;
/** A pause between a worker's cycles: requests keep coming in every second without using a core up. */
const PAUSE_IN_MS = 100;

describe("reliability: 1-second access tokens", function () {
  this.timeout(WORK_IN_MS + 30_000);
  withoutNockInterception();

  it("30 s of work with tokens that expire every second: no 401 surfaces", async () => {
    const harness = await startReliabilityEmulator({
      clock: { speed: 1 },
      tokenLifetimeInSeconds: 1,
      sessionStartupInSeconds: { Standard: 0 },
      conversionPhasesInSeconds: { notStarted: 0, running: 0 },
      conversionRetryAfterInSeconds: 0,
    });
    try {
      const client = harness.client(PATIENT_RETRIES);
      const errors: unknown[] = [];
      let operations = 0;
      let cycle = 0;
      const started = Date.now();
      const worker = async (): Promise<void> => {
        while (Date.now() - started < WORK_IN_MS) {
          cycle += 1;
          const id = `tok-${cycle}`;
          try {
            const made = cycle % 4 === 0 ? await conversionCycle(client, id) : await sessionCycle(client, id);
            operations += made;
          } catch (error) {
            errors.push(error);
          }
          await sleep(PAUSE_IN_MS);
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, worker));
      const elapsedInMs = Date.now() - started;

      const exchanges = harness.logs.filter((line) =>
        / \/Accounts\/[^/]+\/token\?\S+ 200 /.test(line),
      ).length;
      const refused = harness.logs.filter((line) => / 401 /.test(line)).length;
      assert.deepEqual(
        errors.map((error) => String(error)),
        [],
        `${errors.length} of ${cycle} cycles failed`,
      );
      // Every token expired during the work: the client had to get a new one at least once a second.
      assert.ok(
        exchanges >= Math.floor(elapsedInMs / 1000),
        `only ${exchanges} token exchanges in ${elapsedInMs} ms`,
      );
      assert.deepEqual(await harness.runningSessions(), [], "sessions left running");
      report(
        `${operations} operations over ${(elapsedInMs / 1000).toFixed(1)} s, ${harness.logs.length} requests, ` +
          `${exchanges} token exchanges, ${refused} expired tokens refused (401) and retried; 0 errors`,
      );
    } finally {
      await harness.close();
    }
  });
});
