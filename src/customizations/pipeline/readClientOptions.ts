// Checks the options of the RemoteRenderingClient constructor before anything is built: the bag is
// undefined or a plain object; options the client manages itself (endpoint, baseUrl, credentials,
// pipeline) are refused; apiVersion has the form of an api-version (it goes into every query);
// retryOptions hold sane numbers; the switches are booleans. URLs are checked by validateServiceUrl.
import { defaultApiVersion } from "../../generated/remoteRendering/index.js";
import type { RemoteRenderingClientOptions } from "../models/options.js";
import { validateBooleanOption, validateOptionsBag } from "../models/validateOperationOptions.js";

/** Options of @azure-rest/core-client that this client sets itself, and where they come from instead. */
const managedOptions: ReadonlyArray<[string, string]> = [
  ["endpoint", "the endpoint is the constructor's first argument"],
  ["baseUrl", "the endpoint is the constructor's first argument"],
  ["credentials", "the credential is a constructor argument"],
  ["pipeline", "the client builds its own pipeline; add policies with additionalPolicies"],
];

/** An api-version: a date, optionally with a suffix such as "-preview". */
const apiVersionPattern = /^\d{4}-\d{2}-\d{2}(-[A-Za-z0-9]+(\.[A-Za-z0-9]+)*)?$/;

/** The largest maxRetries accepted: more would keep a failing call going for a very long time. */
export const maxRetriesLimit = 20;

function validateDelay(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number of milliseconds; got ${typeof value}.`);
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number of milliseconds above 0; got ${value}.`);
  }
}

function validateRetryOptions(value: unknown): void {
  const retry = validateOptionsBag(
    "options.retryOptions",
    value,
    "{ maxRetries, retryDelayInMs, maxRetryDelayInMs }",
  );
  const maxRetries = retry["maxRetries"];
  if (maxRetries !== undefined) {
    if (typeof maxRetries !== "number") {
      throw new TypeError(`options.retryOptions.maxRetries must be a number; got ${typeof maxRetries}.`);
    }
    if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > maxRetriesLimit) {
      throw new RangeError(
        `options.retryOptions.maxRetries must be an integer from 0 to ${maxRetriesLimit}; got ${maxRetries}.`,
      );
    }
  }
  validateDelay("options.retryOptions.retryDelayInMs", retry["retryDelayInMs"]);
  validateDelay("options.retryOptions.maxRetryDelayInMs", retry["maxRetryDelayInMs"]);
}

/** The constructor's options, checked; undefined gives {}. */
export function readClientOptions(value: unknown): RemoteRenderingClientOptions {
  const options = validateOptionsBag("options", value, "RemoteRenderingClientOptions");
  for (const [name, instead] of managedOptions) {
    if (options[name] !== undefined) {
      throw new TypeError(`options.${name} is not accepted: ${instead}.`);
    }
  }
  const apiVersion = options["apiVersion"];
  if (apiVersion !== undefined) {
    if (typeof apiVersion !== "string") {
      throw new TypeError(
        `options.apiVersion must be a string such as "${defaultApiVersion}"; got ${typeof apiVersion}.`,
      );
    }
    if (!apiVersionPattern.test(apiVersion)) {
      throw new RangeError(
        `options.apiVersion must be an api-version such as "${defaultApiVersion}" or "${defaultApiVersion}-preview" ` +
          "(a date, optionally followed by a suffix of letters and digits).",
      );
    }
  }
  if (options["retryOptions"] !== undefined) {
    validateRetryOptions(options["retryOptions"]);
  }
  validateBooleanOption("options.allowInsecureConnection", options["allowInsecureConnection"]);
  validateBooleanOption(
    "options.allowInsecureConnectionToAnyHost",
    options["allowInsecureConnectionToAnyHost"],
  );
  const authenticationEndpointUrl = options["authenticationEndpointUrl"];
  if (authenticationEndpointUrl !== undefined && typeof authenticationEndpointUrl !== "string") {
    throw new TypeError("options.authenticationEndpointUrl must be a string (an absolute https URL).");
  }
  return options as RemoteRenderingClientOptions;
}
