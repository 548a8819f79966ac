import { createClientLogger } from "@azure/logger";

/** The logger of the client library; enable with setLogLevel() or AZURE_LOG_LEVEL. */
export const logger = createClientLogger("remote-rendering");

/** Headers the HTTP log may show besides the pipeline's defaults: correlation vectors only. */
export const loggedHeaderNames: readonly string[] = ["MS-CV", "X-MRC-CV"];
