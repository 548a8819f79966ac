// The HTTP side of RemoteRenderingClient: one method per REST operation, each sending the request
// through the generated client, checking the status, and converting the body to the public types.
// Arguments arrive already validated.
import type { HttpResponse, RequestParameters } from "@azure-rest/core-client";
import { operationOptionsToRequestParameters } from "@azure-rest/core-client";
import type { AbortSignalLike } from "@azure/abort-controller";
import type { PagedAsyncIterableIterator } from "@azure/core-paging";
import type { AssetConversion } from "../models/assetConversion";
import type { ConversionRequestBody } from "./conversionWire";
import { toAssetConversion } from "./conversionWire";
import type { FetchedResource } from "../lro/createResourcePoller";
import type { RemoteRenderingOperationOptions } from "../models/options";
import { pagedListOf } from "./pagedList";
import type { KnownRenderingSessionSize, RenderingSession } from "../models/renderingSession";
import type { ArrRestClient } from "../pipeline/serviceConnection";
import { createServiceRestError } from "../errors/serviceRestError";
import { toRenderingSession } from "./sessionFromWire";

/** Request parameters from operation options, with the abort signal given separately. */
export function requestParameters(
  options: RemoteRenderingOperationOptions | undefined,
  abortSignal?: AbortSignalLike,
): RequestParameters {
  const { abortSignal: _ignored, ...rest } = options ?? {};
  const parameters: RequestParameters = operationOptionsToRequestParameters(rest);
  if (abortSignal !== undefined) {
    parameters.abortSignal = abortSignal;
  }
  return parameters;
}

function expectStatus(response: HttpResponse, allowed: readonly string[], operation: string): void {
  if (!allowed.includes(response.status)) {
    throw createServiceRestError(response, { operation });
  }
}

const sessionPath = "/accounts/{account_id}/sessions/{session_id}";
const conversionPath = "/accounts/{account_id}/conversions/{conversion_id}";

/** The REST operations of one account. */
export class ServiceRequests {
  constructor(
    private readonly client: ArrRestClient,
    private readonly endpointUrl: URL,
    private readonly accountId: string,
  ) {}

  async createSession(
    id: string,
    body: { maxLeaseTimeMinutes: number; size: KnownRenderingSessionSize },
    parameters: RequestParameters,
  ): Promise<FetchedResource<RenderingSession>> {
    const response = await this.client.path(sessionPath, this.accountId, id).put({ ...parameters, body });
    expectStatus(response, ["200", "201"], `Create session ${JSON.stringify(id)}`);
    return { resource: toRenderingSession(response.body, response.headers["ms-cv"]) };
  }

  async getSession(id: string, parameters: RequestParameters): Promise<RenderingSession> {
    const response = await this.client.path(sessionPath, this.accountId, id).get(parameters);
    expectStatus(response, ["200"], `Get session ${JSON.stringify(id)}`);
    return toRenderingSession(response.body, response.headers["ms-cv"]);
  }

  async updateSession(
    id: string,
    body: { maxLeaseTimeMinutes: number },
    parameters: RequestParameters,
  ): Promise<RenderingSession> {
    const response = await this.client.path(sessionPath, this.accountId, id).patch({ ...parameters, body });
    expectStatus(response, ["200"], `Update session ${JSON.stringify(id)}`);
    return toRenderingSession(response.body, response.headers["ms-cv"]);
  }

  async stopSession(id: string, parameters: RequestParameters): Promise<void> {
    const response = await this.client
      .path("/accounts/{account_id}/sessions/{session_id}/:stop", this.accountId, id)
      .post(parameters);
    expectStatus(response, ["200", "202", "204"], `End session ${JSON.stringify(id)}`);
  }

  listSessions(parameters: RequestParameters): PagedAsyncIterableIterator<RenderingSession> {
    return pagedListOf(this.client, this.endpointUrl, {
      path: `/accounts/${this.accountId}/sessions`,
      parameters,
      itemsField: "sessions",
      toItem: toRenderingSession,
      operation: "List sessions",
    });
  }

  async createConversion(
    id: string,
    body: ConversionRequestBody,
    parameters: RequestParameters,
  ): Promise<FetchedResource<AssetConversion>> {
    const response = await this.client.path(conversionPath, this.accountId, id).put({ ...parameters, body });
    expectStatus(response, ["200", "201"], `Create conversion ${JSON.stringify(id)}`);
    return { resource: toAssetConversion(response.body, response.headers["ms-cv"]) };
  }

  async getConversion(id: string, parameters: RequestParameters): Promise<FetchedResource<AssetConversion>> {
    const response = await this.client.path(conversionPath, this.accountId, id).get(parameters);
    expectStatus(response, ["200"], `Get conversion ${JSON.stringify(id)}`);
    // Header values are text on the wire, whatever type the spec gives them.
    const retryAfter: unknown = response.headers["retry-after"];
    return {
      resource: toAssetConversion(response.body, response.headers["ms-cv"]),
      ...(retryAfter !== undefined && retryAfter !== null ? { retryAfter: String(retryAfter) } : {}),
    };
  }

  listConversions(parameters: RequestParameters): PagedAsyncIterableIterator<AssetConversion> {
    return pagedListOf(this.client, this.endpointUrl, {
      path: `/accounts/${this.accountId}/conversions`,
      parameters,
      itemsField: "conversions",
      toItem: toAssetConversion,
      operation: "List conversions",
    });
  }
}
