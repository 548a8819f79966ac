import assert from "node:assert/strict";
import { RemoteRenderingServiceError } from "../../../src/index";
import type { AssetConversion, RenderingSession } from "../../../src/index";
import {
  decideConversionPoll,
  decideSessionPoll,
  defaultSessionIntervalInMs,
  nextPollDelay,
  retryAfterInSeconds,
} from "../../../src/customizations/lro/pollerState";
import {
  parsePollerState,
  toCoreLroRestoreString,
  serializePollerState,
} from "../../../src/customizations/lro/pollerResumeState";
import { accountId, conversionSettings } from "../support/clientTestKit";

const base = { sessionId: "s1", size: "Standard", maxLeaseTimeInMinutes: 10 };
const conversionBase = { conversionId: "c1", settings: conversionSettings };

describe("poller decisions", () => {
  it("treats Starting as progress, Ready as success and every other session status as failure", () => {
    const error = new RemoteRenderingServiceError({ code: "Boom", message: "failed" });
    const ready: RenderingSession = {
      ...base,
      status: "Ready",
      hostname: "h",
      handshakePort: 1,
      arrInspectorPort: 2,
      teraflops: 1,
    };
    assert.deepEqual(decideSessionPoll({ ...base, status: "Starting" }), { kind: "inProgress" });
    assert.deepEqual(decideSessionPoll(ready), { kind: "succeeded", result: ready });
    const failed = decideSessionPoll({ ...base, status: "Error", error });
    assert.equal(failed.kind === "failed" && failed.error, error);
    const messages: Array<[RenderingSession, RegExp]> = [
      [{ ...base, status: "Expired" }, /expired before it became Ready/],
      [{ ...base, status: "Stopped" }, /stopped before it became Ready/],
      [{ ...base, status: "Unknown", serviceStatus: "Hibernating" }, /"Hibernating".*does not know/],
    ];
    for (const [session, pattern] of messages) {
      const decision = decideSessionPoll(session);
      assert.ok(decision.kind === "failed" && pattern.test(decision.error.message), session.status);
    }
  });

  it("treats NotStarted and Running as progress, Succeeded as success and the rest as failure", () => {
    assert.equal(decideConversionPoll({ ...conversionBase, status: "NotStarted" }).kind, "inProgress");
    assert.equal(decideConversionPoll({ ...conversionBase, status: "Running" }).kind, "inProgress");
    const done: AssetConversion = {
      ...conversionBase,
      status: "Succeeded",
      outputAssetUri: "https://x/y.arrAsset",
    };
    assert.deepEqual(decideConversionPoll(done), { kind: "succeeded", result: done });
    const cancelled = decideConversionPoll({ ...conversionBase, status: "Cancelled" });
    assert.ok(cancelled.kind === "failed" && /cancelled/.test(cancelled.error.message));
    const unknown = decideConversionPoll({ ...conversionBase, status: "Unknown", serviceStatus: "Paused" });
    assert.ok(unknown.kind === "failed" && /"Paused"/.test(unknown.error.message));
  });

  it("defaults to 2 s for Standard and 10 s for Premium or unknown sizes", () => {
    assert.equal(defaultSessionIntervalInMs("Standard"), 2000);
    assert.equal(defaultSessionIntervalInMs("Premium"), 10000);
    assert.equal(defaultSessionIntervalInMs("Gigantic"), 10000);
  });

  it("caps Retry-After at 60 s and ignores values that would stall or hot-loop", () => {
    const now = Date.parse("2024-01-01T00:00:00Z");
    assert.equal(retryAfterInSeconds("5", now), 5);
    assert.equal(retryAfterInSeconds("3600", now), 60);
    assert.equal(retryAfterInSeconds(new Date(now + 20_000).toUTCString(), now), 20);
    assert.equal(retryAfterInSeconds(new Date(now + 3_600_000).toUTCString(), now), 60);
    for (const ignored of [
      undefined,
      "0",
      "-5",
      "abc",
      "1e9x",
      new Date(now - 1000).toUTCString(),
      "2024-01-01",
    ]) {
      assert.equal(retryAfterInSeconds(ignored, now), undefined, String(ignored));
    }
  });
});

describe("nextPollDelay", () => {
  it("uses the service's value, then hands the regular interval back when a response has none", () => {
    const now = 0;
    assert.deepEqual(nextPollDelay("5", now, 10_000, 10_000), { retryAfterInSeconds: 5, delayInMs: 5_000 });
    assert.deepEqual(nextPollDelay(undefined, now, 10_000, 5_000), {
      retryAfterInSeconds: 10,
      delayInMs: 10_000,
    });
    assert.deepEqual(nextPollDelay(undefined, now, 10_000, 10_000), { delayInMs: 10_000 });
    assert.deepEqual(nextPollDelay("0", now, 250, 250), { delayInMs: 250 });
    assert.deepEqual(nextPollDelay(undefined, now, 250, 3_000), { retryAfterInSeconds: 1, delayInMs: 1_000 });
  });
});

describe("poller resume state", () => {
  it("serializes in our versioned format with only the resource's names", () => {
    const text = serializePollerState({ kind: "session", accountId, resourceId: "s1", size: "Premium" });
    assert.deepEqual(JSON.parse(text), {
      remoteRenderingPoller: 1,
      kind: "session",
      accountId,
      resourceId: "s1",
      size: "Premium",
    });
  });

  it("translates to core-lro's restore layout in one place, always as running", () => {
    const restore = JSON.parse(
      toCoreLroRestoreString({ kind: "conversion", accountId, resourceId: "c1" }),
    ) as {
      state: { status: string; config: { operationLocation: string } };
    };
    assert.equal(restore.state.status, "running");
    assert.equal(restore.state.config.operationLocation, `/accounts/${accountId}/conversions/c1`);
  });

  it("still reads strings saved in 0.1.0's core-lro layout", () => {
    const saved = JSON.stringify({
      state: {
        status: "succeeded",
        config: {
          metadata: { mode: "Body", resourceKind: "session", accountId, resourceId: "s1", size: "Premium" },
        },
      },
    });
    assert.deepEqual(parsePollerState(saved, { kind: "session", accountId }), {
      kind: "session",
      accountId,
      resourceId: "s1",
      size: "Premium",
    });
  });

  it("refuses a format version newer than it knows", () => {
    const newer = JSON.stringify({ remoteRenderingPoller: 2, kind: "session", accountId, resourceId: "s1" });
    assert.throws(() => parsePollerState(newer, { kind: "session", accountId }), /format version 1 or older/);
  });

  it("reads its own output back and refuses other kinds, other accounts and foreign text", () => {
    const text = serializePollerState({ kind: "conversion", accountId, resourceId: "c1" });
    assert.deepEqual(parsePollerState(text, { kind: "conversion", accountId }), {
      kind: "conversion",
      accountId,
      resourceId: "c1",
    });
    assert.throws(() => parsePollerState(text, { kind: "session", accountId }), RangeError);
    assert.throws(
      () => parsePollerState(text, { kind: "conversion", accountId: "00000000-0000-0000-0000-000000000000" }),
      RangeError,
    );
    for (const bad of [42, "", "not json", "{}", '{"state":{}}']) {
      assert.throws(() => parsePollerState(bad, { kind: "conversion", accountId }), TypeError, String(bad));
    }
  });
});
