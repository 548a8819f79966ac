// Caps the wait that a Retry-After header can impose on the pipeline's retries. The retry policy of
// @azure/core-rest-pipeline honours Retry-After (and retry-after-ms, x-ms-retry-after-ms) on 429 and
// 503 without a limit, so one bad header could stall a call for days. This policy sits inside the
// retry loop and lowers any such header above the ceiling to the ceiling before the retry policy
// reads it; the response the caller sees carries the capped value.
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { maxRetryAfterInMs } from "./pollerState";

/** The policy's name in the pipeline. */
export const retryAfterCeilingPolicyName = "remoteRenderingRetryAfterCeilingPolicy";

/** The wait in milliseconds a Retry-After value asks for (seconds or an HTTP date), if readable. */
function retryAfterInMs(value: string, nowInMs: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : date - nowInMs;
}

/** Creates the policy; add it after the "Retry" phase so that it runs inside the retry loop. */
export function retryAfterCeilingPolicy(ceilingInMs: number = maxRetryAfterInMs): PipelinePolicy {
  return {
    name: retryAfterCeilingPolicyName,
    async sendRequest(request, next) {
      const response = await next(request);
      const { headers } = response;
      const seconds = headers.get("retry-after");
      if (seconds !== undefined) {
        const waitInMs = retryAfterInMs(seconds, Date.now());
        if (waitInMs !== undefined && waitInMs > ceilingInMs) {
          headers.set("retry-after", String(Math.floor(ceilingInMs / 1000)));
        }
      }
      for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
        const value = headers.get(name);
        if (value !== undefined && Number(value) > ceilingInMs) headers.set(name, String(ceilingInMs));
      }
      return response;
    },
  };
}
