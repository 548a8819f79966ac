import assert from "node:assert/strict";
import { FaultInjector } from "../../../src/emulator/faults/faultInjector";
import { parseFaultHeader } from "../../../src/emulator/faults/faultRules";
import { createRandomSource } from "../../../src/emulator/faults/randomSource";

describe("emulator fault rules", () => {
  it("parses the fault header with its parameters", () => {
    assert.deepEqual(parseFaultHeader("throttle; retry-after=3"), {
      kind: "throttle",
      retryAfterInSeconds: 3,
    });
    assert.deepEqual(parseFaultHeader(" delay ;delay-ms=250 "), { kind: "delay", delayInMs: 250 });
    assert.deepEqual(parseFaultHeader("session-start-failure"), { kind: "session-start-failure" });
    assert.throws(() => parseFaultHeader("throttle; retry-after=-1"), RangeError);
    assert.throws(() => parseFaultHeader("boom"), /must be one of throttle/);
  });

  it("uses rules in order, spends counts and drops spent rules", () => {
    const faults = new FaultInjector(createRandomSource(1), [
      { kind: "throttle", count: 1, operations: ["GetSession"] },
      { kind: "internal-error", count: 2 },
    ]);
    assert.deepEqual(faults.takeResponseFault("ListSessions"), { kind: "internal-error" });
    assert.deepEqual(faults.takeResponseFault("GetSession"), { kind: "throttle", retryAfterInSeconds: 1 });
    assert.deepEqual(faults.takeResponseFault("GetSession"), { kind: "internal-error" });
    assert.equal(faults.takeResponseFault("GetSession"), undefined);
    assert.deepEqual(faults.list(), []);
  });

  it("keeps creation faults apart from answer faults", () => {
    const faults = new FaultInjector(createRandomSource(1), [{ kind: "session-start-failure", count: 1 }]);
    assert.equal(faults.takeResponseFault("CreateSession"), undefined);
    assert.equal(faults.takeCreationFault("conversion-failure"), false);
    assert.equal(faults.takeCreationFault("session-start-failure"), true);
    assert.equal(faults.takeCreationFault("session-start-failure"), false);
  });
});
