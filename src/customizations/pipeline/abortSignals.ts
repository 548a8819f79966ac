// Helpers for AbortSignalLike values: combining several signals and waiting on a shared promise
// without letting one caller's abort cancel the work other callers share.
import { AbortError } from "@azure/abort-controller";
import type { AbortSignalLike } from "@azure/abort-controller";

/** A signal that aborts when any source aborts, and a dispose() that detaches it from the sources. */
export interface LinkedAbortSignal {
  signal: AbortSignal;
  dispose(): void;
}

/** Links several optional signals into one. Call dispose() when done so no listener stays attached. */
export function linkAbortSignals(sources: ReadonlyArray<AbortSignalLike | undefined>): LinkedAbortSignal {
  const controller = new AbortController();
  const detachers: Array<() => void> = [];
  const abort = (): void => controller.abort();
  for (const source of sources) {
    if (source === undefined) {
      continue;
    }
    if (source.aborted) {
      controller.abort();
      break;
    }
    source.addEventListener("abort", abort);
    detachers.push(() => source.removeEventListener("abort", abort));
  }
  return {
    signal: controller.signal,
    dispose: () => detachers.splice(0).forEach((detach) => detach()),
  };
}

/**
 * Waits for a promise, but rejects with an AbortError as soon as the signal aborts. The promise
 * itself keeps running (it may be shared with other callers).
 */
export function raceWithAbort<T>(promise: Promise<T>, signal: AbortSignalLike | undefined): Promise<T> {
  if (signal === undefined) {
    return promise;
  }
  if (signal.aborted) {
    return Promise.reject(new AbortError("The operation was aborted."));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortError("The operation was aborted."));
    signal.addEventListener("abort", onAbort);
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
