// Reliability: a process polling a session is killed (SIGKILL) in the middle of polling, ten times in
// a row; each next process resumes from the state the previous one saved (`poller.serialize()`). The
// last one gets the Ready session, and the service saw one creation only: no duplicate session.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { seededRandom } from "./support/lossyProxy";
import { startReliabilityEmulator, type ReliabilityEmulator } from "./support/reliabilityEmulator";
import { report } from "./support/reliabilityReport";

const CHILD = path.join(__dirname, "support", "pollingChild.ts");
const KILLS = 10;
const SESSION_ID = "resumed-session";

interface Child {
  /** Resolves with the child's JSON lines once it has exited. */
  exited: Promise<Array<Record<string, unknown>>>;
  lines: Array<Record<string, unknown>>;
  kill(): void;
}

function startChild(harness: ReliabilityEmulator, savedState: string | undefined): Child {
  const { accountId, accountKey } = harness.account;
  const args = [
    harness.emulator.url,
    accountId,
    accountKey,
    SESSION_ID,
    ...(savedState === undefined ? [] : [savedState]),
  ];
  const child = spawn(process.execPath, ["--require", "tsx/cjs", CHILD, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffered = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf("\n")) >= 0) {
      lines.push(JSON.parse(buffered.slice(0, end)) as Record<string, unknown>);
      buffered = buffered.slice(end + 1);
    }
  });
  const exited = new Promise<Array<Record<string, unknown>>>((resolve) =>
    child.on("close", () => resolve(lines)),
  );
  return { exited, lines, kill: () => child.kill("SIGKILL") };
}

/** Requests the emulator logged for the session, as "METHOD status". */
function sessionRequests(harness: ReliabilityEmulator): string[] {
  const pattern = new RegExp(`^\\S+ (\\w+) /accounts/[^/]+/sessions/${SESSION_ID}\\?\\S+ (\\d{3}) `);
  return harness.logs.flatMap((line) => {
    const match = pattern.exec(line);
    return match === null ? [] : [`${match[1]} ${match[2]}`];
  });
}

async function waitFor(condition: () => boolean, what: string, timeoutInMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutInMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

describe("reliability: a polling process killed and resumed", function () {
  this.timeout(120_000);

  it("killed (SIGKILL) mid-poll 10 times, resumed each time from its saved state: Ready, one session", async () => {
    const started = Date.now();
    // A manual clock keeps the session Starting through the kills; it moves on for the last process.
    const harness = await startReliabilityEmulator({ sessionStartupInSeconds: { Standard: 10 } });
    const random = seededRandom(23);
    try {
      let savedState: string | undefined;
      let pollsBeforeKills = 0;
      for (let round = 0; round < KILLS; round += 1) {
        const child = startChild(harness, savedState);
        const getsBefore = sessionRequests(harness).filter((request) => request.startsWith("GET")).length;
        // Mid-poll: the child saved a state and polled at least once; then kill at a random moment of
        // its next interval (between two GETs, or while one is in flight).
        await waitFor(
          () =>
            child.lines.some((line) => typeof line["state"] === "string") &&
            sessionRequests(harness).filter((request) => request.startsWith("GET")).length > getsBefore,
          `round ${round}: a saved state and a poll`,
        );
        await sleep(Math.floor(random() * 30));
        child.kill();
        const lines = await child.exited;
        assert.equal(
          lines.find((line) => "done" in line || "error" in line),
          undefined,
          `round ${round} ended by itself`,
        );
        const states = lines
          .map((line) => line["state"])
          .filter((state): state is string => typeof state === "string");
        savedState = states.at(-1);
        assert.ok(savedState !== undefined, `round ${round} saved no state`);
        pollsBeforeKills = sessionRequests(harness).filter((request) => request.startsWith("GET")).length;
      }
      assert.ok(harness.clock !== undefined);
      harness.clock.advance(10_000);
      const last = startChild(harness, savedState);
      const lines = await last.exited;
      assert.deepEqual(lines.at(-1), { done: "Ready", sessionId: SESSION_ID });

      const requests = sessionRequests(harness);
      assert.deepEqual(
        requests.filter((request) => !request.startsWith("GET")),
        ["PUT 201"],
        "one creation, by the first process only",
      );
      assert.ok(
        requests.every((request) => request === "PUT 201" || request === "GET 200"),
        requests.join(", "),
      );
      assert.deepEqual(await harness.runningSessions(), [SESSION_ID], "one session, no duplicate");
      report(
        `${KILLS} processes killed mid-poll (${pollsBeforeKills} polls among them), the 11th resumed to Ready; ` +
          `1 creation, ${requests.length - 1} polls, 1 session; ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await harness.close();
    }
  });
});
