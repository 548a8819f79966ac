import assert from "node:assert/strict";
import { RemoteRenderingServiceError, RestError } from "../../../src/index";
import {
  toRenderingSession,
  toRenderingSessionStatus,
} from "../../../src/customizations/wire/sessionFromWire";
import { sessionBody } from "../support/clientTestKit";
import type { SessionPropertiesOutput } from "../../../src/generated/remoteRendering";

/** Bodies in these tests are what a service may send, not always what the generated model promises. */
const readUntrusted = (body: unknown, msCv?: string) =>
  toRenderingSession(body as SessionPropertiesOutput, msCv);

describe("toRenderingSession", () => {
  it("maps each service status explicitly and anything else to Unknown", () => {
    for (const status of ["Starting", "Ready", "Error", "Expired", "Stopped"]) {
      assert.equal(toRenderingSessionStatus(status), status);
    }
    for (const other of ["ready", "Hibernating", "", "Unknown"]) {
      assert.equal(toRenderingSessionStatus(other), "Unknown");
    }
  });

  it("gives a Starting session no hostname or ports (the service sends 0 and null)", () => {
    const session = readUntrusted(sessionBody("s1", "Starting"));
    assert.deepEqual(session, {
      sessionId: "s1",
      status: "Starting",
      size: "Standard",
      maxLeaseTimeInMinutes: 10,
      elapsedTimeInMinutes: 0,
      createdOn: new Date("2021-01-29T16:04:29.156Z"),
    });
  });

  it("gives a Ready session its hostname, ports and teraflops", () => {
    const session = readUntrusted(sessionBody("s1", "Ready"));
    assert.equal(session.status, "Ready");
    if (session.status === "Ready") {
      assert.equal(session.hostname, "1-2.remoterendering.vm.eastus.mixedreality.azure.com");
      assert.equal(session.handshakePort, 53197);
      assert.equal(session.arrInspectorPort, 55669);
      assert.equal(session.teraflops, 10.6);
    }
  });

  it("refuses a Ready session without hostname as a parse error", () => {
    assert.throws(
      () => readUntrusted(sessionBody("s1", "Ready", { hostname: null })),
      (error: unknown) => error instanceof RestError && error.code === RestError.PARSE_ERROR,
    );
  });

  it("keeps the service error of an Error session with the MS-CV", () => {
    const body = sessionBody("s1", "Error", {
      error: {
        code: "InternalServerError",
        message: "VM failed",
        details: [{ code: "Inner", message: "disk" }],
      },
    });
    const session = readUntrusted(body, "cv.1");
    assert.equal(session.status, "Error");
    if (session.status === "Error") {
      assert.ok(session.error instanceof RemoteRenderingServiceError);
      assert.equal(session.error.code, "InternalServerError");
      assert.equal(session.error.message, "VM failed");
      assert.deepEqual(session.error.details, [{ code: "Inner", message: "disk" }]);
      assert.equal(session.error.msCv, "cv.1");
    }
  });

  it("keeps unknown sizes and statuses as the service's text", () => {
    const session = readUntrusted(sessionBody("s1", "Hibernating", { size: "Gigantic", teraflops: 3 }));
    assert.equal(session.size, "Gigantic");
    assert.equal(session.status, "Unknown");
    if (session.status === "Unknown") {
      assert.equal(session.serviceStatus, "Hibernating");
      assert.equal(session.teraflops, 3);
    }
  });

  it("keeps real values of stopped sessions and drops placeholders", () => {
    const session = readUntrusted(sessionBody("s1", "Stopped", { teraflops: 10.6 }));
    assert.equal(session.status, "Stopped");
    if (session.status === "Stopped") {
      assert.equal(session.teraflops, 10.6);
      assert.equal(session.hostname, undefined);
      assert.equal(session.handshakePort, undefined);
    }
  });

  it("reports bodies without id, status, size or lease as parse errors", () => {
    for (const field of ["id", "status", "size", "maxLeaseTimeMinutes"]) {
      const body = sessionBody("s1", "Starting");
      delete body[field];
      assert.throws(() => readUntrusted(body), /malformed/, field);
    }
    assert.throws(() => readUntrusted("text"), /malformed/);
  });
});
