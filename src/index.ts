// Public entry point of remote-rendering-client. Explicit named exports only.

// RemoteRenderingClient and its types.
export { RemoteRenderingClient } from "./customizations/remoteRenderingClient";
export { remoteRenderingEndpoint } from "./customizations/remoteRenderingEndpoint";
export { RemoteRenderingServiceError } from "./customizations/remoteRenderingServiceError";
export type { RemoteRenderingErrorDetail } from "./customizations/remoteRenderingServiceError";
export { isRemoteRenderingRestError } from "./customizations/serviceRestError";
export type {
  RemoteRenderingRestError,
  RemoteRenderingRestErrorDetails,
} from "./customizations/serviceRestError";
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
} from "./customizations/renderingSession";
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
} from "./customizations/assetConversion";
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
} from "./customizations/options";

// Closest region, keep-alive and session scope helpers (built on the public client).
export { findClosestRegion, remoteRenderingRegions } from "./customizations/findClosestRegion";
export type {
  ClosestRegionResult,
  FindClosestRegionOptions,
  ReachableRegionProbe,
  RegionEndpoint,
  RegionProbe,
  RemoteRenderingRegion,
  UnreachableRegionProbe,
} from "./customizations/findClosestRegion";
export { keepSessionAlive } from "./customizations/keepSessionAlive";
export type {
  KeepSessionAliveClient,
  KeepSessionAliveOptions,
  KeepSessionAliveOutcome,
  SessionKeepAlive,
} from "./customizations/keepSessionAlive";
export { openRenderingSession } from "./customizations/openRenderingSession";
export type {
  OpenRenderingSessionOptions,
  RenderingSessionScope,
  RenderingSessionScopeClient,
} from "./customizations/openRenderingSession";
