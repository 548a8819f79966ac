// Public entry point of remote-rendering-client. Explicit named exports only.

// RemoteRenderingClient and its types.
export { RemoteRenderingClient } from "./customizations/remoteRenderingClient";
export { remoteRenderingEndpoint } from "./customizations/helpers/remoteRenderingEndpoint";
export { RemoteRenderingServiceError } from "./customizations/errors/remoteRenderingServiceError";
export type { RemoteRenderingErrorDetail } from "./customizations/errors/remoteRenderingServiceError";
export { isRemoteRenderingRestError } from "./customizations/errors/serviceRestError";
export type {
  RemoteRenderingRestError,
  RemoteRenderingRestErrorDetails,
} from "./customizations/errors/serviceRestError";
export { AzureKeyCredential } from "@azure/core-auth";
export type { AccessToken, TokenCredential } from "@azure/core-auth";
export { RestError, isRestError } from "@azure/core-rest-pipeline";
export type { PagedAsyncIterableIterator, PageSettings } from "@azure/core-paging";
export type {
  ErrorRenderingSession,
  ExpiredRenderingSession,
  KnownRenderingSessionSize,
  PartialRenderingSessionProperties,
  ReadyRenderingSession,
  RenderingSession,
  RenderingSessionBase,
  RenderingSessionSettings,
  RenderingSessionSize,
  RenderingSessionStatus,
  StartingRenderingSession,
  StoppedRenderingSession,
  UnknownRenderingSession,
  UpdateSessionSettings,
} from "./customizations/models/renderingSession";
export type {
  AssetConversion,
  AssetConversionBase,
  AssetConversionInputSettings,
  AssetConversionOutputSettings,
  AssetConversionSettings,
  AssetConversionStatus,
  CancelledAssetConversion,
  FailedAssetConversion,
  NonStartedAssetConversion,
  RunningAssetConversion,
  SucceededAssetConversion,
  UnknownAssetConversion,
} from "./customizations/models/assetConversion";
export type {
  AssetConversionOperationState,
  AssetConversionPollerLike,
  AssetConversionPollerOptions,
  BeginConversionOptions,
  BeginSessionOptions,
  EndSessionOptions,
  GetConversionOptions,
  GetSessionOptions,
  ListConversionsOptions,
  ListSessionsOptions,
  RemoteRenderingClientOptions,
  RemoteRenderingOperationOptions,
  RenderingSessionOperationState,
  RenderingSessionPollerLike,
  RenderingSessionPollerOptions,
  ResumeBeginConversionOptions,
  ResumeBeginSessionOptions,
  UpdateSessionOptions,
} from "./customizations/models/options";

// Service facts: the api-versions (from the generated clients) and the service's limits.
// The api-versions are written once, by the generator, into each generated factory; the public
// client, the token exchange, the CLI and the emulator all read them from here.
export { defaultApiVersion as remoteRenderingApiVersion } from "./generated/remoteRendering";
export { defaultApiVersion as stsApiVersion } from "./generated/sts";
export {
  maxLeaseTimeInMinutes,
  maxRetryAfterInMs,
  minLeaseTimeInMinutes,
  renderingSessionSizes,
} from "./customizations/serviceLimits";

// Closest region, keep-alive and session scope helpers (built on the public client).
export { findClosestRegion, remoteRenderingRegions } from "./customizations/helpers/findClosestRegion";
export type {
  ClosestRegionResult,
  FindClosestRegionOptions,
  ReachableRegionProbe,
  RegionEndpoint,
  RegionProbe,
  RemoteRenderingRegion,
  UnreachableRegionProbe,
} from "./customizations/helpers/findClosestRegion";
export { keepSessionAlive } from "./customizations/helpers/keepSessionAlive";
export type {
  KeepSessionAliveClient,
  KeepSessionAliveOptions,
  KeepSessionAliveOutcome,
  SessionKeepAlive,
} from "./customizations/helpers/keepSessionAlive";
export { openRenderingSession } from "./customizations/helpers/openRenderingSession";
export type {
  OpenRenderingSessionOptions,
  RenderingSessionScope,
  RenderingSessionScopeClient,
} from "./customizations/helpers/openRenderingSession";
