import assert from "node:assert/strict";
import { createRandomSource } from "../../../src/emulator/faults/randomSource";
import {
  createSession,
  listableSessionsAfter,
  sessionStatusAt,
  sessionView,
  stopSession,
  updateSessionLease,
  type SessionSettings,
} from "../../../src/emulator/store/sessionStore";
import { createEmptyState } from "../../../src/emulator/store/state";

const ACCOUNT = "30ea64bd-100f-4bf0-adc9-29fa45d4880c";
const SETTINGS: SessionSettings = {
  startupInMs: { Standard: 1000, Premium: 5000 },
  teraflops: { Standard: 10.6, Premium: 33.2 },
};
const MINUTE = 60_000;

function fresh(startFailure = false) {
  const state = createEmptyState();
  const outcome = createSession(
    state,
    { accountId: ACCOUNT.toUpperCase(), sessionId: "s", size: "Standard", maxLeaseTimeMinutes: 2 },
    0,
    SETTINGS,
    createRandomSource(3),
    () => (startFailure ? { code: "X", message: "failed" } : null),
  );
  assert.equal(outcome.kind, "created");
  return { state, session: outcome.session };
}

describe("session state transitions", () => {
  it("derives Starting, Ready and Expired from the clock", () => {
    const { session } = fresh();
    assert.equal(sessionStatusAt(session, 999), "Starting");
    assert.equal(sessionStatusAt(session, 1000), "Ready");
    assert.equal(sessionStatusAt(session, 1000 + 2 * MINUTE - 1), "Ready");
    assert.equal(sessionStatusAt(session, 1000 + 2 * MINUTE), "Expired");
  });

  it("turns a session meant to fail into Error at its start-up time", () => {
    const { session } = fresh(true);
    assert.equal(sessionStatusAt(session, 999), "Starting");
    const view = sessionView(session, 1000);
    assert.equal(view.status, "Error");
    assert.deepEqual(view.error, { code: "X", message: "failed" });
  });

  it("stores account ids in lower case and finds retries with identical settings", () => {
    const { state, session } = fresh();
    assert.equal(session.accountId, ACCOUNT);
    const retry = createSession(
      state,
      { accountId: ACCOUNT, sessionId: "s", size: "Standard", maxLeaseTimeMinutes: 2 },
      5,
      SETTINGS,
      createRandomSource(3),
      () => assert.fail("no new session, so no failure decision"),
    );
    assert.equal(retry.kind, "existing");
  });

  it("gives distinct handshake and inspector ports in the dynamic range", () => {
    const state = createEmptyState();
    const random = createRandomSource(11);
    for (let i = 0; i < 300; i += 1) {
      const outcome = createSession(
        state,
        { accountId: ACCOUNT, sessionId: `p${i}`, size: "Premium", maxLeaseTimeMinutes: 1 },
        0,
        SETTINGS,
        random,
        () => null,
      );
      const { handshakePort, arrInspectorPort } = outcome.session;
      assert.notEqual(handshakePort, arrInspectorPort);
      for (const port of [handshakePort, arrInspectorPort]) assert.ok(port >= 49152 && port <= 65534);
    }
  });

  it("only extends leases of live sessions, and only upwards", () => {
    const { state } = fresh();
    assert.deepEqual(updateSessionLease(state, ACCOUNT, "s", 2, 0), {
      kind: "not-larger",
      currentInMinutes: 2,
    });
    assert.equal(updateSessionLease(state, ACCOUNT, "s", 3, 0).kind, "updated");
    assert.equal(updateSessionLease(state, ACCOUNT, "nope", 3, 0).kind, "not-found");
    assert.deepEqual(updateSessionLease(state, ACCOUNT, "s", 9, 1000 + 3 * MINUTE), {
      kind: "terminal",
      status: "Expired",
    });
  });

  it("stops live sessions only, freezing the elapsed time, and lists neither stopped nor expired ones", () => {
    const { state, session } = fresh();
    assert.deepEqual([...listableSessionsAfter(state, ACCOUNT, 0, 0)], [session]);
    assert.equal(stopSession(state, ACCOUNT, "s", 1000 + 90_000).kind, "stopped");
    assert.equal(stopSession(state, ACCOUNT, "s", 1000 + 95_000).kind, "already-ended");
    assert.equal(sessionView(session, 10 * MINUTE).elapsedTimeMinutes, 1);
    assert.deepEqual([...listableSessionsAfter(state, ACCOUNT, 0, 10 * MINUTE)], []);
    assert.equal(stopSession(state, ACCOUNT, "nope", 0).kind, "not-found");
  });
});
