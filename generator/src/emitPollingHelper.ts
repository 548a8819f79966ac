// pollingHelper.ts: `getLongRunningPoller(client, initialResponse, options)` for x-ms-long-running-operation
// operations, on @azure/core-lro 3 (createHttpPoller), returning the poller shape of @autorest/typescript's
// rest-level clients (SimplePollerLike). The final-state-via of each operation is the default of
// `resourceLocationConfig`, found by matching the initial request against the operations' paths.
import type { OperationModel } from "./clientModel";
import { pathPattern } from "./pathPattern";
import { typeImport } from "./typeImport";

function overload(operation: OperationModel): string {
  const lro = operation.lro;
  if (lro === undefined) {
    return "";
  }
  const unexpected = operation.responses.filter((response) => !response.expected).map((r) => r.typeName);
  const final = [lro.logicalResponse.typeName, ...unexpected].join(" | ");
  const initial = operation.responses.map((response) => response.typeName).join(" | ");
  return (
    `export async function getLongRunningPoller<TResult extends ${final}>(\n` +
    `client: Client, initialResponse: ${initial}, options?: CreateHttpPollerOptions<TResult, OperationState<TResult>>,\n` +
    `): Promise<SimplePollerLike<OperationState<TResult>, TResult>>;\n`
  );
}

export function emitPollingHelper(operations: readonly OperationModel[]): string | undefined {
  const lros = operations.filter((operation) => operation.lro !== undefined);
  if (lros.length === 0) {
    return undefined;
  }
  const finalStates = lros
    .filter((operation) => operation.lro?.finalStateVia !== undefined)
    .map(
      (operation) =>
        `{ method: ${JSON.stringify(operation.method.toUpperCase())}, path: /${pathPattern(operation.path)}/, ` +
        `finalStateVia: ${JSON.stringify(operation.lro?.finalStateVia)} },\n`,
    )
    .join("");
  const responseTypes = lros.flatMap((operation) => [
    ...operation.responses.map((response) => response.typeName),
    ...(operation.lro === undefined ? [] : [operation.lro.logicalResponse.typeName]),
  ]);
  return [
    'import type { Client, HttpResponse, PathUncheckedResponse } from "@azure-rest/core-client";\n',
    'import type { AbortSignalLike } from "@azure/abort-controller";\n',
    "import type {\n  CancelOnProgress,\n  CreateHttpPollerOptions,\n  OperationResponse,\n  OperationState,\n",
    '  ResourceLocationConfig,\n  RunningOperation,\n} from "@azure/core-lro";\n',
    'import { createHttpPoller } from "@azure/core-lro";\n',
    typeImport(responseTypes, "./responses"),
    "\n",
    pollerInterface,
    "\n/** The spec's x-ms-long-running-operation-options final-state-via, by method and path. */\n",
    `const finalStateVia: { method: string; path: RegExp; finalStateVia: ResourceLocationConfig }[] = [\n${finalStates}];\n\n`,
    "/**\n * Builds a poller for a long-running operation from its initial response.\n",
    " * @param client - The client that sent the initial request; it sends the polling requests.\n",
    " * @param initialResponse - The response of the initial request.\n",
    " * @param options - Polling interval, `restoreFrom` (a `serialize()`d poller), `resourceLocationConfig`.\n",
    " */\n",
    lros.map(overload).join(""),
    implementation,
  ].join("");
}

const pollerInterface = `/** A poller of a long-running operation. */
export interface SimplePollerLike<TState extends OperationState<TResult>, TResult> {
  /** Whether the operation reached a terminal state. */
  isDone(): boolean;
  /** @deprecated Whether stopPolling() was called. */
  isStopped(): boolean;
  /** The state of the operation, updated by every poll. */
  getOperationState(): TState;
  /** The final response once the operation is done (undefined before). */
  getResult(): TResult | undefined;
  /** Sends one polling request. */
  poll(options?: { abortSignal?: AbortSignalLike }): Promise<TState>;
  /** Polls until the operation reaches a terminal state; resolves with the final response. */
  pollUntilDone(pollOptions?: { abortSignal?: AbortSignalLike }): Promise<TResult>;
  /** Calls \`callback\` after each poll; returns a function that stops the calls. */
  onProgress(callback: (state: TState) => void): CancelOnProgress;
  /** The poller's state as text, for \`restoreFrom\`. */
  serialize(): Promise<string>;
  /** Resolves once the poller holds the operation's initial state. */
  submitted(): Promise<void>;
  /** @deprecated Use serialize(). */
  toString(): string;
  /** @deprecated Aborts the polling in progress; no further request is sent. */
  stopPolling(): void;
}
`;

