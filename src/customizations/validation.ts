// Input checks that run before any request is sent. Each failure names the parameter and the
// accepted form: a TypeError when the value has the wrong JavaScript type, a RangeError when the
// type is right but the value is outside what the service accepts.

import { maxLeaseTimeInMinutes, minLeaseTimeInMinutes, renderingSessionSizes } from "./serviceLimits.js";

const resourceIdPattern = /^[A-Za-z0-9_-]{1,256}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function describe(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  }
  if (value === null) {
    return "null";
  }
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/**
 * Describes a URL for an error message without its query or fragment, which may hold a signature,
 * and without user info (user:password@), which holds a password.
 */
function describeUrl(text: string): string {
  const cut = text.search(/[?#]/);
  const head = cut < 0 ? text : text.slice(0, cut);
  const withoutUserInfo = head.replace(/^([^/]*\/\/)[^/]*@/, "$1");
  const notes = [
    ...(withoutUserInfo !== head ? ["user info left out"] : []),
    ...(cut >= 0 ? ["query left out"] : []),
  ];
  return notes.length === 0 ? describe(text) : `${describe(withoutUserInfo)} (${notes.join(", ")})`;
}

/** Checks a value is a string, with a TypeError naming the parameter otherwise. */
export function requireString(name: string, value: unknown, form: string): string {
  if (typeof value !== "string") {
    throw new TypeError(`${name} must be a string (${form}); got ${describe(value)}.`);
  }
  return value;
}

/** Session and conversion ids: 1 to 256 letters, digits, '-' or '_'. */
export function validateResourceId(name: string, value: unknown): string {
  const form = "1 to 256 letters, digits, '-' or '_'";
  const id = requireString(name, value, form);
  if (!resourceIdPattern.test(id)) {
    throw new RangeError(`${name} must be ${form}; got ${describe(id)}.`);
  }
  return id;
}

/** A lease time: an integer number of minutes within the service's lease bounds. */
export function validateMaxLeaseTime(name: string, value: unknown): number {
  const form = `an integer number of minutes from ${minLeaseTimeInMinutes} to ${maxLeaseTimeInMinutes}`;
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number (${form}); got ${describe(value)}.`);
  }
  if (!Number.isInteger(value) || value < minLeaseTimeInMinutes || value > maxLeaseTimeInMinutes) {
    throw new RangeError(`${name} must be ${form}; got ${value}.`);
  }
  return value;
}

/** The size of a new session: one of the service's session sizes. */
export function validateSessionSize(name: string, value: unknown): (typeof renderingSessionSizes)[number] {
  const form = renderingSessionSizes.map((size) => JSON.stringify(size)).join(" or ");
  const size = requireString(name, value, form);
  const known = renderingSessionSizes.find((candidate) => candidate === size);
  if (known === undefined) {
    throw new RangeError(`${name} must be ${form}; got ${describe(size)}.`);
  }
  return known;
}

/** An account id: a UUID such as 1b405859-8af9-47e6-941d-9205163c0f63. */
export function validateAccountId(value: unknown): string {
  const form = "a UUID such as 1b405859-8af9-47e6-941d-9205163c0f63";
  const accountId = requireString("accountId", value, form);
  if (!uuidPattern.test(accountId)) {
    throw new RangeError(`accountId must be ${form}; got ${describe(accountId)}.`);
  }
  return accountId;
}

/**
 * An account domain such as "eastus.mixedreality.azure.com". A bare region ("eastus") is a common
 * mistake, so it gets its own hint.
 */
export function validateAccountDomain(value: unknown): string {
  const form = 'a host name such as "eastus.mixedreality.azure.com"';
  const domain = requireString("accountDomain", value, form);
  if (/^[A-Za-z0-9-]+$/.test(domain)) {
    throw new RangeError(
      `accountDomain must be ${form}; got the bare name ${describe(domain)}. ` +
        `Pass the full account domain, for example "${domain.toLowerCase()}.mixedreality.azure.com".`,
    );
  }
  if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(domain)) {
    throw new RangeError(`accountDomain must be ${form}; got ${describe(domain)}.`);
  }
  return domain;
}

export interface ValidateServiceUrlOptions {
  /** Whether an http: URL to this machine is accepted (local emulators). */
  allowInsecureConnection?: boolean;
  /** With allowInsecureConnection, whether an http: URL to any other host is accepted too. */
  allowInsecureConnectionToAnyHost?: boolean;
}

/** Whether a URL's host name is this machine: localhost, 127.0.0.0/8 or [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** Parses an absolute URL, or throws a RangeError naming the parameter and the allowed form. */
function parseUrl(name: string, text: string, form: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new RangeError(`${name} must be ${form}; got ${describeUrl(text)}.`);
  }
}

/**
 * An absolute https URL of a service (the rendering endpoint or the token service), returned without
 * a trailing slash. http: is accepted only when `allowInsecureConnection` is true.
 */
export function validateServiceUrl(
  name: string,
  value: unknown,
  options: ValidateServiceUrlOptions = {},
): URL {
  const form = 'an absolute https URL such as "https://remoterendering.eastus.mixedreality.azure.com"';
  const text = requireString(name, value, form);
  const url = parseUrl(name, text, form);
  if (url.protocol === "http:") {
    if (options.allowInsecureConnection !== true) {
      throw new RangeError(
        `${name} uses http, which is refused unless the client option allowInsecureConnection is true ` +
          `(meant only for a local emulator); got ${describeUrl(text)}.`,
      );
    }
    if (!isLoopbackHost(url.hostname) && options.allowInsecureConnectionToAnyHost !== true) {
      throw new RangeError(
        `${name} uses http to ${url.hostname}, another host than this machine: allowInsecureConnection ` +
          `allows http only to localhost, 127.0.0.0/8 and [::1]. To send keys and tokens unencrypted to ` +
          `another host, set allowInsecureConnectionToAnyHost: true as well.`,
      );
    }
  } else if (url.protocol !== "https:") {
    throw new RangeError(`${name} must be ${form}; got ${describeUrl(text)}.`);
  }
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new RangeError(`${name} must be ${form} without credentials, query or fragment.`);
  }
  return url;
}

/** Host names of this machine, where a blob service (Azurite) may be reached over http. */
const LOOPBACK_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/**
 * A blob storage container URL: an absolute https URL, or http on this machine (a local blob
 * service such as Azurite, e.g. "http://127.0.0.1:10000/devstoreaccount1/container"). It may not
 * carry a query (where an access signature would be) or user info: the signature goes in its own
 * field (`sasField`), which is sent but never copied into results, logs or the emulator's files.
 * The refusal does not repeat the URL.
 */
export function validateStorageContainerUrl(
  name: string,
  value: unknown,
  sasField = "the access signature field",
): string {
  const form =
    'an absolute https URL such as "https://account.blob.core.windows.net/container" ' +
    "(http only on 127.0.0.1, localhost or [::1])";
  const text = requireString(name, value, form);
  const url = parseUrl(name, text, form);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.includes(url.hostname))) {
    throw new RangeError(`${name} must be ${form}; got ${describeUrl(text)}.`);
  }
  refuseEmbeddedCredentials(name, url, text, sasField);
  return text;
}

/** Refuses a container URL with a query (a SAS) or user info, without echoing either. */
function refuseEmbeddedCredentials(name: string, url: URL, text: string, sasField: string): void {
  const hasQuery = url.search !== "" || text.includes("?");
  const hasUserInfo = url.username !== "" || url.password !== "";
  if (hasQuery || hasUserInfo) {
    const what = hasQuery ? "a query (such as a SAS ?sv=...&sig=...)" : "user info (user:password@)";
    throw new RangeError(
      `${name} must be the container URL alone, without ${what}: pass the access signature in ` +
        `${sasField} instead. (The URL is not repeated here, as it may hold a secret.)`,
    );
  }
}

/** The output asset file name: must end with ".arrAsset". */
export function validateOutputAssetFilename(name: string, value: unknown): string {
  const form = 'a file name ending with ".arrAsset", such as "house.arrAsset"';
  const filename = requireString(name, value, form);
  if (!filename.endsWith(".arrAsset") || filename.length === ".arrAsset".length) {
    throw new RangeError(`${name} must be ${form}; got ${describe(filename)}.`);
  }
  return filename;
}

/** A non-empty string, such as a relative asset path or a blob prefix. */
export function validateNonEmptyString(name: string, value: unknown, form: string): string {
  const text = requireString(name, value, form);
  if (text.length === 0) {
    throw new RangeError(`${name} must be ${form}; got an empty string.`);
  }
  return text;
}

/** A polling interval: a finite number of milliseconds, at least 1. */
export function validateIntervalInMs(name: string, value: unknown): number {
  const form = "a finite number of milliseconds, at least 1";
  if (typeof value !== "number") {
    throw new TypeError(`${name} must be a number (${form}); got ${describe(value)}.`);
  }
  if (!Number.isFinite(value) || value < 1) {
    throw new RangeError(`${name} must be ${form}; got ${value}.`);
  }
  return value;
}
