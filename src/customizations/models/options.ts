// Option bags of RemoteRenderingClient and its operations.
import type { ClientOptions, OperationOptions } from "@azure-rest/core-client";
import type { OperationState, PollerLike } from "@azure/core-lro";
import type { AssetConversion, SucceededAssetConversion } from "./assetConversion.js";
import type { ReadyRenderingSession, RenderingSession } from "./renderingSession.js";

/**
 * Options of RemoteRenderingClient. Besides the options below, the HTTP options of
 * @azure-rest/core-client pass through (retryOptions, httpClient, proxyOptions, userAgentOptions,
 * loggingOptions, additionalPolicies, ...). The client manages authentication and the endpoint itself,
 * so `credentials`, `endpoint`, `baseUrl` and `pipeline` are not accepted.
 */
export interface RemoteRenderingClientOptions
  extends Omit<ClientOptions, "credentials" | "endpoint" | "baseUrl" | "pipeline"> {
  /**
   * The Mixed Reality token service to exchange credentials with. Defaults to
   * `https://sts.{accountDomain}`.
   */
  authenticationEndpointUrl?: string;
  /** The REST API version; defaults to remoteRenderingApiVersion, the version of the spec this package was generated from. */
  apiVersion?: string;
  /**
   * Allows http (not https) endpoints and token service on this machine (localhost, 127.0.0.0/8,
   * [::1]): meant for a local emulator. Without it an http URL is refused.
   */
  allowInsecureConnection?: boolean;
  /**
   * With allowInsecureConnection, also allows http to hosts other than this machine. Keys and tokens
   * then cross the network unencrypted: use it only on a network you trust (a test container, a VM).
   */
  allowInsecureConnectionToAnyHost?: boolean;
}

/** Options shared by every operation: abortSignal, requestOptions (headers, timeout), onResponse. */
export type RemoteRenderingOperationOptions = OperationOptions;

/** Polling options of beginSession. */
export interface RenderingSessionPollerOptions {
  /**
   * Milliseconds between status requests. Defaults to 2000 for Standard sessions and 10000 for Premium
   * (and for sizes this client does not know).
   */
  intervalInMs?: number;
}

/** Polling options of beginConversion. */
export interface AssetConversionPollerOptions {
  /**
   * Milliseconds between status requests; defaults to 10000. A Retry-After header on a status
   * response sets the next wait instead, capped at 60 seconds.
   */
  intervalInMs?: number;
}

/**
 * Options of beginSession. The abortSignal reaches every request of the poller and stops polling; it
 * never stops the session itself (use endSession for that).
 */
export type BeginSessionOptions = RenderingSessionPollerOptions & RemoteRenderingOperationOptions;

/** Options of beginSession to resume polling a session from `poller.serialize()`. */
export type ResumeBeginSessionOptions = BeginSessionOptions & {
  /** The string returned by `serialize()` of an earlier poller. */
  resumeFrom: string;
};

/** Options of beginConversion; the abortSignal stops polling, never the conversion. */
export type BeginConversionOptions = AssetConversionPollerOptions & RemoteRenderingOperationOptions;

/** Options of beginConversion to resume polling a conversion from `poller.serialize()`. */
export type ResumeBeginConversionOptions = BeginConversionOptions & {
  /** The string returned by `serialize()` of an earlier poller. */
  resumeFrom: string;
};

/** Options of getSessionPoller: polling options; the abortSignal stops polling, never the session. */
export type GetSessionPollerOptions = BeginSessionOptions;

/** Options of getConversionPoller: polling options; the abortSignal stops polling only. */
export type GetConversionPollerOptions = BeginConversionOptions;

/** Options of getSession. */
export type GetSessionOptions = RemoteRenderingOperationOptions;
/** Options of updateSession. */
export type UpdateSessionOptions = RemoteRenderingOperationOptions;
/** Options of endSession. */
export type EndSessionOptions = RemoteRenderingOperationOptions;
/** Options of listSessions. */
export type ListSessionsOptions = RemoteRenderingOperationOptions;
/** Options of getConversion. */
export type GetConversionOptions = RemoteRenderingOperationOptions;
/** Options of listConversions. */
export type ListConversionsOptions = RemoteRenderingOperationOptions;

/** State of a session poller; `latestResponse` is the session as of the latest status request. */
export interface RenderingSessionOperationState extends OperationState<ReadyRenderingSession> {
  latestResponse?: RenderingSession;
}

/** State of a conversion poller; `latestResponse` is the conversion as of the latest status request. */
export interface AssetConversionOperationState extends OperationState<SucceededAssetConversion> {
  latestResponse?: AssetConversion;
}

/**
 * A poller (from @azure/core-lro) waiting for a session to become Ready. Awaiting it gives the Ready
 * session; it rejects when the session ends in Error, Expired or Stopped, or reports a status this
 * client does not know.
 */
export type RenderingSessionPollerLike = PollerLike<RenderingSessionOperationState, ReadyRenderingSession>;

/**
 * A poller (from @azure/core-lro) waiting for a conversion to finish. Awaiting it gives the
 * Succeeded conversion; it rejects when the conversion Failed or was Cancelled, or reports a status
 * this client does not know.
 */
export type AssetConversionPollerLike = PollerLike<AssetConversionOperationState, SucceededAssetConversion>;
