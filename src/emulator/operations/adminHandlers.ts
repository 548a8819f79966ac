// Admin endpoints under /_emulator/, for tests and tools in any language:
//   GET    /_emulator/faults   the active fault rules
//   POST   /_emulator/faults   add a rule (JSON FaultRule), answers 201 with it
//   DELETE /_emulator/faults   remove every rule
//   GET    /_emulator/clock    the emulated time
//   POST   /_emulator/clock    { "advanceInMs": N } moves a manual clock forward
//   GET    /_emulator/health   200 { status: "ok", ... } while the emulator serves requests
//   POST   /_emulator/reset    forget every session and conversion and remove the fault rules
//                              (accounts, keys and blobs stay); answers 200 with the counts removed
// They need no token and no api-version: the emulator listens on loopback by default.
import { ResourceTable } from "../store/resourceTable.js";
import { LATEST_CLOCK_TIME_IN_MS, isManualClock } from "../config/clock.js";
import { EmulatorHttpError, badRequest, notFound } from "../http/errors.js";
import type { EmulatorRuntime, OperationResult } from "../config/emulatorRuntime.js";
import type { FaultRule } from "../faults/faultTypes.js";
import { decodeJsonBody } from "../http/requestBody.js";

export const ADMIN_PREFIX = "/_emulator/";

function methodNotAllowed(allowed: string[]): EmulatorHttpError {
  return new EmulatorHttpError(405, "MethodNotAllowed", `This endpoint accepts ${allowed.join(", ")}.`, {
    headers: { Allow: allowed.join(", ") },
  });
}

/** Turns option-style validation errors (TypeError, RangeError) into 400 answers. */
function asBadRequest<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw badRequest(error.message, "body");
    throw error;
  }
}

function clockState(runtime: EmulatorRuntime): OperationResult {
  const { clock } = runtime.config;
  const nowInMs = clock.now();
  return {
    status: 200,
    body: { now: new Date(nowInMs).toISOString(), nowInMs, speed: clock.speed, manual: isManualClock(clock) },
  };
}

export function handleAdminRequest(
  runtime: EmulatorRuntime,
  method: string,
  pathname: string,
  body: Buffer,
  contentType: string | undefined,
): OperationResult {
  const resource = pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, "");
  if (resource === "faults") {
    if (method === "GET") return { status: 200, body: { faults: runtime.faults.list() } };
    if (method === "DELETE") {
      runtime.faults.clear();
      return { status: 204 };
    }
    if (method === "POST") {
      const rule = decodeJsonBody(body, contentType);
      // FaultInjector.add checks the rule and throws TypeError or RangeError for a bad one.
      return { status: 201, body: asBadRequest(() => runtime.faults.add(rule as FaultRule)) };
    }
    throw methodNotAllowed(["GET", "POST", "DELETE"]);
  }
  if (resource === "health") {
    if (method !== "GET") throw methodNotAllowed(["GET"]);
    return {
      status: 200,
      body: {
        status: "ok",
        now: new Date(runtime.config.clock.now()).toISOString(),
        sessions: runtime.state.sessions.size,
        conversions: runtime.state.conversions.size,
        storage: runtime.conversionStorage?.blobEndpoint ?? null,
      },
    };
  }
  if (resource === "reset") {
    if (method !== "POST") throw methodNotAllowed(["POST"]);
    const removed = {
      sessions: runtime.state.sessions.size,
      conversions: runtime.state.conversions.size,
      faults: runtime.faults.list().length,
    };
    runtime.state.sessions = new ResourceTable();
    runtime.state.conversions = new ResourceTable();
    runtime.state.nextSequence = 1;
    runtime.faults.clear();
    return { status: 200, body: { removed }, changedState: true };
  }
  if (resource === "clock") {
    if (method === "GET") return clockState(runtime);
    if (method !== "POST") throw methodNotAllowed(["GET", "POST"]);
    const request = decodeJsonBody(body, contentType) as { advanceInMs?: unknown } | null;
    const clock = runtime.config.clock;
    if (!isManualClock(clock)) {
      throw new EmulatorHttpError(
        409,
        "Conflict",
        "Only a manual clock can be advanced; start the emulator with one.",
      );
    }
    const advanceInMs = request?.advanceInMs;
    const max = clock.maxAdvanceInMs;
    if (typeof advanceInMs !== "number" || !(advanceInMs >= 0 && advanceInMs <= max)) {
      throw badRequest(
        `advanceInMs must be a number of milliseconds from 0 to ${max} (the emulated clock may not ` +
          `pass ${new Date(LATEST_CLOCK_TIME_IN_MS).toISOString()}); got ${JSON.stringify(advanceInMs) ?? "nothing"}.`,
        "advanceInMs",
      );
    }
    clock.advance(advanceInMs);
    return clockState(runtime);
  }
  throw notFound(
    `There is no admin endpoint ${pathname}; use ${ADMIN_PREFIX}faults, ${ADMIN_PREFIX}clock, ` +
      `${ADMIN_PREFIX}health or ${ADMIN_PREFIX}reset.`,
  );
}
