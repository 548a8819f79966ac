// Public entry "remote-rendering-client/limits": the service's limits (lease bounds, session sizes,
// the Retry-After ceiling) with no dependencies, for code that must not load the client library,
// such as the CLI's argument parsers. The same values are exported from the package root.
export {
  maxLeaseTimeInMinutes,
  maxRetryAfterInMs,
  minLeaseTimeInMinutes,
  renderingSessionSizes,
} from "./customizations/serviceLimits.js";
