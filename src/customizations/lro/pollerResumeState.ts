// The serialized form of a poller. It is what @azure/core-lro reads back ({ state: { status, config } }),
// reduced to what is needed to find the resource again: no results, errors, tokens or keys.
import { validateResourceId } from "../validation";

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

/**
 * The string `serialize()` returns: core-lro's layout with the poller status, and the resource named
 * in `config.metadata` (plus the resource path as core-lro's poll location).
 */
export function serializePollerState(state: PollerResumeState, status: string): string {
  const metadata: Record<string, string> = {
    mode: "Body",
    resourceKind: state.kind,
    accountId: state.accountId,
    resourceId: state.resourceId,
  };
  if (state.size !== undefined) {
    metadata["size"] = state.size;
  }
  const path = resourcePath(state);
  return JSON.stringify({
    state: {
      status,
      config: { metadata, operationLocation: path, initialRequestUrl: path, requestMethod: "PUT" },
    },
  });
}

/**
 * The restore string handed to core-lro on resume: always "running", so that the resumed poller asks
 * the service for the current status instead of trusting a stored result.
 */
export function restoreStringFor(state: PollerResumeState): string {
  return serializePollerState(state, "running");
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

/**
 * Reads a string from `serialize()`. Throws a TypeError when `resumeFrom` is not such a string, and a
 * RangeError when it names another kind of resource or another account than this client's.
 */
export function parsePollerState(
  resumeFrom: unknown,
  expected: { kind: PollerResumeState["kind"]; accountId: string },
): Omit<PollerResumeState, "resourceId"> & { resourceId: unknown } {
  const form = `the string returned by serialize() of a ${expected.kind} poller`;
  if (typeof resumeFrom !== "string") {
    throw new TypeError(`resumeFrom must be ${form}.`);
  }
  let metadata: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(resumeFrom) as { state?: { config?: { metadata?: Record<string, unknown> } } };
    metadata = parsed.state?.config?.metadata;
  } catch {
    metadata = undefined;
  }
  if (typeof metadata !== "object" || metadata === null) {
    throw new TypeError(`resumeFrom must be ${form}; it is not one.`);
  }
  const { resourceKind, accountId, resourceId, size } = metadata;
  if (resourceKind !== expected.kind) {
    throw new RangeError(`resumeFrom must be ${form}; it is the state of a ${String(resourceKind)} poller.`);
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
