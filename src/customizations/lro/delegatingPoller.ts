// The poller our begin* methods return: a PollerLike that delegates to the core-lro poller inside it
// and adds what core-lro does not know about: the poller-wide abort signal on every wait, and our own
// resume format in serialize(). Delegation keeps core-lro's object untouched (no method reassigned),
// so a core-lro update cannot silently bypass these additions.
import type { AbortSignalLike } from "@azure/abort-controller";
import type { CancelOnProgress, OperationState, PollerLike } from "@azure/core-lro";
import { linkAbortSignals } from "../pipeline/abortSignals.js";

/** Runs `run` with a signal that aborts when either `inner` or `outer` aborts. */
export async function withLinkedSignal<T>(
  inner: AbortSignalLike | undefined,
  outer: AbortSignalLike | undefined,
  run: (signal: AbortSignalLike) => Promise<T>,
): Promise<T> {
  const linked = linkAbortSignals([inner, outer]);
  try {
    return await run(linked.signal);
  } finally {
    linked.dispose();
  }
}

/** A PollerLike over a core-lro poller, with a poller-wide abort signal and our serialize(). */
export class DelegatingPoller<TState extends OperationState<TResult>, TResult>
  implements PollerLike<TState, TResult>
{
  readonly [Symbol.toStringTag] = "Poller";

  constructor(
    private readonly inner: PollerLike<TState, TResult>,
    private readonly serializeState: () => string,
    private readonly abortSignal: AbortSignalLike | undefined,
  ) {}

  get isDone(): boolean {
    return this.inner.isDone;
  }

  get operationState(): TState | undefined {
    return this.inner.operationState;
  }

  get result(): TResult | undefined {
    return this.inner.result;
  }

  poll(options?: { abortSignal?: AbortSignalLike }): Promise<TState> {
    return withLinkedSignal(options?.abortSignal, this.abortSignal, (abortSignal) =>
      this.inner.poll({ abortSignal }),
    );
  }

  pollUntilDone(options?: { abortSignal?: AbortSignalLike }): Promise<TResult> {
    return withLinkedSignal(options?.abortSignal, this.abortSignal, (abortSignal) =>
      this.inner.pollUntilDone({ abortSignal }),
    );
  }

  onProgress(callback: (state: TState) => void): CancelOnProgress {
    return this.inner.onProgress(callback);
  }

  submitted(): Promise<void> {
    return this.inner.submitted();
  }

  /** Our resume format (see pollerResumeState.ts), once the resource has been created. */
  async serialize(): Promise<string> {
    await this.inner.submitted();
    return this.serializeState();
  }

  then<TResult1 = TResult, TResult2 = never>(
    onfulfilled?: ((value: TResult) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.pollUntilDone().then(onfulfilled, onrejected);
  }

  catch<TResult2 = never>(
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult | TResult2> {
    return this.pollUntilDone().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TResult> {
    return this.pollUntilDone().finally(onfinally);
  }
}
