// The HTTP side of RemoteRenderingClient: one method per REST operation, each sending the request
// through the generated client with the generated input model as its body, checking the status with
// the generated `isUnexpected` narrowing, and converting the generated output model into the public
// types. Arguments arrive already validated.
import type { HttpResponse, RequestParameters } from "@azure-rest/core-client";
import type { AbortSignalLike } from "@azure/abort-controller";
import type { PagedAsyncIterableIterator, PageSettings } from "@azure/core-paging";
import type {
  ConversionListOutput,
  CreateConversionSettings,
  CreateSessionSettings,
  SessionsListOutput,
  UpdateSessionSettings,
} from "../../generated/remoteRendering/index.js";
import { isUnexpected } from "../../generated/remoteRendering/index.js";
import type { AssetConversion } from "../models/assetConversion.js";
import { toAssetConversion } from "./conversionWire.js";
import type { FetchedResource } from "../lro/createResourcePoller.js";
import type { RemoteRenderingOperationOptions } from "../models/options.js";
import { createPagedList, readListPage } from "./pagedList.js";
import type { ContinuablePage } from "./pagedList.js";
import type { RenderingSession } from "../models/renderingSession.js";
import type { ArrRestClient } from "../pipeline/serviceConnection.js";
import { createServiceRestError, type RemoteRenderingRestError } from "../errors/serviceRestError.js";
import { toRenderingSession } from "./sessionFromWire.js";

/** The request options that become request parameters of the same name. */
const copiedRequestOptions = [
  "allowInsecureConnection",
  "timeout",
  "skipUrlEncoding",
  "onUploadProgress",
  "onDownloadProgress",
] as const satisfies ReadonlyArray<keyof RequestParameters>;

/**
 * Request parameters from operation options, with the abort signal given separately. This is the
 * mapping of `operationOptionsToRequestParameters` (@azure-rest/core-client) written out, minus the
 * options' own abortSignal and without fields that are undefined: that function spreads an object and
 * adds a field, which Node 20 runs on a slow path (about 5 µs, on every request).
 * test/customizations/wire/serviceRequests.spec.ts checks that both give the same parameters.
 */
export function requestParameters(
  options: RemoteRenderingOperationOptions | undefined,
  abortSignal?: AbortSignalLike,
): RequestParameters {
  const requestOptions: Record<string, unknown> = { ...options?.requestOptions };
  const parameters: Record<string, unknown> = { headers: { ...options?.requestOptions?.headers } };
  for (const name of copiedRequestOptions) {
    if (requestOptions[name] !== undefined) parameters[name] = requestOptions[name];
  }
  if (options?.onResponse !== undefined) parameters["onResponse"] = options.onResponse;
  if (options?.tracingOptions !== undefined) parameters["tracingOptions"] = options.tracingOptions;
  if (abortSignal !== undefined) parameters["abortSignal"] = abortSignal;
  return parameters as RequestParameters;
}

/**
 * Sends one page request of a listing with the parameters it is given: the client wraps each page in
 * a tracing span this way, and passes the span's context on in the parameters.
 */
export type PageRequest = <T>(send: (parameters: RequestParameters) => PromiseLike<T>) => Promise<T>;

/**
 * Statuses of StopSession that the spec does not list (it lists 204) but that mean the same: the
 * service answered 200 in older recordings, and 202 is how a stop that is still in progress answers.
 */
const toleratedStopStatuses: readonly string[] = ["200", "202"];

/** The REST operations of one account. */
export class ServiceRequests {
  /**
   * @param secrets - the texts an error must never show, read when the error is built: the access
   * tokens in use and the account key or credential token they came from.
   */
  constructor(
    private readonly client: ArrRestClient,
    private readonly endpointUrl: URL,
    private readonly accountId: string,
    private readonly secrets: () => readonly string[] = () => [],
  ) {}

  /** The RestError of an unexpected answer, with every secret redacted (a proxy may echo the token). */
  private failure(
    response: HttpResponse,
    operation: string,
    requestSecrets: readonly string[] = [],
  ): RemoteRenderingRestError {
    return createServiceRestError(response, { operation, secrets: [...this.secrets(), ...requestSecrets] });
  }

  private session(id: string) {
    return this.client.path("/accounts/{account_id}/sessions/{session_id}", this.accountId, id);
  }

  private conversion(id: string) {
    return this.client.path("/accounts/{account_id}/conversions/{conversion_id}", this.accountId, id);
  }

  async createSession(
    id: string,
    body: CreateSessionSettings,
    parameters: RequestParameters,
  ): Promise<FetchedResource<RenderingSession>> {
    const response = await this.session(id).put({ ...parameters, body });
    if (isUnexpected(response)) {
      throw this.failure(response, `Create session ${JSON.stringify(id)}`);
    }
    return { resource: toRenderingSession(response.body, response.headers["ms-cv"]) };
  }

