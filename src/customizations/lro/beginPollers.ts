// Builds the pollers of beginSession and beginConversion: validates the arguments (or reads the
// resume string), then wires the REST operations into createResourcePoller.
import type { AbortSignalLike } from "@azure/abort-controller";
import type {
  AssetConversion,
  AssetConversionSettings,
  SucceededAssetConversion,
} from "../models/assetConversion";
import { toConversionRequestBody } from "../wire/conversionWire";
import { createResourcePoller } from "./createResourcePoller";
import type {
  AssetConversionPollerLike,
  BeginConversionOptions,
  BeginSessionOptions,
  RenderingSessionPollerLike,
  ResumeBeginConversionOptions,
  ResumeBeginSessionOptions,
} from "../models/options";
import type { PollerResumeState } from "./pollerResumeState";
import { readResumeTarget } from "./pollerResumeState";
import {
  conversionIntervalInMs,
  decideConversionPoll,
  decideSessionPoll,
  defaultSessionIntervalInMs,
} from "./pollerState";
import type {
  ReadyRenderingSession,
  RenderingSession,
  RenderingSessionSettings,
} from "../models/renderingSession";
import type { ServiceRequests } from "../wire/serviceRequests";
import { requestParameters } from "../wire/serviceRequests";
import {
  validateIntervalInMs,
  validateMaxLeaseTime,
  validateResourceId,
  validateSessionSize,
} from "../validation";

function isResumeOptions(value: unknown): value is { resumeFrom: unknown } {
  return typeof value === "object" && value !== null && "resumeFrom" in value;
}

function intervalFrom(options: { intervalInMs?: number }, fallbackInMs: number): number {
  return options.intervalInMs === undefined
    ? fallbackInMs
    : validateIntervalInMs("options.intervalInMs", options.intervalInMs);
}

/** The poller of beginSession (both overloads). */
export function beginSessionPoller(
  requests: ServiceRequests,
  accountId: string,
  sessionIdOrResume: string | ResumeBeginSessionOptions,
  settings: RenderingSessionSettings | undefined,
  options: BeginSessionOptions,
): RenderingSessionPollerLike {
  const resuming = isResumeOptions(sessionIdOrResume);
  const pollOptions: BeginSessionOptions = resuming ? sessionIdOrResume : options;
  let target: PollerResumeState;
  let create:
    | ((signal: AbortSignalLike | undefined) => ReturnType<ServiceRequests["createSession"]>)
    | undefined;
  if (resuming) {
    target = readResumeTarget(sessionIdOrResume.resumeFrom, { kind: "session", accountId });
  } else {
    const sessionId = validateResourceId("sessionId", sessionIdOrResume);
    if (typeof settings !== "object" || settings === null) {
      throw new TypeError("settings must be an object { maxLeaseTimeInMinutes, size }.");
    }
    const body = {
      maxLeaseTimeMinutes: validateMaxLeaseTime(
        "settings.maxLeaseTimeInMinutes",
        settings.maxLeaseTimeInMinutes,
      ),
      size: validateSessionSize("settings.size", settings.size),
    };
    if (isResumeOptions(pollOptions)) {
      throw new TypeError("To resume, call beginSession({ resumeFrom }) with the options only.");
    }
    target = { kind: "session", accountId, resourceId: sessionId, size: body.size };
    create = (signal) => requests.createSession(sessionId, body, requestParameters(pollOptions, signal));
  }
  const sessionId = target.resourceId;
  return createResourcePoller<RenderingSession, ReadyRenderingSession>({
    target,
    ...(create !== undefined ? { create } : {}),
    fetch: async (signal) => ({
      resource: await requests.getSession(sessionId, requestParameters(pollOptions, signal)),
    }),
    decide: decideSessionPoll,
    intervalInMs: intervalFrom(pollOptions, defaultSessionIntervalInMs(target.size)),
    honourRetryAfter: false,
    ...(pollOptions.abortSignal !== undefined ? { abortSignal: pollOptions.abortSignal } : {}),
  });
}

/** The poller of beginConversion (both overloads). */
export function beginConversionPoller(
  requests: ServiceRequests,
  accountId: string,
  conversionIdOrResume: string | ResumeBeginConversionOptions,
  settings: AssetConversionSettings | undefined,
  options: BeginConversionOptions,
): AssetConversionPollerLike {
  const resuming = isResumeOptions(conversionIdOrResume);
  const pollOptions: BeginConversionOptions = resuming ? conversionIdOrResume : options;
  let target: PollerResumeState;
  let create:
    | ((signal: AbortSignalLike | undefined) => ReturnType<ServiceRequests["createConversion"]>)
    | undefined;
  if (resuming) {
    target = readResumeTarget(conversionIdOrResume.resumeFrom, { kind: "conversion", accountId });
  } else {
    const conversionId = validateResourceId("conversionId", conversionIdOrResume);
    const body = toConversionRequestBody(settings as AssetConversionSettings);
    if (isResumeOptions(pollOptions)) {
      throw new TypeError("To resume, call beginConversion({ resumeFrom }) with the options only.");
    }
    target = { kind: "conversion", accountId, resourceId: conversionId };
    create = (signal) =>
      requests.createConversion(conversionId, body, requestParameters(pollOptions, signal));
  }
  const conversionId = target.resourceId;
  return createResourcePoller<AssetConversion, SucceededAssetConversion>({
    target,
    ...(create !== undefined ? { create } : {}),
    fetch: (signal) => requests.getConversion(conversionId, requestParameters(pollOptions, signal)),
    decide: decideConversionPoll,
    intervalInMs: intervalFrom(pollOptions, conversionIntervalInMs),
    honourRetryAfter: true,
    ...(pollOptions.abortSignal !== undefined ? { abortSignal: pollOptions.abortSignal } : {}),
  });
}
