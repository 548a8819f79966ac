// RemoteRenderingClient: the public client of the Remote Rendering REST API. It validates input,
// authenticates through the Mixed Reality token service, converts between the service's JSON and the
// public types, and turns long-running operations into @azure/core-lro pollers.
import type { HttpResponse, RequestParameters } from "@azure-rest/core-client";
import { operationOptionsToRequestParameters } from "@azure-rest/core-client";
import type { AbortSignalLike } from "@azure/abort-controller";
import type { AccessToken, AzureKeyCredential, TokenCredential } from "@azure/core-auth";
import type { PagedAsyncIterableIterator } from "@azure/core-paging";
import type { AssetConversion, AssetConversionSettings, SucceededAssetConversion } from "./assetConversion";
import { toAssetConversion, toConversionRequestBody } from "./conversionWire";
import { createResourcePoller } from "./createResourcePoller";
import type { FetchedResource } from "./createResourcePoller";
import type {
  AssetConversionPollerLike,
  BeginConversionOptions,
  BeginSessionOptions,
  EndSessionOptions,
  GetConversionOptions,
  GetSessionOptions,
  ListConversionsOptions,
  ListSessionsOptions,
  RemoteRenderingClientOptions,
  RemoteRenderingOperationOptions,
  RenderingSessionPollerLike,
  ResumeBeginConversionOptions,
  ResumeBeginSessionOptions,
  UpdateSessionOptions,
} from "./options";
import { pagedListOf } from "./pagedList";
import type { PollerResumeState } from "./pollerResumeState";
import { parsePollerState } from "./pollerResumeState";
import {
  conversionIntervalInMs,
  decideConversionPoll,
  decideSessionPoll,
  defaultSessionIntervalInMs,
} from "./pollerState";
import type {
  ReadyRenderingSession,
  RenderingSession,
  RenderingSessionSettings,
  UpdateSessionSettings,
} from "./renderingSession";
import { createServiceRestError } from "./serviceRestError";
import { toRenderingSession } from "./sessionFromWire";
import type { ArrRestClient } from "./serviceConnection";
import { connectToService } from "./serviceConnection";
import {
  validateIntervalInMs,
  validateMaxLeaseTime,
  validateResourceId,
  validateSessionSize,
} from "./validation";

type Resume = ResumeBeginSessionOptions | ResumeBeginConversionOptions;

function isResumeOptions(value: unknown): value is Resume {
  return typeof value === "object" && value !== null && "resumeFrom" in value;
}