  async getSession(id: string, parameters: RequestParameters): Promise<RenderingSession> {
    const response = await this.session(id).get(parameters);
    if (isUnexpected(response)) {
      throw this.failure(response, `Get session ${JSON.stringify(id)}`);
    }
    return toRenderingSession(response.body, response.headers["ms-cv"]);
  }

  async updateSession(
    id: string,
    body: UpdateSessionSettings,
    parameters: RequestParameters,
  ): Promise<RenderingSession> {
    const response = await this.session(id).patch({ ...parameters, body });
    if (isUnexpected(response)) {
      const error = this.failure(response, `Update session ${JSON.stringify(id)}`);
      if (response.status === "422") {
        const current = await this.leaseAlreadySet(id, body.maxLeaseTimeMinutes, parameters);
        if (current !== undefined) return current;
      }
      throw error;
    }
    return toRenderingSession(response.body, response.headers["ms-cv"]);
  }

  /**
   * Makes an update idempotent. The pipeline resends a PATCH whose answer was lost (5xx, 408, network
   * error); when the first attempt was applied, the resend asks for a lease that is no longer larger
   * than the current one and gets 422. So after a 422 the session is read: when it runs (Starting or
   * Ready) with exactly the lease asked for, the update has happened and that session is the answer.
   */
  private async leaseAlreadySet(
    id: string,
    maxLeaseTimeMinutes: number,
    parameters: RequestParameters,
  ): Promise<RenderingSession | undefined> {
    const current = await this.getSession(id, parameters).catch(() => undefined);
    const running = current?.status === "Starting" || current?.status === "Ready";
    return running && current.maxLeaseTimeInMinutes === maxLeaseTimeMinutes ? current : undefined;
  }

  async stopSession(id: string, parameters: RequestParameters): Promise<void> {
    const response = await this.client
      .path("/accounts/{account_id}/sessions/{session_id}/:stop", this.accountId, id)
      .post(parameters);
    if (isUnexpected(response) && !toleratedStopStatuses.includes(response.status)) {
      throw this.failure(response, `End session ${JSON.stringify(id)}`);
    }
  }

  listSessions(
    pageRequest: PageRequest,
  ): PagedAsyncIterableIterator<RenderingSession, ContinuablePage<RenderingSession>, PageSettings> {
    const list = this.client.path("/accounts/{account_id}/sessions", this.accountId);
    return createPagedList(this.endpointUrl, async (url) => {
      // A next link is a URL of the same operation, so its answer has the same generated type.
      const response = await pageRequest((parameters) =>
        url === undefined
          ? list.get(parameters)
          : (this.client.pathUnchecked(url).get(parameters) as ReturnType<typeof list.get>),
      );
      if (isUnexpected(response)) {
        throw this.failure(response, "List sessions");
      }
      const body: SessionsListOutput = response.body;
      return readListPage(body, "sessions", toRenderingSession, response.headers["ms-cv"]);
    });
  }

  async createConversion(
    id: string,
    body: CreateConversionSettings,
    parameters: RequestParameters,
  ): Promise<FetchedResource<AssetConversion>> {
    const response = await this.conversion(id).put({ ...parameters, body });
    if (isUnexpected(response)) {
      // A service may echo the request in its error: the access signatures sent go too.
      const { inputLocation, outputLocation } = body.settings;
      const signatures = [inputLocation.storageContainerReadListSas, outputLocation.storageContainerWriteSas];
      throw this.failure(
        response,
        `Create conversion ${JSON.stringify(id)}`,
        signatures.filter((sas): sas is string => sas !== undefined),
      );
    }
    return { resource: toAssetConversion(response.body, response.headers["ms-cv"]) };
  }

  async getConversion(id: string, parameters: RequestParameters): Promise<FetchedResource<AssetConversion>> {
    const response = await this.conversion(id).get(parameters);
    if (isUnexpected(response)) {
      throw this.failure(response, `Get conversion ${JSON.stringify(id)}`);
    }
    // Header values are text on the wire, whatever type the spec gives them.
    const retryAfter: unknown = response.headers["retry-after"];
    return {
      resource: toAssetConversion(response.body, response.headers["ms-cv"]),
      ...(retryAfter !== undefined && retryAfter !== null ? { retryAfter: String(retryAfter) } : {}),
    };
  }

  listConversions(
    pageRequest: PageRequest,
  ): PagedAsyncIterableIterator<AssetConversion, ContinuablePage<AssetConversion>, PageSettings> {
    const list = this.client.path("/accounts/{account_id}/conversions", this.accountId);
    return createPagedList(this.endpointUrl, async (url) => {
      const response = await pageRequest((parameters) =>
        url === undefined
          ? list.get(parameters)
          : (this.client.pathUnchecked(url).get(parameters) as ReturnType<typeof list.get>),
      );
      if (isUnexpected(response)) {
        throw this.failure(response, "List conversions");
      }
      const body: ConversionListOutput = response.body;
      return readListPage(body, "conversions", toAssetConversion, response.headers["ms-cv"]);
    });
  }
}
