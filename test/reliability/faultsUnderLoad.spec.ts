// Reliability: 2,000 client operations against an emulator that throttles (429) or refuses (503)
// a fifth of the requests and resets 5% of the connections, behind a proxy that loses the answers of
// applied writes (creates, lease updates, stops). The retry policy covers all of these, so no error
// may reach the caller, and no session may be left running.
import assert from "node:assert/strict";
import { startLossyProxy } from "./support/lossyProxy";
import { PATIENT_RETRIES, startReliabilityEmulator } from "./support/reliabilityEmulator";
import { report, withoutNockInterception } from "./support/reliabilityReport";
import { conversionCycle, sessionCycle } from "./support/workloadCycles";

const OPERATIONS = 2_000;
const CONCURRENCY = 8;
const LOST_ANSWER_PROBABILITY = 0.1;
/** Throttle 10%, unavailable 10%, reset 5%: rules are tried in order, each on what the earlier left. */
const FAULTS = [
  { kind: "throttle", probability: 0.1, retryAfterInSeconds: 0 },
  { kind: "unavailable", probability: 0.1 / 0.9 },
  { kind: "reset", probability: 0.05 / 0.8 },
] as const;

describe("reliability: faults under load", function () {
  this.timeout(60_000);
  withoutNockInterception();

  it("2,000 operations with 20% 429/503, 5% resets and lost answers of applied writes: no error, nothing left running", async () => {
    const started = Date.now();
    const harness = await startReliabilityEmulator({
      sessionStartupInSeconds: { Standard: 0 },
      conversionPhasesInSeconds: { notStarted: 0, running: 0 },
      conversionRetryAfterInSeconds: 0,
      faults: FAULTS,
    });
    const proxy = await startLossyProxy(harness.emulator.url, {
      dropProbability: LOST_ANSWER_PROBABILITY,
      dropAnswer: (method, path) => method !== "GET" && !/\/token$/i.test(path),
      seed: 7,
    });
    try {
      const client = harness.client(PATIENT_RETRIES, proxy.url);
      const errors: unknown[] = [];
      let operations = 0;
      let cycle = 0;
      const worker = async (): Promise<void> => {
        while (operations < OPERATIONS) {
          cycle += 1;
          const id = `rel-${cycle}`;
          try {
            const made = cycle % 4 === 0 ? await conversionCycle(client, id) : await sessionCycle(client, id);
            operations += made;
          } catch (error) {
            errors.push(error);
            operations += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      harness.emulator.faults.clear();

      const count = (pattern: RegExp): number => harness.logs.filter((line) => pattern.test(line)).length;
      const refused = count(/ (429|503) /);
      const resets = count(/ reset /);
      const lostWrites = proxy.dropped.length;
      assert.ok(
        refused > harness.logs.length / 7,
        `only ${refused} of ${harness.logs.length} requests got 429/503`,
      );
      assert.ok(
        resets > harness.logs.length / 40,
        `only ${resets} of ${harness.logs.length} requests were reset`,
      );
      assert.ok(lostWrites > 50, `only ${lostWrites} answers of applied writes were lost`);
      assert.deepEqual(
        errors.map((error) => String(error)),
        [],
        `${errors.length} of ${operations} operations failed`,
      );
      assert.deepEqual(await harness.runningSessions(), [], "sessions left running");
      report(
        `${operations} operations (${cycle} cycles), ${harness.logs.length} requests: ${refused} got 429/503, ` +
          `${resets} reset, ${lostWrites} answers of applied writes lost; 0 errors, 0 left running; ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await proxy.close();
      await harness.close();
    }
  });
});
