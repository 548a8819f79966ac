// The client library's logger (@azure/logger, namespace "remote-rendering") and the HTTP logging
// options of its pipelines, which never let a credential header into the log.
import { createClientLogger } from "@azure/logger";
import type { LogPolicyOptions } from "@azure/core-rest-pipeline";

/** The logger of the client library; enable with setLogLevel() or AZURE_LOG_LEVEL. */
export const logger = createClientLogger("remote-rendering");

/** Headers the HTTP log may show besides the pipeline's defaults: correlation vectors only. */
export const loggedHeaderNames: readonly string[] = ["MS-CV", "X-MRC-CV"];

/** Headers that carry credentials: never logged, even when a caller's logging options allow them. */
const secretHeaderNames: ReadonlySet<string> = new Set(["authorization"]);

/**
 * The HTTP logging options of the client's pipelines: the caller's options, plus the correlation
 * vectors, minus any header that carries a credential (the log would otherwise show the key or token).
 */
export function safeLoggingOptions(options: LogPolicyOptions | undefined): LogPolicyOptions {
  const allowed = [...(options?.additionalAllowedHeaderNames ?? []), ...loggedHeaderNames];
  return {
    ...options,
    additionalAllowedHeaderNames: allowed.filter((name) => !secretHeaderNames.has(name.toLowerCase())),
  };
}
