// The resume format of our pollers: what `serialize()` returns and `resumeFrom` reads. It is our
// own, versioned JSON, reduced to what is needed to find the resource again (no results, errors,
// tokens or keys):
//
//   { "remoteRenderingPoller": 1, "kind": "session", "accountId": "...", "resourceId": "...", "size": "Standard" }
//
// @azure/core-lro has a layout of its own for restoring a poller; toCoreLroRestoreString is the one
// place that translates ours into it. Strings saved by version 0.1.0 of this package, which were in
// core-lro's layout, are still read.
import { validateResourceId } from "../validation.js";

/** The version written into every serialized poller; readers refuse versions they do not know. */
export const pollerResumeFormatVersion = 1;

/** What a serialized poller names. */
export interface PollerResumeState {
  kind: "session" | "conversion";
  accountId: string;
  resourceId: string;
  /** The session size, which sets the default poll interval (sessions only). */
  size?: string;
}

/** The path of the resource a poller watches, relative to the endpoint. */
export function resourcePath(state: PollerResumeState): string {
  const collection = state.kind === "session" ? "sessions" : "conversions";
  return `/accounts/${state.accountId}/${collection}/${state.resourceId}`;
}

/** The string `serialize()` returns. */
export function serializePollerState(state: PollerResumeState): string {
  return JSON.stringify({
    remoteRenderingPoller: pollerResumeFormatVersion,
    kind: state.kind,
    accountId: state.accountId,
    resourceId: state.resourceId,
    ...(state.size !== undefined ? { size: state.size } : {}),
  });
}

/**
 * The restore string handed to core-lro on resume, in core-lro's layout. Always "running", so that the
 * resumed poller asks the service for the current status instead of trusting a stored result.
 */
export function toCoreLroRestoreString(state: PollerResumeState): string {
  const path = resourcePath(state);
  return JSON.stringify({
    state: {
      status: "running",
      config: {
        metadata: { mode: "Body" },
        operationLocation: path,
        initialRequestUrl: path,
        requestMethod: "PUT",
      },
    },
  });
}

/**
 * The resource named by a string from `serialize()`, checked like parsePollerState, with the id
 * validated as a session or conversion id.
 */
export function readResumeTarget(
  resumeFrom: unknown,
  expected: { kind: PollerResumeState["kind"]; accountId: string },
): PollerResumeState {
  const parsed = parsePollerState(resumeFrom, expected);
  const resourceId = validateResourceId(`the ${expected.kind} id in resumeFrom`, parsed.resourceId);
  return { ...parsed, resourceId };
}

/** The fields of a parsed resume string, in our format or the 0.1.0 one; undefined when neither. */
function resumeFields(text: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  if ("remoteRenderingPoller" in record) return record;
  // 0.1.0: { state: { config: { metadata: { resourceKind, accountId, resourceId, size } } } }
  const legacy = (record as { state?: { config?: { metadata?: Record<string, unknown> } } }).state?.config
    ?.metadata;
  if (typeof legacy !== "object" || legacy === null) return undefined;
  const { resourceKind, ...rest } = legacy;
  return { ...rest, remoteRenderingPoller: 0, kind: resourceKind };
}

/**
 * Reads a string from `serialize()`. Throws a TypeError when `resumeFrom` is not such a string, and a
 * RangeError when it is of a newer format version, names another kind of resource or another account
 * than this client's.
 */
export function parsePollerState(
  resumeFrom: unknown,
  expected: { kind: PollerResumeState["kind"]; accountId: string },
): Omit<PollerResumeState, "resourceId"> & { resourceId: unknown } {
  const form = `the string returned by serialize() of a ${expected.kind} poller`;
  if (typeof resumeFrom !== "string") {
    throw new TypeError(`resumeFrom must be ${form}.`);
  }
  const fields = resumeFields(resumeFrom);
  if (fields === undefined) {
    throw new TypeError(`resumeFrom must be ${form}; it is not one.`);
  }
  const { remoteRenderingPoller: version, kind, accountId, resourceId, size } = fields;
  if (typeof version !== "number" || !Number.isInteger(version) || version > pollerResumeFormatVersion) {
    throw new RangeError(
      `resumeFrom must be ${form} in format version ${pollerResumeFormatVersion} or older; ` +
        `it has version ${JSON.stringify(version)} (saved by a newer version of this package?).`,
    );
  }
  if (kind !== expected.kind) {
    throw new RangeError(`resumeFrom must be ${form}; it is the state of a ${String(kind)} poller.`);
  }
  if (typeof accountId !== "string" || accountId.toLowerCase() !== expected.accountId.toLowerCase()) {
    throw new RangeError(
      `resumeFrom must be ${form} for account ${expected.accountId}; it names another account.`,
    );
  }
  return {
    kind: expected.kind,
    accountId: expected.accountId,
    resourceId,
    ...(typeof size === "string" ? { size } : {}),
  };
}