function requestParameters(
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

/** The client of the Azure Remote Rendering REST API (sessions and asset conversions). */
export class RemoteRenderingClient {
  /** The endpoint requests go to, without a trailing slash. */
  readonly endpoint: string;
  /** The Remote Rendering account id. */
  readonly accountId: string;
  private readonly client: ArrRestClient;
  private readonly endpointUrl: URL;

  /**
   * Authenticates with an account key (AzureKeyCredential) or Entra ID (TokenCredential), exchanged
   * for Mixed Reality tokens at `https://sts.{accountDomain}` (or `options.authenticationEndpointUrl`).
   *
   * @param endpoint - the service endpoint, see remoteRenderingEndpoint(region).
   * @param accountId - the account id (a UUID).
   * @param accountDomain - the account domain, such as "eastus.mixedreality.azure.com" (not a bare region).
   */
  constructor(
    endpoint: string,
    accountId: string,
    accountDomain: string,
    credential: AzureKeyCredential | TokenCredential,
    options?: RemoteRenderingClientOptions,
  );
  /** Authenticates with a ready Mixed Reality access token (it is not refreshed). */
  constructor(
    endpoint: string,
    accountId: string,
    accessToken: AccessToken,
    options?: RemoteRenderingClientOptions,
  );
  constructor(
    endpoint: string,
    accountId: string,
    accountDomainOrToken: string | AccessToken,
    credentialOrOptions?: AzureKeyCredential | TokenCredential | RemoteRenderingClientOptions,
    maybeOptions?: RemoteRenderingClientOptions,
  ) {
    const connection = connectToService({
      endpoint,
      accountId,
      accountDomainOrToken,
      credentialOrOptions,
      maybeOptions,
    });
    this.client = connection.client;
    this.endpointUrl = connection.endpointUrl;
    this.endpoint = connection.endpoint;
    this.accountId = connection.accountId;
  }

  /**
   * Creates a rendering session and returns a poller that completes with the session once it is
   * Ready. Bad input throws at once (TypeError or RangeError) and nothing is sent.
   */
  beginSession(
    sessionId: string,
    settings: RenderingSessionSettings,
    options?: BeginSessionOptions,
  ): RenderingSessionPollerLike;
  /** Resumes polling a session from `serialize()` of an earlier poller, without creating it again. */
  beginSession(options: ResumeBeginSessionOptions): RenderingSessionPollerLike;
  beginSession(
    sessionIdOrResume: string | ResumeBeginSessionOptions,
    settings?: RenderingSessionSettings,
    options?: BeginSessionOptions,
  ): RenderingSessionPollerLike {
    let target: PollerResumeState;
    let pollOptions: BeginSessionOptions;
    let create:
      | ((signal: AbortSignalLike | undefined) => Promise<FetchedResource<RenderingSession>>)
      | undefined;
    if (isResumeOptions(sessionIdOrResume)) {
      pollOptions = sessionIdOrResume;
      target = this.resumeTarget("session", sessionIdOrResume.resumeFrom);
    } else {
      const sessionId = validateResourceId("sessionId", sessionIdOrResume);
      if (typeof settings !== "object" || settings === null) {
        throw new TypeError("settings must be an object { maxLeaseTimeInMinutes, size }.");
      }
      const body = {
        maxLeaseTimeMinutes: validateMaxLeaseTime(
          "settings.maxLeaseTimeInMinutes",
          settings.maxLeaseTimeInMinutes,
        ),
        size: validateSessionSize("settings.size", settings.size),
      };
      pollOptions = options ?? {};
      if (isResumeOptions(pollOptions)) {
        throw new TypeError("To resume, call beginSession({ resumeFrom }) with the options only.");
      }
      target = { kind: "session", accountId: this.accountId, resourceId: sessionId, size: body.size };
      create = async (signal) => {
        const response = await this.client
          .path("/accounts/{account_id}/sessions/{session_id}", this.accountId, sessionId)
          .put({ ...requestParameters(pollOptions, signal), body });
        expectStatus(response, ["200", "201"], `Create session ${JSON.stringify(sessionId)}`);
        return { resource: toRenderingSession(response.body, response.headers["ms-cv"]) };
      };
    }
    const intervalInMs =
      pollOptions.intervalInMs === undefined
        ? defaultSessionIntervalInMs(target.size)
        : validateIntervalInMs("options.intervalInMs", pollOptions.intervalInMs);
    const sessionId = target.resourceId;
    return createResourcePoller<RenderingSession, ReadyRenderingSession>({
      target,
      ...(create !== undefined ? { create } : {}),
      fetch: async (signal) => ({
        resource: await this.fetchSession(sessionId, requestParameters(pollOptions, signal)),
      }),
      decide: decideSessionPoll,
      intervalInMs,
      honourRetryAfter: false,
      ...(pollOptions.abortSignal !== undefined ? { abortSignal: pollOptions.abortSignal } : {}),
    });
  }

  /** Reads a session. */
  async getSession(sessionId: string, options?: GetSessionOptions): Promise<RenderingSession> {
    const id = validateResourceId("sessionId", sessionId);
    return this.fetchSession(id, requestParameters(options, options?.abortSignal));
  }

  /** Changes the lease of a session; returns the session as updated. */
  async updateSession(
    sessionId: string,
    settings: UpdateSessionSettings,
    options?: UpdateSessionOptions,
  ): Promise<RenderingSession> {
    const id = validateResourceId("sessionId", sessionId);
    if (typeof settings !== "object" || settings === null) {
      throw new TypeError("settings must be an object { maxLeaseTimeInMinutes }.");
    }
    const body = {
      maxLeaseTimeMinutes: validateMaxLeaseTime(
        "settings.maxLeaseTimeInMinutes",
        settings.maxLeaseTimeInMinutes,
      ),
    };
    const response = await this.client
      .path("/accounts/{account_id}/sessions/{session_id}", this.accountId, id)
      .patch({ ...requestParameters(options, options?.abortSignal), body });
    expectStatus(response, ["200"], `Update session ${JSON.stringify(id)}`);
    return toRenderingSession(response.body, response.headers["ms-cv"]);
  }

  /** Stops a session; its server is released and billing ends. */
  async endSession(sessionId: string, options?: EndSessionOptions): Promise<void> {
    const id = validateResourceId("sessionId", sessionId);
    const response = await this.client
      .path("/accounts/{account_id}/sessions/{session_id}/:stop", this.accountId, id)
      .post(requestParameters(options, options?.abortSignal));
    expectStatus(response, ["200", "202", "204"], `End session ${JSON.stringify(id)}`);
  }

  /** Lists the sessions of the account that are not stopped; iterate it, or use byPage(). */
  listSessions(options?: ListSessionsOptions): PagedAsyncIterableIterator<RenderingSession> {
    return pagedListOf(this.client, this.endpointUrl, {
      path: `/accounts/${this.accountId}/sessions`,
      parameters: requestParameters(options, options?.abortSignal),
      itemsField: "sessions",
      toItem: toRenderingSession,
      operation: "List sessions",
    });
  }

  /**
   * Starts an asset conversion and returns a poller that completes with the conversion once it
   * Succeeded. Bad input throws at once (TypeError or RangeError) and nothing is sent.
   */
  beginConversion(
    conversionId: string,
    settings: AssetConversionSettings,
    options?: BeginConversionOptions,
  ): AssetConversionPollerLike;
  /** Resumes polling a conversion from `serialize()` of an earlier poller, without starting it again. */
  beginConversion(options: ResumeBeginConversionOptions): AssetConversionPollerLike;
  beginConversion(
    conversionIdOrResume: string | ResumeBeginConversionOptions,
    settings?: AssetConversionSettings,
    options?: BeginConversionOptions,
  ): AssetConversionPollerLike {
    let target: PollerResumeState;
    let pollOptions: BeginConversionOptions;
    let create:
      | ((signal: AbortSignalLike | undefined) => Promise<FetchedResource<AssetConversion>>)
      | undefined;
    if (isResumeOptions(conversionIdOrResume)) {
      pollOptions = conversionIdOrResume;
      target = this.resumeTarget("conversion", conversionIdOrResume.resumeFrom);
    } else {
      const conversionId = validateResourceId("conversionId", conversionIdOrResume);
      const body = toConversionRequestBody(settings as AssetConversionSettings);
      pollOptions = options ?? {};
      if (isResumeOptions(pollOptions)) {
        throw new TypeError("To resume, call beginConversion({ resumeFrom }) with the options only.");
      }
      target = { kind: "conversion", accountId: this.accountId, resourceId: conversionId };
      create = async (signal) => {
        const response = await this.client
          .path("/accounts/{account_id}/conversions/{conversion_id}", this.accountId, conversionId)
          .put({ ...requestParameters(pollOptions, signal), body });
        expectStatus(response, ["200", "201"], `Create conversion ${JSON.stringify(conversionId)}`);
        return { resource: toAssetConversion(response.body, response.headers["ms-cv"]) };
      };
    }
    const intervalInMs =
      pollOptions.intervalInMs === undefined
        ? conversionIntervalInMs
        : validateIntervalInMs("options.intervalInMs", pollOptions.intervalInMs);
    const conversionId = target.resourceId;
    return createResourcePoller<AssetConversion, SucceededAssetConversion>({
      target,
      ...(create !== undefined ? { create } : {}),
      fetch: (signal) => this.fetchConversion(conversionId, requestParameters(pollOptions, signal)),
      decide: decideConversionPoll,
      intervalInMs,
      honourRetryAfter: true,
      ...(pollOptions.abortSignal !== undefined ? { abortSignal: pollOptions.abortSignal } : {}),
    });
  }

  /** Reads a conversion. */
  async getConversion(conversionId: string, options?: GetConversionOptions): Promise<AssetConversion> {
    const id = validateResourceId("conversionId", conversionId);
    const fetched = await this.fetchConversion(id, requestParameters(options, options?.abortSignal));
    return fetched.resource;
  }

  /** Lists the conversions of the account; iterate it, or use byPage(). */
  listConversions(options?: ListConversionsOptions): PagedAsyncIterableIterator<AssetConversion> {
    return pagedListOf(this.client, this.endpointUrl, {
      path: `/accounts/${this.accountId}/conversions`,
      parameters: requestParameters(options, options?.abortSignal),
      itemsField: "conversions",
      toItem: toAssetConversion,
      operation: "List conversions",
    });
  }

  private async fetchSession(id: string, parameters: RequestParameters): Promise<RenderingSession> {
    const response = await this.client
      .path("/accounts/{account_id}/sessions/{session_id}", this.accountId, id)
      .get(parameters);
    expectStatus(response, ["200"], `Get session ${JSON.stringify(id)}`);
    return toRenderingSession(response.body, response.headers["ms-cv"]);
  }

  private async fetchConversion(
    id: string,
    parameters: RequestParameters,
  ): Promise<FetchedResource<AssetConversion>> {
    const response = await this.client
      .path("/accounts/{account_id}/conversions/{conversion_id}", this.accountId, id)
      .get(parameters);
    expectStatus(response, ["200"], `Get conversion ${JSON.stringify(id)}`);
    // Header values are text on the wire, whatever type the spec gives them.
    const retryAfter: unknown = response.headers["retry-after"];
    return {
      resource: toAssetConversion(response.body, response.headers["ms-cv"]),
      ...(retryAfter !== undefined && retryAfter !== null ? { retryAfter: String(retryAfter) } : {}),
    };
  }

  private resumeTarget(kind: PollerResumeState["kind"], resumeFrom: unknown): PollerResumeState {
    const parsed = parsePollerState(resumeFrom, { kind, accountId: this.accountId });
    const resourceId = validateResourceId(`the ${kind} id in resumeFrom`, parsed.resourceId);
    return { ...parsed, resourceId };
  }
}
