// Builds the pollers of beginSession and beginConversion. One function, beginResourcePoller, does
// what both share: tell a resume call from a creation, validate the arguments before anything is sent
// (or read the resume string), and wire the REST operations into createResourcePoller. What differs
// per resource lives in a PollerRecipe: sessionRecipe and conversionRecipe.
import type { AbortSignalLike } from "@azure/abort-controller";
import type { PollerLike } from "@azure/core-lro";
import type { CreateSessionSettings } from "../../generated/remoteRendering/index.js";
import type {
  AssetConversion,
  AssetConversionSettings,
  SucceededAssetConversion,
} from "../models/assetConversion.js";
import type { RemoteRenderingOperationOptions } from "../models/options.js";
import type {
  ReadyRenderingSession,
  RenderingSession,
  RenderingSessionSettings,
} from "../models/renderingSession.js";
import {
  validateIntervalInMs,
  validateMaxLeaseTime,
  validateResourceId,
  validateSessionSize,
} from "../validation.js";
import { toConversionRequestBody } from "../wire/conversionWire.js";
import { validateOperationOptions } from "../models/validateOperationOptions.js";
import type { ServiceRequests } from "../wire/serviceRequests.js";
import { requestParameters } from "../wire/serviceRequests.js";
import type { FetchedResource, ResourcePollerState } from "./createResourcePoller.js";
import { createResourcePoller } from "./createResourcePoller.js";
import type { PollerResumeState } from "./pollerResumeState.js";
import { readResumeTarget, serializePollerState } from "./pollerResumeState.js";
import type { PollDecision } from "./pollerState.js";
import {
  conversionIntervalInMs,
  decideConversionPoll,
  decideSessionPoll,
  defaultSessionIntervalInMs,
} from "./pollerState.js";

type Send<TResource> = (signal: AbortSignalLike | undefined) => Promise<FetchedResource<TResource>>;

/** What a poller needs to know about one kind of resource. */
export interface PollerRecipe<TSettings, TResource, TResult> {
  kind: PollerResumeState["kind"];
  /** The public method, for messages: "beginSession". */
  method: string;
  /** The name of the id parameter: "sessionId". */
  idName: string;
  /**
   * Validates the creation settings (throwing TypeError or RangeError, before anything is sent) and
   * returns the creation request and what the resume state keeps beside the id.
   */
  prepare(
    requests: ServiceRequests,
    id: string,
    settings: TSettings | undefined,
    parameters: (signal: AbortSignalLike | undefined) => ReturnType<typeof requestParameters>,
  ): { create: Send<TResource>; size?: string };
  /** Reads the resource's current state. */
  fetch(
    requests: ServiceRequests,
    id: string,
    parameters: ReturnType<typeof requestParameters>,
  ): Promise<FetchedResource<TResource>>;
  decide(resource: TResource): PollDecision<TResult>;
  defaultIntervalInMs(target: PollerResumeState): number;
  /** Whether Retry-After headers on status answers replace the interval (capped). */
  honourRetryAfter: boolean;
}

/** The session poller: created with { maxLeaseTimeInMinutes, size }; waits for Ready. */
export const sessionRecipe: PollerRecipe<RenderingSessionSettings, RenderingSession, ReadyRenderingSession> =
  {
    kind: "session",
    method: "beginSession",
    idName: "sessionId",
    prepare(requests, id, settings, parameters) {
      if (typeof settings !== "object" || settings === null) {
        throw new TypeError("settings must be an object { maxLeaseTimeInMinutes, size }.");
      }
      const body: CreateSessionSettings = {
        maxLeaseTimeMinutes: validateMaxLeaseTime(
          "settings.maxLeaseTimeInMinutes",
          settings.maxLeaseTimeInMinutes,
        ),
        size: validateSessionSize("settings.size", settings.size),
      };
      return { create: (signal) => requests.createSession(id, body, parameters(signal)), size: body.size };
    },
    fetch: async (requests, id, parameters) => ({ resource: await requests.getSession(id, parameters) }),
    decide: decideSessionPoll,
    defaultIntervalInMs: (target) => defaultSessionIntervalInMs(target.size),
    honourRetryAfter: false,
  };

