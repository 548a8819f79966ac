// How much of the stored state one ListSessions page reads. Not a timing: the test counts how many
// stored sessions the handler looks at, which must depend on the page size only, not on how many
// sessions are stored, stopped or expired (the cost is measured by bench/emulatorListing.ts).
import assert from "node:assert/strict";
import { VerifiedTokenCache } from "../../../src/emulator/auth/verifiedTokenCache";
import { resolveEmulatorConfig } from "../../../src/emulator/config/emulatorConfig";
import type { EmulatorRuntime, OperationContext } from "../../../src/emulator/config/emulatorRuntime";
import { createRandomSource } from "../../../src/emulator/faults/randomSource";
import { FaultInjector } from "../../../src/emulator/faults/faultInjector";
import { handleListSessions } from "../../../src/emulator/operations/sessionHandlers";
import type { WireSessionList } from "../../../src/emulator/operations/wireTypes";
import { createSession, stopSession } from "../../../src/emulator/store/sessionStore";
import { createEmptyState, type StoredSession } from "../../../src/emulator/store/state";

const ACCOUNT = "30ea64bd-100f-4bf0-adc9-29fa45d4880c";
const PAGE_SIZE = 20;
const MINUTE = 60_000;

function setUp(count: number, leaseInMinutes: number) {
  const config = resolveEmulatorConfig({ pageSize: PAGE_SIZE, logger: false, seed: 1 });
  const random = createRandomSource(1);
  const runtime: EmulatorRuntime = {
    config,
    state: createEmptyState(),
    accounts: new Map(),
    signingSecret: Buffer.alloc(32),
    tokens: new VerifiedTokenCache(Buffer.alloc(32)),
    random,
    faults: new FaultInjector(random, []),
    persist: undefined,
    closing: new AbortController().signal,
  };
  let reads = 0;
  const sessions: StoredSession[] = [];
  for (let i = 0; i < count; i += 1) {
    const outcome = createSession(
      runtime.state,
      { accountId: ACCOUNT, sessionId: `s-${i}`, size: "Standard", maxLeaseTimeMinutes: leaseInMinutes },
      0,
      config.sessions,
      random,
      () => null,
    );
    // Every status check reads stoppedAtInMs first: count the reads.
    const session = outcome.session;
    let stoppedAtInMs = session.stoppedAtInMs;
    Object.defineProperty(session, "stoppedAtInMs", {
      get: () => {
        reads += 1;
        return stoppedAtInMs;
      },
      set: (value: number | null) => {
        stoppedAtInMs = value;
      },
      enumerable: true,
    });
    sessions.push(session);
  }
  const list = (now: number, skipToken?: string): { page: WireSessionList; reads: number } => {
    reads = 0;
    const query = new URLSearchParams(skipToken === undefined ? {} : { $skipToken: skipToken });
    const context: OperationContext = {
      runtime,
      operation: "ListSessions",
      parameters: { account_id: ACCOUNT },
      query,
      headers: {},
      body: Buffer.alloc(0),
      baseUrl: "http://127.0.0.1:1",
      apiVersion: "2021-01-01",
      now,
      headerFault: undefined,
    };
    const page = handleListSessions(context).body as WireSessionList;
    return { page, reads };
  };
  return { runtime, sessions, list };
}

function tokenOf(page: WireSessionList): string {
  const link = page["@nextLink"];
  assert.ok(link !== undefined, "a next page");
  return new URL(link).searchParams.get("$skipToken") ?? "";
}

describe("ListSessions cost", () => {
  it("reads about one page of sessions, however many are stored or stopped", () => {
    const { runtime, sessions, list } = setUp(4000, 60);
    const now = 11_000; // Ready
    // Stop all but the last 50 sessions.
    for (const session of sessions.slice(0, -50)) stopSession(runtime.state, ACCOUNT, session.id, now);
    const first = list(now);
    assert.deepEqual(
      first.page.sessions.map((session) => session.id),
      sessions.slice(-50, -50 + PAGE_SIZE).map((session) => session.id),
    );
    assert.ok(first.reads <= 3 * (PAGE_SIZE + 1), `the first page read ${first.reads} sessions`);
    const second = list(now, tokenOf(first.page));
    assert.equal(second.page.sessions[0]?.id, sessions.at(-50 + PAGE_SIZE)?.id);
    assert.ok(second.reads <= 3 * (PAGE_SIZE + 1), `the second page read ${second.reads} sessions`);
  });

  it("walks over sessions whose lease ran out once, then never again", () => {
    const { sessions, list } = setUp(4000, 1);
    const middle = list(11_000, Buffer.from(`after:${sessions[2000]?.sequence}`).toString("base64url"));
    assert.equal(middle.page.sessions[0]?.id, "s-2001");
    assert.ok(middle.reads <= 3 * (PAGE_SIZE + 1), `a page in the middle read ${middle.reads} sessions`);
    const expired = 10 * MINUTE;
    const once = list(expired);
    assert.deepEqual(once.page.sessions, []);
    const again = list(expired);
    assert.deepEqual(again.page.sessions, []);
    assert.ok(again.reads <= 3, `an empty list read ${again.reads} sessions`);
  });
});
