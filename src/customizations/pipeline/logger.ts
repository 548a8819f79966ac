// The client library's logger (@azure/logger, namespace "remote-rendering") and the HTTP logging
// options of its pipelines, which never let a credential header into the log, nor a secret echoed in
// a header the caller asked to log.
import { createClientLogger, type Debugger } from "@azure/logger";
import type { LogPolicyOptions } from "@azure/core-rest-pipeline";
import { redactSecrets } from "../errors/redactSecrets.js";

/** The logger of the client library; enable with setLogLevel() or AZURE_LOG_LEVEL. */
export const logger = createClientLogger("remote-rendering");

/** Headers the HTTP log may show besides the pipeline's defaults: correlation vectors only. */
export const loggedHeaderNames: readonly string[] = ["MS-CV", "X-MRC-CV"];

/** Headers that carry credentials: never logged, even when a caller's logging options allow them. */
const secretHeaderNames: ReadonlySet<string> = new Set(["authorization"]);

/**
 * The HTTP logging options of the client's pipelines: the caller's options, plus the correlation
 * vectors, minus any header that carries a credential (the log would otherwise show the key or token).
 * With `secrets`, the log lines also pass through redactSecrets: a response header the caller allowed
 * (WWW-Authenticate, a proxy's debugging header) may echo the token.
 */
export function safeLoggingOptions(
  options: LogPolicyOptions | undefined,
  secrets?: () => readonly string[],
): LogPolicyOptions {
  const allowed = [...(options?.additionalAllowedHeaderNames ?? []), ...loggedHeaderNames];
  return {
    ...options,
    additionalAllowedHeaderNames: allowed.filter((name) => !secretHeaderNames.has(name.toLowerCase())),
    ...(secrets === undefined ? {} : { logger: redactingLogger(options?.logger ?? logger.info, secrets) }),
  };
}

/** A logger that writes through `base` with every secret of `secrets()` redacted from its text. */
export function redactingLogger(base: Debugger, secrets: () => readonly string[]): Debugger {
  const redacting = ((...args: unknown[]) => {
    base(...args.map((arg) => (typeof arg === "string" ? redactSecrets(arg, secrets()) : arg)));
  }) as Debugger;
  Object.defineProperties(redacting, {
    enabled: { get: () => base.enabled },
    namespace: { get: () => base.namespace },
    log: { get: () => base.log },
  });
  redacting.destroy = () => base.destroy();
  redacting.extend = (namespace: string) => redactingLogger(base.extend(namespace), secrets);
  return redacting;
}
