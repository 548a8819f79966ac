// Pure decisions of the session and conversion pollers: what a status means for the poller, how long
// to wait, and the serialized form used to resume. No I/O here; createResourcePoller does the wiring.
import type { AssetConversion, SucceededAssetConversion } from "../models/assetConversion.js";
import { maxRetryAfterInMs } from "../serviceLimits.js";
import type {
  ReadyRenderingSession,
  RenderingSession,
  RenderingSessionSize,
} from "../models/renderingSession.js";

/** What one status means for a poller. */
export type PollDecision<TResult> =
  | { kind: "inProgress" }
  | { kind: "succeeded"; result: TResult }
  | { kind: "failed"; error: Error };

/** Default interval between session status requests for a Standard session. */
export const standardSessionIntervalInMs = 2_000;
/** Default interval between session status requests for Premium and unknown sizes. */
export const premiumSessionIntervalInMs = 10_000;
/** Default interval between conversion status requests. */
export const conversionIntervalInMs = 10_000;

/** The default poll interval of a session of the given size. */
export function defaultSessionIntervalInMs(size: RenderingSessionSize | undefined): number {
  return size === "Standard" ? standardSessionIntervalInMs : premiumSessionIntervalInMs;
}

/**
 * What a session status means while waiting for Ready. Exhaustive over the session statuses: a
 * status added to the union without a decision here fails to compile, and an unknown service status
 * is an error, never progress.
 */
export function decideSessionPoll(session: RenderingSession): PollDecision<ReadyRenderingSession> {
  const name = JSON.stringify(session.sessionId);
  switch (session.status) {
    case "Starting":
      return { kind: "inProgress" };
    case "Ready":
      return { kind: "succeeded", result: session };
    case "Error":
      return { kind: "failed", error: session.error };
    case "Expired":
      return {
        kind: "failed",
        error: new Error(`The rendering session ${name} expired before it became Ready.`),
      };
    case "Stopped":
      return {
        kind: "failed",
        error: new Error(`The rendering session ${name} was stopped before it became Ready.`),
      };
    case "Unknown":
      return {
        kind: "failed",
        error: new Error(
          `The rendering session ${name} reported the status ${JSON.stringify(session.serviceStatus)}, ` +
            `which this client does not know; polling stopped (the session was left as it is).`,
        ),
      };
  }
}

/** What a conversion status means while waiting for it to finish. Exhaustive like decideSessionPoll. */
export function decideConversionPoll(conversion: AssetConversion): PollDecision<SucceededAssetConversion> {
  const name = JSON.stringify(conversion.conversionId);
  switch (conversion.status) {
    case "NotStarted":
    case "Running":
      return { kind: "inProgress" };
    case "Succeeded":
      return { kind: "succeeded", result: conversion };
    case "Failed":
      return { kind: "failed", error: conversion.error };
    case "Cancelled":
      return {
        kind: "failed",
        error: new Error(`The asset conversion ${name} was cancelled before it finished.`),
      };
    case "Unknown":
      return {
        kind: "failed",
        error: new Error(
          `The asset conversion ${name} reported the status ${JSON.stringify(conversion.serviceStatus)}, ` +
            `which this client does not know; polling stopped.`,
        ),
      };
  }
}

/**
 * The wait a Retry-After header asks for, in whole seconds from 1 to 60, or undefined when the header
 * is absent, unreadable, zero or in the past (the regular interval then applies). The cap keeps a bad
 * header from stalling polling; ignoring non-positive values keeps it from hot-looping.
 */
export function retryAfterInSeconds(header: string | undefined, nowInMs: number): number | undefined {
  if (header === undefined) {
    return undefined;
  }
  const text = header.trim();
  let seconds: number;
  if (/^\d+$/.test(text)) {
    seconds = Number(text);
  } else {
    const date = Date.parse(text);
    if (Number.isNaN(date) || /^[-+]?\d/.test(text)) {
      return undefined;
    }
    seconds = Math.ceil((date - nowInMs) / 1000);
  }
  if (!Number.isFinite(seconds) || seconds <= 0) {
    return undefined;
  }
  return Math.min(seconds, maxRetryAfterInMs / 1000);
}

/** What createResourcePoller tells core-lro about the next wait. */
export interface PollDelay {
  /** The Retry-After value (seconds) to hand to core-lro, if any. */
  retryAfterInSeconds?: number;
  /** The wait core-lro will use from then on. */
  delayInMs: number;
}

/**
 * The wait after a status response. core-lro keeps the last Retry-After it saw for every later wait,
 * so once a service value has replaced the regular interval, a response without a usable value hands
 * the regular interval back (in whole seconds, at least 1, as core-lro reads seconds).
 */
export function nextPollDelay(
  serviceRetryAfter: string | undefined,
  nowInMs: number,
  intervalInMs: number,
  currentDelayInMs: number,
): PollDelay {
  const seconds = retryAfterInSeconds(serviceRetryAfter, nowInMs);
  if (seconds !== undefined) {
    return { retryAfterInSeconds: seconds, delayInMs: seconds * 1000 };
  }
  if (currentDelayInMs !== intervalInMs) {
    const back = Math.max(1, Math.ceil(intervalInMs / 1000));
    return { retryAfterInSeconds: back, delayInMs: back * 1000 };
  }
  return { delayInMs: currentDelayInMs };
}
