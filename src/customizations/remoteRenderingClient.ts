// RemoteRenderingClient: the public client of the Remote Rendering REST API. It validates input
// before any request, authenticates through the Mixed Reality token service (serviceConnection),
// sends the REST operations (serviceRequests), and waits for long-running operations with pollers
// built on @azure/core-lro (beginPollers).
import type { AccessToken, AzureKeyCredential, TokenCredential } from "@azure/core-auth";
import type { PagedAsyncIterableIterator, PageSettings } from "@azure/core-paging";
import { createTracingClient } from "@azure/core-tracing";
import type { OperationOptions } from "@azure-rest/core-client";
import type { TracingClient, TracingSpan } from "@azure/core-tracing";
import type { AssetConversion, AssetConversionSettings } from "./models/assetConversion.js";
import {
  attachResourcePoller,
  beginResourcePoller,
  conversionRecipe,
  sessionRecipe,
} from "./lro/beginPollers.js";
import type {
  AssetConversionPollerLike,
  BeginConversionOptions,
  BeginSessionOptions,
  EndSessionOptions,
  GetConversionOptions,
  GetConversionPollerOptions,
  GetSessionOptions,
  GetSessionPollerOptions,
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
import type { PageRequest } from "./wire/serviceRequests.js";
import type { ContinuablePage } from "./wire/pagedList.js";
import { packageName, packageVersion, tracingNamespace } from "./pipeline/packageInfo.js";
import { validateMaxLeaseTime, validateResourceId } from "./validation.js";
import { validateOperationOptions } from "./models/validateOperationOptions.js";

/** Checks an operation's options bag before any request and turns it into request parameters. */
/** The options bag of an operation, checked before its span starts and anything is sent. */
function checkedOptions(typeName: string, options: unknown): OperationOptions {
  return validateOperationOptions("options", options, { typeName });
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
  /** One span per public method, named `RemoteRenderingClient.<method>`, in Microsoft.MixedReality. */
  private readonly tracing: TracingClient = createTracingClient({
    namespace: tracingNamespace,
    packageName,
    packageVersion,
  });

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
    return this.traced("beginSession", sessionIdOrResume, options, (idOrResume, traced) =>
      beginResourcePoller(sessionRecipe, this.requests, this.accountId, idOrResume, settings, traced),
    );
  }

  /**
   * A poller for an existing session, created elsewhere (by another process, `arr session start
   * --no-wait`, ...): it waits until the session is Ready without creating it, like the .NET SDK's
   * `new StartRenderingSessionOperation(sessionId, client)` and Python's `get_rendering_session_poller`.
   * It serializes and resumes like the poller of beginSession. Bad ids throw at once.
   */
  getSessionPoller(sessionId: string, options: GetSessionPollerOptions = {}): RenderingSessionPollerLike {
    return attachResourcePoller(sessionRecipe, this.requests, this.accountId, sessionId, options);
  }

  /** Reads a session. */
  async getSession(sessionId: string, options?: GetSessionOptions): Promise<RenderingSession> {
    const id = validateResourceId("sessionId", sessionId);
    return this.tracing.withSpan(
      "RemoteRenderingClient.getSession",
      checkedOptions("GetSessionOptions", options),
      (traced) => this.requests.getSession(id, requestParameters(traced, traced.abortSignal)),
    );
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
    return this.tracing.withSpan(
      "RemoteRenderingClient.updateSession",
      checkedOptions("UpdateSessionOptions", options),
      (traced) =>
        this.requests.updateSession(
          id,
          { maxLeaseTimeMinutes },
          requestParameters(traced, traced.abortSignal),
        ),
    );
  }

  /** Stops a session; its server is released and billing ends. */
  async endSession(sessionId: string, options?: EndSessionOptions): Promise<void> {
    const id = validateResourceId("sessionId", sessionId);
    await this.tracing.withSpan(
      "RemoteRenderingClient.endSession",
      checkedOptions("EndSessionOptions", options),
      (traced) => this.requests.stopSession(id, requestParameters(traced, traced.abortSignal)),
    );
  }

  /**
   * Lists the sessions of the account that are not stopped; iterate it, or use byPage(). Each page
   * carries a `continuationToken` that `byPage({ continuationToken })` resumes from.
   */
  listSessions(
    options?: ListSessionsOptions,
  ): PagedAsyncIterableIterator<RenderingSession, ContinuablePage<RenderingSession>, PageSettings> {
    return this.requests.listSessions(
      this.tracedPage("listSessions", checkedOptions("ListSessionsOptions", options)),
    );
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
    return this.traced("beginConversion", conversionIdOrResume, options, (idOrResume, traced) =>
      beginResourcePoller(conversionRecipe, this.requests, this.accountId, idOrResume, settings, traced),
    );
  }

  /**
   * A poller for an existing conversion: it waits until the conversion ends without starting it
   * (see getSessionPoller; .NET: `new StartAssetConversionOperation(conversionId, client)`).
   */
  getConversionPoller(
    conversionId: string,
    options: GetConversionPollerOptions = {},
  ): AssetConversionPollerLike {
    return attachResourcePoller(conversionRecipe, this.requests, this.accountId, conversionId, options);
  }

  /** Reads a conversion. */
  async getConversion(conversionId: string, options?: GetConversionOptions): Promise<AssetConversion> {
    const id = validateResourceId("conversionId", conversionId);
    return this.tracing.withSpan(
      "RemoteRenderingClient.getConversion",
      checkedOptions("GetConversionOptions", options),
      async (traced) =>
        (await this.requests.getConversion(id, requestParameters(traced, traced.abortSignal))).resource,
    );
  }

  /**
   * Lists the conversions of the account; iterate it, or use byPage(). Each page carries a
   * `continuationToken` that `byPage({ continuationToken })` resumes from.
   */
  listConversions(
    options?: ListConversionsOptions,
  ): PagedAsyncIterableIterator<AssetConversion, ContinuablePage<AssetConversion>, PageSettings> {
    return this.requests.listConversions(
      this.tracedPage("listConversions", checkedOptions("ListConversionsOptions", options)),
    );
  }

  /** Each page request of a listing in a span of its own, named after the listing method. */
  private tracedPage(method: string, options: OperationOptions | undefined): PageRequest {
    return (send) =>
      this.tracing.withSpan(`RemoteRenderingClient.${method}`, options ?? {}, (traced) =>
        send(requestParameters(traced, traced.abortSignal)),
      );
  }

  /**
   * Starts a poller (begin* or its resumption) in a span that covers starting it; the poller's
   * requests carry the span's context. Input errors thrown while starting end the span as errors.
   */
  private traced<TResume extends OperationOptions, TOptions extends OperationOptions, TPoller>(
    method: string,
    idOrResume: string | TResume,
    options: TOptions,
    start: (idOrResume: string | TResume, options: TOptions) => TPoller,
  ): TPoller {
    const name = `RemoteRenderingClient.${method}`;
    // The span copies the bag and replaces its tracingOptions, so the bag is checked before.
    const typeName = `${method[0]?.toUpperCase() ?? ""}${method.slice(1)}Options`;
    validateOperationOptions("options", typeof idOrResume === "string" ? options : idOrResume, {
      typeName,
      intervalInMs: true,
    });
    let span: TracingSpan;
    let run: () => TPoller;
    if (typeof idOrResume === "string") {
      const started = this.tracing.startSpan(name, options);
      span = started.span;
      run = () => start(idOrResume, started.updatedOptions);
    } else {
      const started = this.tracing.startSpan(name, idOrResume);
      span = started.span;
      run = () => start(started.updatedOptions, options);
    }
    try {
      const poller = run();
      span.setStatus({ status: "success" });
      return poller;
    } catch (error) {
      span.setStatus({ status: "error", error: error as Error });
      throw error;
    } finally {
      span.end();
    }
  }
}
