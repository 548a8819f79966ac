// The thin adapter between the service and @azure/core-lro. core-lro only understands its own
// statuses (and treats any text it does not know as "still running"), so it never sees a service
// status: each response is first turned into a PollDecision, and core-lro gets a synthetic response
// whose provisioningState is one it knows ("InProgress", "Succeeded" or "Failed").
//
// core-lro's pollUntilDone polls once before its first wait. Right after a creation that answer can
// only repeat the creation's, so the first poll within one interval of the creation reuses the
// creation's answer instead of sending a request: waiting T seconds then costs ceil(T/interval) + 1
// requests, the creation included.
import type { AbortSignalLike } from "@azure/abort-controller";
import type { OperationResponse, OperationState, PollerLike, RunningOperation } from "@azure/core-lro";
import { createHttpPoller } from "@azure/core-lro";
import { logger } from "../pipeline/logger.js";
import type { PollDecision } from "./pollerState.js";
import { nextPollDelay } from "./pollerState.js";
import type { PollerResumeState } from "./pollerResumeState.js";
import { resourcePath, serializePollerState, toCoreLroRestoreString } from "./pollerResumeState.js";
import { DelegatingPoller, withLinkedSignal } from "./delegatingPoller.js";

/** A resource read from the service, with the headers that matter for polling. */
export interface FetchedResource<TResource> {
  resource: TResource;
  /** The Retry-After header of the response, if any. */
  retryAfter?: string;
}

/** State of a resource poller: core-lro's state plus the latest resource seen. */
export interface ResourcePollerState<TResource, TResult> extends OperationState<TResult> {
  latestResponse?: TResource;
}

/** Settings of createResourcePoller. */
export interface ResourcePollerSettings<TResource, TResult> {
  /** The resource watched; serialized for resume. */
  target: PollerResumeState;
  /** Creates the resource; absent when resuming. */
  create?: (abortSignal: AbortSignalLike | undefined) => Promise<FetchedResource<TResource>>;
  /** Reads the resource's current state. */
  fetch: (abortSignal: AbortSignalLike | undefined) => Promise<FetchedResource<TResource>>;
  /** What a resource state means for the poller (one exhaustive function per resource kind). */
  decide: (resource: TResource) => PollDecision<TResult>;
  /** Milliseconds between status requests. */
  intervalInMs: number;
  /** Whether Retry-After headers on status responses replace the interval (capped). */
  honourRetryAfter: boolean;
  /** Reaches every request of the poller and stops polling; never stops the resource. */
  abortSignal?: AbortSignalLike;
}

interface FlatResponse<TResource, TResult> {
  resource: TResource;
  decision: PollDecision<TResult>;
}

const provisioningStates = { inProgress: "InProgress", succeeded: "Succeeded", failed: "Failed" } as const;

/** Creates a core-lro poller over a session or conversion. */
export function createResourcePoller<TResource, TResult>(
  settings: ResourcePollerSettings<TResource, TResult>,
): PollerLike<ResourcePollerState<TResource, TResult>, TResult> {
  const { target, create, fetch, decide, intervalInMs, honourRetryAfter, abortSignal } = settings;
  const path = resourcePath(target);
  const label = `${target.kind} ${JSON.stringify(target.resourceId)}`;
  // The wait core-lro uses between status requests, as far as Retry-After has changed it.
  let delayInMs = intervalInMs;

  const toOperationResponse = (
    fetched: FetchedResource<TResource>,
    useRetryAfter: boolean,
  ): OperationResponse<FlatResponse<TResource, TResult>> => {
    const decision = decide(fetched.resource);
    const headers: Record<string, string> = {};
    if (useRetryAfter && decision.kind === "inProgress") {
      const next = nextPollDelay(fetched.retryAfter, Date.now(), intervalInMs, delayInMs);
      delayInMs = next.delayInMs;
      if (next.retryAfterInSeconds !== undefined) {
        headers["retry-after"] = String(next.retryAfterInSeconds);
      }
    }
    const body: Record<string, unknown> = { provisioningState: provisioningStates[decision.kind] };
    if (decision.kind === "failed") {
      body["error"] = { code: errorCode(decision.error), message: decision.error.message };
    }
    logger.verbose(`Polled ${label}: ${decision.kind}.`);
    return {
      flatResponse: { resource: fetched.resource, decision },
      rawResponse: { statusCode: 200, request: { method: "PUT", url: path }, headers, body },
    };
  };

  const withSignal = <T>(inner: AbortSignalLike | undefined, run: (signal: AbortSignalLike) => Promise<T>) =>
    withLinkedSignal(inner, abortSignal, run);
  // The creation's answer while it is still fresh enough to stand in for the first poll.
  let creationAnswer:
    | { response: OperationResponse<FlatResponse<TResource, TResult>>; atMs: number }
    | undefined;

  const lro: RunningOperation<FlatResponse<TResource, TResult>> = {
    async sendInitialRequest() {
      if (create === undefined) {
        throw new Error(`Internal error: the ${label} poller was resumed but asked to create the resource.`);
      }
      const created = await withSignal(undefined, (signal) => create(signal));
      const response = toOperationResponse(created, false);
      // A resource that is already failed rejects right away with the service's error.
      if (response.flatResponse.decision.kind === "failed") {
        throw response.flatResponse.decision.error;
      }
      if (response.flatResponse.decision.kind === "inProgress") {
        creationAnswer = { response, atMs: Date.now() };
      }
      return response;
    },
    async sendPollRequest(_path, options) {
      const fresh = creationAnswer;
      creationAnswer = undefined;
      if (fresh !== undefined && Date.now() - fresh.atMs < intervalInMs) {
        logger.verbose(`Polled ${label}: inProgress (the creation's answer, still fresh).`);
        return fresh.response;
      }
      const fetched = await withSignal(options?.abortSignal, (signal) => fetch(signal));
      return toOperationResponse(fetched, honourRetryAfter);
    },
  };

  const poller = createHttpPoller<TResult, ResourcePollerState<TResource, TResult>>(lro, {
    intervalInMs,
    ...(create === undefined ? { restoreFrom: toCoreLroRestoreString(target) } : {}),
    processResult: async (flat) => {
      const { decision } = flat as FlatResponse<TResource, TResult>;
      if (decision.kind !== "succeeded") {
        throw new Error(`Internal error: the ${label} poller produced a result without success.`);
      }
      return decision.result;
    },
    updateState: (state, response) => {
      const flat = response.flatResponse as FlatResponse<TResource, TResult>;
      state.latestResponse = flat.resource;
      if (flat.decision.kind === "failed") {
        // Replace core-lro's generic message with the service's error (or ours for Stopped/Expired/...).
        state.error = flat.decision.error;
      }
    },
  });

  // A failed creation surfaces through pollUntilDone/serialize/submitted; this only keeps Node from
  // reporting it as unhandled when the caller has not awaited the poller yet.
  poller.submitted().catch(() => undefined);

  return new DelegatingPoller(poller, () => serializePollerState(target), abortSignal);
}

function errorCode(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error.name;
}