const implementation = `export async function getLongRunningPoller<TResult extends HttpResponse>(
  client: Client,
  initialResponse: TResult,
  options?: CreateHttpPollerOptions<TResult, OperationState<TResult>>,
): Promise<SimplePollerLike<OperationState<TResult>, TResult>>;
export async function getLongRunningPoller<TResult extends HttpResponse>(
  client: Client,
  initialResponse: TResult,
  options: CreateHttpPollerOptions<TResult, OperationState<TResult>> = {},
): Promise<SimplePollerLike<OperationState<TResult>, TResult>> {
  const stopController = new AbortController();
  const operation: RunningOperation<TResult> = {
    // The initial request was sent by the caller: its response is the operation's first state.
    sendInitialRequest: async () => toLroResponse(initialResponse, isTerminalAnswer(initialResponse)),
    sendPollRequest: async (path, pollOptions) => {
      const linked = linkSignals(stopController.signal, pollOptions?.abortSignal);
      let response: PathUncheckedResponse;
      try {
        response = await client.pathUnchecked(path).get({ abortSignal: linked.signal });
      } finally {
        linked.dispose();
      }
      // isUnexpected recognizes the final response of the operation by its original URL.
      response.headers["x-ms-original-url"] = initialResponse.request.url;
      return toLroResponse(response as TResult);
    },
  };
  const resourceLocationConfig =
    options.resourceLocationConfig ?? finalStateOf(initialResponse.request.method, initialResponse.request.url);
  const httpPoller = createHttpPoller<TResult, OperationState<TResult>>(operation, {
    ...options,
    ...(resourceLocationConfig === undefined ? {} : { resourceLocationConfig }),
    resolveOnUnsuccessful: options.resolveOnUnsuccessful ?? true,
  });
  await httpPoller.submitted();
  const state = (): OperationState<TResult> => {
    const current = httpPoller.operationState;
    if (current === undefined) {
      throw new Error("The poller has no operation state: await submitted() first");
    }
    return current;
  };
  return {
    isDone: () => httpPoller.isDone,
    isStopped: () => stopController.signal.aborted,
    getOperationState: state,
    getResult: () => httpPoller.result,
    poll: (pollOptions) => httpPoller.poll(pollOptions),
    pollUntilDone: (pollOptions) => httpPoller.pollUntilDone(pollOptions),
    onProgress: (callback) => httpPoller.onProgress(callback),
    serialize: () => httpPoller.serialize(),
    submitted: () => httpPoller.submitted(),
    toString: () => JSON.stringify({ state: httpPoller.operationState }),
    stopPolling: () => stopController.abort(),
  };
}

function finalStateOf(method: string, url: string): ResourceLocationConfig | undefined {
  const pathname = new URL(url).pathname;
  return finalStateVia.find((entry) => entry.method === method && entry.path.test(pathname))?.finalStateVia;
}

/** One signal that aborts when either input does; dispose() detaches it from the caller's signal. */
function linkSignals(
  stop: AbortSignalLike,
  caller: AbortSignalLike | undefined,
): { signal: AbortSignalLike; dispose: () => void } {
  if (caller === undefined) {
    return { signal: stop, dispose: () => undefined };
  }
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (stop.aborted || caller.aborted) {
    controller.abort();
  }
  stop.addEventListener("abort", abort);
  caller.addEventListener("abort", abort);
  return {
    signal: controller.signal,
    dispose: () => {
      stop.removeEventListener("abort", abort);
      caller.removeEventListener("abort", abort);
    },
  };
}

const pollingHeaders = ["operation-location", "azure-asyncoperation", "location"];

/**
 * A 200 or 201 whose body gives a terminal provisioning state completes the operation: polling
 * headers that come with it are ignored (the resource is there, as PATCH 200 answers say).
 */
function isTerminalAnswer(response: HttpResponse): boolean {
  if (response.status !== "200" && response.status !== "201") {
    return false;
  }
  const body = response.body as { provisioningState?: unknown; properties?: { provisioningState?: unknown } } | undefined;
  const state = body?.properties?.provisioningState ?? body?.provisioningState;
  return typeof state === "string" && /^(succeeded|failed|canceled|cancelled)$/i.test(state);
}

/** The status of an operation body, when it is not text (an error number), says nothing: drop it. */
function statusFreeBody(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return body;
  }
  const status: unknown = (body as Record<string, unknown>)["status"];
  return status === undefined || typeof status === "string"
    ? body
    : Object.fromEntries(Object.entries(body).filter(([key]) => key !== "status"));
}

/** The response in the shape core-lro reads (a numeric status code), optionally without polling headers. */
function toLroResponse<TResult extends HttpResponse>(
  response: TResult,
  withoutPollingHeaders = false,
): OperationResponse<TResult> {
  const statusCode = Number.parseInt(response.status, 10);
  if (Number.isNaN(statusCode)) {
    throw new TypeError(\`Status code of the response is not a number. Value: \${response.status}\`);
  }
  const headers = Object.fromEntries(
    Object.entries(response.headers).filter(
      ([name]) => !withoutPollingHeaders || !pollingHeaders.includes(name.toLowerCase()),
    ),
  );
  return {
    flatResponse: response,
    rawResponse: { ...response, headers, statusCode, body: statusFreeBody(response.body) },
  };
}
`;
