// Caps the wait that a Retry-After header can impose on the pipeline's retries. The retry policy of
// @azure/core-rest-pipeline honours retry-after-ms, x-ms-retry-after-ms and Retry-After (seconds or
// an HTTP date) on 429 and 503 without a limit, so one bad header could stall a call for days. This
// policy sits inside the retry loop and lowers any such header above the ceiling to the ceiling before
// the retry policy reads it; the response the caller sees carries the capped value.
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { maxRetryAfterInMs } from "../serviceLimits.js";

/** The policy's name in the pipeline. */
export const retryAfterCeilingPolicyName = "remoteRenderingRetryAfterCeilingPolicy";

/** The headers the retry policy reads, with the milliseconds one unit of each stands for. */
const retryAfterHeaders = [
  { name: "retry-after-ms", unitInMs: 1 },
  { name: "x-ms-retry-after-ms", unitInMs: 1 },
  { name: "retry-after", unitInMs: 1000 },
] as const;

/**
 * The wait a header value asks for, read as the retry policy reads it: Number() of the value, and for
 * Retry-After an HTTP date when it is not a number.
 */
function requestedWaitInMs(value: string, unitInMs: number, nowInMs: number): number {
  const amount = Number(value);
  if (!Number.isNaN(amount)) return amount * unitInMs;
  return unitInMs === 1000 ? Date.parse(value) - nowInMs : Number.NaN;
}

/** Creates the policy; add it after the "Retry" phase so that it runs inside the retry loop. */
export function retryAfterCeilingPolicy(ceilingInMs: number = maxRetryAfterInMs): PipelinePolicy {
  return {
    name: retryAfterCeilingPolicyName,
    async sendRequest(request, next) {
      const response = await next(request);
      for (const { name, unitInMs } of retryAfterHeaders) {
        const value = response.headers.get(name);
        if (value !== undefined && requestedWaitInMs(value, unitInMs, Date.now()) > ceilingInMs) {
          response.headers.set(name, String(Math.floor(ceilingInMs / unitInMs)));
        }
      }
      return response;
    },
  };
}