/** The conversion poller: created with input and output settings; waits for Succeeded. */
export const conversionRecipe: PollerRecipe<
  AssetConversionSettings,
  AssetConversion,
  SucceededAssetConversion
> = {
  kind: "conversion",
  method: "beginConversion",
  idName: "conversionId",
  prepare(requests, id, settings, parameters) {
    const body = toConversionRequestBody(settings as AssetConversionSettings);
    return { create: (signal) => requests.createConversion(id, body, parameters(signal)) };
  },
  fetch: (requests, id, parameters) => requests.getConversion(id, parameters),
  decide: decideConversionPoll,
  defaultIntervalInMs: () => conversionIntervalInMs,
  honourRetryAfter: true,
};

/** Options every poller takes. */
export type PollerOptions = RemoteRenderingOperationOptions & { intervalInMs?: number };

function isResumeOptions(value: unknown): value is { resumeFrom: unknown } {
  return typeof value === "object" && value !== null && "resumeFrom" in value;
}

/** A poller of the recipe's resource, for either overload of its begin method (create or resume). */
export function beginResourcePoller<TSettings, TResource, TResult>(
  recipe: PollerRecipe<TSettings, TResource, TResult>,
  requests: ServiceRequests,
  accountId: string,
  idOrResume: string | (PollerOptions & { resumeFrom: string }),
  settings: TSettings | undefined,
  options: PollerOptions,
): PollerLike<ResourcePollerState<TResource, TResult>, TResult> {
  const resuming = isResumeOptions(idOrResume);
  const pollOptions = validateOperationOptions<PollerOptions>("options", resuming ? idOrResume : options, {
    typeName: `${recipe.method[0]?.toUpperCase() ?? ""}${recipe.method.slice(1)}Options`,
    intervalInMs: true,
  });
  const parameters = (signal: AbortSignalLike | undefined) => requestParameters(pollOptions, signal);
  let target: PollerResumeState;
  let create: Send<TResource> | undefined;
  if (resuming) {
    target = readResumeTarget(idOrResume.resumeFrom, { kind: recipe.kind, accountId });
  } else {
    const id = validateResourceId(recipe.idName, idOrResume);
    const prepared = recipe.prepare(requests, id, settings, parameters);
    if (isResumeOptions(pollOptions)) {
      throw new TypeError(`To resume, call ${recipe.method}({ resumeFrom }) with the options only.`);
    }
    target = {
      kind: recipe.kind,
      accountId,
      resourceId: id,
      ...(prepared.size !== undefined ? { size: prepared.size } : {}),
    };
    create = prepared.create;
  }
  const id = target.resourceId;
  const intervalInMs =
    pollOptions.intervalInMs === undefined
      ? recipe.defaultIntervalInMs(target)
      : validateIntervalInMs("options.intervalInMs", pollOptions.intervalInMs);
  return createResourcePoller<TResource, TResult>({
    target,
    ...(create !== undefined ? { create } : {}),
    fetch: (signal) => recipe.fetch(requests, id, parameters(signal)),
    decide: (resource) => recipe.decide(resource),
    intervalInMs,
    honourRetryAfter: recipe.honourRetryAfter,
    ...(pollOptions.abortSignal !== undefined ? { abortSignal: pollOptions.abortSignal } : {}),
  });
}

/**
 * A poller for an existing resource of the recipe's kind, created elsewhere (getSessionPoller,
 * getConversionPoller): it never creates the resource, and serializes and resumes like the others.
 */
export function attachResourcePoller<TSettings, TResource, TResult>(
  recipe: PollerRecipe<TSettings, TResource, TResult>,
  requests: ServiceRequests,
  accountId: string,
  resourceId: string,
  options: PollerOptions,
): PollerLike<ResourcePollerState<TResource, TResult>, TResult> {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object.");
  const id = validateResourceId(recipe.idName, resourceId);
  const resumeFrom = serializePollerState({ kind: recipe.kind, accountId, resourceId: id });
  return beginResourcePoller(recipe, requests, accountId, { ...options, resumeFrom }, undefined, {});
}
