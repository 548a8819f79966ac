// Public entry point of remote-rendering-client. Explicit named exports only.

// RemoteRenderingClient and its types.
export { RemoteRenderingClient } from "./customizations/remoteRenderingClient.js";
export { remoteRenderingEndpoint } from "./customizations/helpers/remoteRenderingEndpoint.js";
export { RemoteRenderingServiceError } from "./customizations/errors/remoteRenderingServiceError.js";
export type { RemoteRenderingErrorDetail } from "./customizations/errors/remoteRenderingServiceError.js";
export { isRemoteRenderingRestError } from "./customizations/errors/serviceRestError.js";
export type {
  RemoteRenderingRestError,
  RemoteRenderingRestErrorDetails,
} from "./customizations/errors/serviceRestError.js";
// The library's logger (namespace "remote-rendering"): enable it with setLogLevel() from
// @azure/logger or AZURE_LOG_LEVEL, or redirect it through its `log` property.
export { logger } from "./customizations/pipeline/logger.js";
export { AzureKeyCredential } from "@azure/core-auth";
export type { AccessToken, TokenCredential } from "@azure/core-auth";
export { RestError, isRestError } from "@azure/core-rest-pipeline";
export type { PagedAsyncIterableIterator, PageSettings } from "@azure/core-paging";
export type { ContinuablePage } from "./customizations/wire/pagedList.js";
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
} from "./customizations/models/renderingSession.js";
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
} from "./customizations/models/assetConversion.js";
export type {
  AssetConversionOperationState,
  AssetConversionPollerLike,
  AssetConversionPollerOptions,
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
  RemoteRenderingOperationOptions,
  RenderingSessionOperationState,
  RenderingSessionPollerLike,
  RenderingSessionPollerOptions,
  ResumeBeginConversionOptions,
  ResumeBeginSessionOptions,
  UpdateSessionOptions,
} from "./customizations/models/options.js";

// Service facts: the api-versions (from the generated clients) and the service's limits.
// The api-versions are written once, by the generator, into each generated factory; the public
// client, the token exchange, the CLI and the emulator all read them from here.
export { defaultApiVersion as remoteRenderingApiVersion } from "./generated/remoteRendering/index.js";
export { defaultApiVersion as stsApiVersion } from "./generated/sts/index.js";
export {
  maxLeaseTimeInMinutes,
  maxRetryAfterInMs,
  minLeaseTimeInMinutes,
  renderingSessionSizes,
} from "./customizations/serviceLimits.js";

// Closest region, keep-alive and session scope helpers (built on the public client).
export { findClosestRegion, remoteRenderingRegions } from "./customizations/helpers/findClosestRegion.js";
export type {
  ClosestRegionResult,
  FindClosestRegionOptions,
  ReachableRegionProbe,
  RegionEndpoint,
  RegionProbe,
  RemoteRenderingRegion,
  UnreachableRegionProbe,
} from "./customizations/helpers/findClosestRegion.js";
export { keepSessionAlive } from "./customizations/helpers/keepSessionAlive.js";
export type {
  KeepSessionAliveClient,
  KeepSessionAliveOptions,
  KeepSessionAliveOutcome,
  SessionKeepAlive,
} from "./customizations/helpers/keepSessionAlive.js";
export { openRenderingSession } from "./customizations/helpers/openRenderingSession.js";
export type {
  OpenRenderingSessionOptions,
  RenderingSessionScope,
  RenderingSessionScopeClient,
} from "./customizations/helpers/openRenderingSession.js";
