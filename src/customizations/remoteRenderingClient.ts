// RemoteRenderingClient: the public client of the Remote Rendering REST API. It validates input
// before any request, authenticates through the Mixed Reality token service (serviceConnection),
// sends the REST operations (serviceRequests), and waits for long-running operations with pollers
// built on @azure/core-lro (beginPollers).
import type { AccessToken, AzureKeyCredential, TokenCredential } from "@azure/core-auth";
import type { PagedAsyncIterableIterator } from "@azure/core-paging";
import type { AssetConversion, AssetConversionSettings } from "./models/assetConversion.js";
import { beginResourcePoller, conversionRecipe, sessionRecipe } from "./lro/beginPollers.js";
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
  RenderingSessionPollerLike,
  ResumeBeginConversionOptions,
  ResumeBeginSessionOptions,
  UpdateSessionOptions,
} from "./models/options.js";
import type {
  RenderingSession,
  RenderingSessionSettings,
  UpdateSessionSettings,
} from "./models/renderingSession.js";
import { keepSessionAlive } from "./helpers/keepSessionAlive.js";
import type { KeepSessionAliveOptions, SessionKeepAlive } from "./helpers/keepSessionAlive.js";
import { openRenderingSession } from "./helpers/openRenderingSession.js";
import type { OpenRenderingSessionOptions, RenderingSessionScope } from "./helpers/openRenderingSession.js";
import { connectToService } from "./pipeline/serviceConnection.js";
import { ServiceRequests, requestParameters } from "./wire/serviceRequests.js";
import { validateMaxLeaseTime, validateResourceId } from "./validation.js";
import { validateOperationOptions } from "./validateOperationOptions.js";
import type { RequestParameters } from "@azure-rest/core-client";

/** Checks an operation's options bag before any request and turns it into request parameters. */
function parametersOf(typeName: string, options: unknown): RequestParameters {
  const checked = validateOperationOptions("options", options, { typeName });
  return requestParameters(checked, checked.abortSignal);
}

function requireObject(name: string, value: unknown, form: string): void {
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${name} must be an object ${form}.`);
  }
}

/** The client of the Azure Remote Rendering REST API (sessions and asset conversions). */
export class RemoteRenderingClient {
  /** The endpoint requests go to, without a trailing slash. */
  readonly endpoint: string;
  /** The Remote Rendering account id. */
  readonly accountId: string;
  private readonly requests: ServiceRequests;

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
    this.endpoint = connection.endpoint;
    this.accountId = connection.accountId;
    this.requests = new ServiceRequests(
      connection.client,
      connection.endpointUrl,
      connection.accountId,
      connection.secrets,
    );
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
    options: BeginSessionOptions = {},
  ): RenderingSessionPollerLike {
    return beginResourcePoller(
      sessionRecipe,
      this.requests,
      this.accountId,
      sessionIdOrResume,
      settings,
      options,
    );
  }

  /** Reads a session. */
  async getSession(sessionId: string, options?: GetSessionOptions): Promise<RenderingSession> {
    const id = validateResourceId("sessionId", sessionId);
    return this.requests.getSession(id, parametersOf("GetSessionOptions", options));
  }

  /**
   * Changes the lease of a session; returns the session as updated. Safe to retry: when the service
   * answers 422 because an earlier attempt (whose answer was lost) already set this lease, the
   * session is read and returned.
   */
  async updateSession(
    sessionId: string,
    settings: UpdateSessionSettings,
    options?: UpdateSessionOptions,
  ): Promise<RenderingSession> {
    const id = validateResourceId("sessionId", sessionId);
    requireObject("settings", settings, "{ maxLeaseTimeInMinutes }");
    const maxLeaseTimeMinutes = validateMaxLeaseTime(
      "settings.maxLeaseTimeInMinutes",
      settings.maxLeaseTimeInMinutes,
    );
    return this.requests.updateSession(
      id,
      { maxLeaseTimeMinutes },
      parametersOf("UpdateSessionOptions", options),
    );
  }

  /** Stops a session; its server is released and billing ends. */
  async endSession(sessionId: string, options?: EndSessionOptions): Promise<void> {
    const id = validateResourceId("sessionId", sessionId);
    await this.requests.stopSession(id, parametersOf("EndSessionOptions", options));
  }

  /** Lists the sessions of the account that are not stopped; iterate it, or use byPage(). */
  listSessions(options?: ListSessionsOptions): PagedAsyncIterableIterator<RenderingSession> {
    return this.requests.listSessions(parametersOf("ListSessionsOptions", options));
  }

  /**
   * Renews the lease of a session until `stop()` (or disposal with `await using`); see
   * {@link keepSessionAlive}. The session keeps running afterwards unless `endSessionOnStop` is set.
   */
  keepSessionAlive(sessionId: string, options?: KeepSessionAliveOptions): SessionKeepAlive {
    return keepSessionAlive(this, sessionId, options);
  }

  /**
   * Starts a session, waits until it is Ready, and returns a scope that ends it when disposed:
   * `await using scope = await client.openSession(id, settings)`; see {@link openRenderingSession}.
   */
  openSession(
    sessionId: string,
    settings: RenderingSessionSettings,
    options?: OpenRenderingSessionOptions,
  ): Promise<RenderingSessionScope> {
    return openRenderingSession(this, sessionId, settings, options);
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
    options: BeginConversionOptions = {},
  ): AssetConversionPollerLike {
    return beginResourcePoller(
      conversionRecipe,
      this.requests,
      this.accountId,
      conversionIdOrResume,
      settings,
      options,
    );
  }

  /** Reads a conversion. */
  async getConversion(conversionId: string, options?: GetConversionOptions): Promise<AssetConversion> {
    const id = validateResourceId("conversionId", conversionId);
    return (await this.requests.getConversion(id, parametersOf("GetConversionOptions", options))).resource;
  }

  /** Lists the conversions of the account; iterate it, or use byPage(). */
  listConversions(options?: ListConversionsOptions): PagedAsyncIterableIterator<AssetConversion> {
    return this.requests.listConversions(parametersOf("ListConversionsOptions", options));
  }
}
