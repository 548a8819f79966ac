// The size baseline of the browser test: @azure-rest/core-client and @azure/core-lro alone, the two
// packages every rest-level Azure client with long-running operations is built on.
import { getClient } from "@azure-rest/core-client";
import { createHttpPoller } from "@azure/core-lro";

(globalThis as Record<string, unknown>)["baseline"] = [getClient, createHttpPoller];
