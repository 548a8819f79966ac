// Converts session bodies from the service (the generated SessionPropertiesOutput) into the public
// RenderingSession union, and checks at compile time that the client's session sizes are the spec's.
import type { SessionPropertiesOutput, SessionSize } from "../../generated/remoteRendering/index.js";
import type { renderingSessionSizes } from "../serviceLimits.js";
import type {
  PartialRenderingSessionProperties,
  RenderingSession,
  RenderingSessionBase,
  RenderingSessionStatus,
} from "../models/renderingSession.js";
import { RemoteRenderingServiceError, toErrorDetail } from "../errors/remoteRenderingServiceError.js";
import { parseServiceTime } from "./serviceTime.js";
import type { Unchecked } from "./wireReaders.js";
import {
  malformedResponse,
  optionalNumber,
  optionalString,
  requireNumberField,
  requireRecord,
  requireStringField,
} from "./wireReaders.js";

/** The named members of an extensible enum of the generated models (without its open `string`). */
type KnownMembers<T> = T extends string ? (string extends T ? never : T) : never;
/** Compiles only while both sides list the same sizes. */
type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// A spec that adds, drops or renames a session size fails here until serviceLimits.ts follows.
const sessionSizesMatchSpec: SameMembers<
  (typeof renderingSessionSizes)[number],
  KnownMembers<SessionSize>
> = true;
void sessionSizesMatchSpec;

/**
 * The one place that maps a session status from the service to the client's closed set. Every status
 * of the API is listed; anything else (another spelling, a status added later) is "Unknown".
 */
export function toRenderingSessionStatus(serviceStatus: string): RenderingSessionStatus {
  switch (serviceStatus) {
    case "Starting":
      return "Starting";
    case "Ready":
      return "Ready";
    case "Error":
      return "Error";
    case "Expired":
      return "Expired";
    case "Stopped":
      return "Stopped";
    default:
      return "Unknown";
  }
}

/** Server properties that carry real values; the placeholders sent while starting are dropped. */
function partialProperties(body: Unchecked<SessionPropertiesOutput>): PartialRenderingSessionProperties {
  const result: PartialRenderingSessionProperties = {};
  const hostname = optionalString(body, "hostname");
  const handshakePort = optionalNumber(body, "handshakePort");
  const arrInspectorPort = optionalNumber(body, "arrInspectorPort");
  const teraflops = optionalNumber(body, "teraflops");
  if (hostname !== undefined) {
    result.hostname = hostname;
  }
  if (handshakePort !== undefined && handshakePort > 0) {
    result.handshakePort = handshakePort;
  }
  if (arrInspectorPort !== undefined && arrInspectorPort > 0) {
    result.arrInspectorPort = arrInspectorPort;
  }
  if (teraflops !== undefined && teraflops > 0) {
    result.teraflops = teraflops;
  }
  return result;
}

/**
 * Converts one session body into a RenderingSession.
 *
 * @param value - the parsed JSON body: typed as the generated model, checked as untrusted input.
 * @param msCv - the MS-CV of the response, kept on the error of a session in the Error state.
 */
export function toRenderingSession(
  value: SessionPropertiesOutput | undefined,
  msCv?: string,
): RenderingSession {
  const body = requireRecord(value, "a rendering session");
  const sessionId = requireStringField(body, "id", "a rendering session");
  const what = `rendering session ${JSON.stringify(sessionId)}`;
  const serviceStatus = requireStringField(body, "status", what);
  const base: RenderingSessionBase = {
    sessionId,
    size: requireStringField(body, "size", what),
    maxLeaseTimeInMinutes: requireNumberField(body, "maxLeaseTimeMinutes", what),
  };
  const createdOn = parseServiceTime(body.creationTime);
  if (createdOn !== undefined) {
    base.createdOn = createdOn;
  }
  const elapsed = optionalNumber(body, "elapsedTimeMinutes");
  if (elapsed !== undefined) {
    base.elapsedTimeInMinutes = elapsed;
  }
  const status = toRenderingSessionStatus(serviceStatus);
  // Object.assign onto the fresh `base`, not `{ ...base, status }`: Node 20 takes a slow path for a
  // spread followed by more properties (over a microsecond per object, on every session read).
  switch (status) {
    case "Starting":
      return Object.assign(base, { status });
    case "Ready": {
      const partial = partialProperties(body);
      const { hostname, handshakePort, arrInspectorPort } = partial;
      if (hostname === undefined || handshakePort === undefined || arrInspectorPort === undefined) {
        throw malformedResponse(`${what} is Ready but lacks its hostname or ports`);
      }
      return Object.assign(base, {
        status,
        hostname,
        handshakePort,
        arrInspectorPort,
        teraflops: partial.teraflops ?? 0,
      });
    }
    case "Error": {
      const detail = toErrorDetail(body.error as SessionPropertiesOutput["error"]) ?? {
        code: "SessionError",
        message: `The rendering session ${JSON.stringify(sessionId)} failed without an error description.`,
      };
      return Object.assign(base, partialProperties(body), {
        status,
        error: new RemoteRenderingServiceError(detail, msCv),
      });
    }
    case "Expired":
    case "Stopped":
      return Object.assign(base, partialProperties(body), { status });
    case "Unknown":
      return Object.assign(base, partialProperties(body), { status, serviceStatus });
  }
}
