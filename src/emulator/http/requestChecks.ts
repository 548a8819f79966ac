// Checks every routed request passes before its handler runs: api-version, path parameters and
// credentials.
import type { IncomingHttpHeaders } from "node:http";
import { authenticateAccessToken } from "../auth/authentication.js";
import { EmulatorHttpError } from "./errors.js";
import type { EmulatorRuntime } from "../config/emulatorRuntime.js";
import type { EmulatorOperation } from "../faults/faultTypes.js";
import { STS_API_VERSION, SUPPORTED_API_VERSIONS } from "./responseHeaders.js";
import type { RouteParameters } from "./router.js";
import {
  ACCOUNT_ID_PATTERN,
  validateAccountIdParameter,
  validateResourceIdParameter,
} from "../operations/validation.js";

function apiVersionError(message: string, challenge: boolean): EmulatorHttpError {
  return new EmulatorHttpError(400, "BadRequest", message, {
    target: "api-version",
    ...(challenge ? { headers: { "WWW-Authenticate": `Invalid request: ${message}` } } : {}),
  });
}

/**
 * The data plane requires one supported api-version. The token service's description makes the
 * parameter optional, so there it may be left out, but a wrong value is refused.
 */
export function checkApiVersion(operation: EmulatorOperation, query: URLSearchParams): string | undefined {
  const values = query.getAll("api-version");
  if (operation === "GetToken") {
    if (values.length === 0) return undefined;
    if (values.length === 1 && values[0] === STS_API_VERSION) return STS_API_VERSION;
    throw apiVersionError(`The token service supports api-version ${STS_API_VERSION} only.`, true);
  }
  const supported = SUPPORTED_API_VERSIONS.join(", ");
  if (values.length === 0) {
    throw apiVersionError(
      `The api-version query parameter is required; supported versions: ${supported}.`,
      false,
    );
  }
  const [value] = values;
  if (values.length > 1 || value === undefined || !SUPPORTED_API_VERSIONS.includes(value)) {
    throw apiVersionError(
      `The api-version '${values.join(",")}' is not supported; supported versions: ${supported}.`,
      false,
    );
  }
  return value;
}

export function checkPathParameters(operation: EmulatorOperation, parameters: RouteParameters): void {
  if (operation === "GetToken") {
    if (!ACCOUNT_ID_PATTERN.test(parameters.account_id)) {
      const message = "The account id in the path must be a UUID.";
      throw new EmulatorHttpError(400, "BadRequest", message, {
        target: "accountId",
        headers: { "WWW-Authenticate": `Invalid request: ${message}` },
      });
    }
    return;
  }
  validateAccountIdParameter(parameters.account_id);
  if (parameters.session_id !== undefined) validateResourceIdParameter(parameters.session_id, "session_id");
  if (parameters.conversion_id !== undefined)
    validateResourceIdParameter(parameters.conversion_id, "conversion_id");
}

/** Data-plane calls need an access token for the account in the path (the token service checks keys itself). */
export function checkCredentials(
  runtime: EmulatorRuntime,
  operation: EmulatorOperation,
  parameters: RouteParameters,
  headers: IncomingHttpHeaders,
  now: number,
): void {
  if (operation === "GetToken") return;
  authenticateAccessToken(
    headers.authorization,
    parameters.account_id,
    runtime.accounts,
    runtime.tokens,
    now,
  );
}
