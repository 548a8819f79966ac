// Parsers for flag and argument values. Each one names the allowed form in its message; commander
// prefixes it with the flag and the rejected value, and the command exits with the usage code.
import { InvalidArgumentError } from "commander";
import { UsageError } from "./cliErrors.js";
import { maxLeaseTimeInMinutes, minLeaseTimeInMinutes, renderingSessionSizes } from "../limits.js";

const MAX_LEASE_IN_MINUTES = maxLeaseTimeInMinutes;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

export type SessionSizeName = (typeof renderingSessionSizes)[number];

function integer(value: string): number | undefined {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

/**
 * Minutes from "hh:mm:ss" (as the PowerShell scripts take it; seconds round up to a minute) or
 * from whole minutes; undefined when the text is neither.
 */
export function leaseTextToMinutes(value: string): number | undefined {
  const text = value.trim();
  const clock = /^(\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(text);
  if (clock !== null) {
    const [hours, minutes, seconds] = clock.slice(1).map(Number) as [number, number, number];
    if (minutes > 59 || seconds > 59) return undefined;
    return hours * 60 + minutes + Math.ceil(seconds / 60);
  }
  return integer(text);
}

/** A lease in whole minutes or hh:mm:ss, within the service's lease bounds. */
export function parseLeaseInMinutes(value: string): number {
  const minutes = leaseTextToMinutes(value);
  if (minutes === undefined || minutes < minLeaseTimeInMinutes || minutes > MAX_LEASE_IN_MINUTES) {
    throw new InvalidArgumentError(
      `Expected whole minutes from ${minLeaseTimeInMinutes} to ${MAX_LEASE_IN_MINUTES}, or hh:mm:ss (e.g. 90 or 01:30:00).`,
    );
  }
  return minutes;
}

/** A new lease for an update: minutes or hh:mm:ss, 1 minute up to the service's maximum. */
export function parseUpdateLeaseInMinutes(value: string): number {
  const minutes = leaseTextToMinutes(value);
  if (
    minutes === undefined ||
    minutes < Math.max(1, minLeaseTimeInMinutes) ||
    minutes > MAX_LEASE_IN_MINUTES
  ) {
    throw new InvalidArgumentError(
      `Expected whole minutes from ${Math.max(1, minLeaseTimeInMinutes)} to ${MAX_LEASE_IN_MINUTES}, or hh:mm:ss (e.g. 90 or 01:30:00).`,
    );
  }
  return minutes;
}

/** An extension of the lease in whole minutes, from 1 to the longest lease. */
export function parseExtensionInMinutes(value: string): number {
  const minutes = integer(value);
  if (minutes === undefined || minutes < 1 || minutes > MAX_LEASE_IN_MINUTES) {
    throw new InvalidArgumentError(`Expected whole minutes from 1 to ${MAX_LEASE_IN_MINUTES}.`);
  }
  return minutes;
}

/** An interval in minutes, fractions allowed (0.5 is 30 seconds), above 0 and at most the longest lease. */
export function parseIntervalInMinutes(value: string): number {
  const minutes = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(minutes > 0) || minutes > MAX_LEASE_IN_MINUTES) {
    throw new InvalidArgumentError(
      `Expected minutes above 0 and at most ${MAX_LEASE_IN_MINUTES} (e.g. 5 or 0.5).`,
    );
  }
  return minutes;
}

/** A TCP port, 0 (any free port) to 65535. */
export function parsePort(value: string): number {
  const port = integer(value);
  if (port === undefined || port > 65535) {
    throw new InvalidArgumentError("Expected a port number from 0 to 65535 (0 picks a free port).");
  }
  return port;
}

/** A session size (`standard` or `premium`), in any case. */
export function parseSessionSize(value: string): SessionSizeName {
  const wanted = value.trim().toLowerCase();
  const size = renderingSessionSizes.find((candidate) => candidate.toLowerCase() === wanted);
  if (size === undefined) {
    throw new InvalidArgumentError(`Expected ${sessionSizeNames()}.`);
  }
  return size;
}

/** The session sizes as the CLI spells them: "standard or premium". */
export function sessionSizeNames(): string {
  return renderingSessionSizes.map((size) => size.toLowerCase()).join(" or ");
}

/** A session or conversion id: 1 to 256 letters, digits, '-' or '_'. */
export function parseResourceId(value: string): string {
  if (!ID_PATTERN.test(value)) {
    throw new InvalidArgumentError("Expected 1 to 256 letters, digits, '-' or '_'.");
  }
  return value;
}

function isLoopbackHost(url: URL): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/** An absolute https URL of a blob storage container (http only on this machine, e.g. Azurite). */
export function parseContainerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError("Expected an absolute https URL of a storage container.");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url))) {
    throw new InvalidArgumentError(
      "Expected an absolute https URL of a storage container (http only on 127.0.0.1, localhost or [::1]).",
    );
  }
  return value;
}

/** The blob endpoint of a storage account, e.g. http://127.0.0.1:10000/devstoreaccount1. */
export function parseStorageUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:") || url.search !== "") {
    throw new InvalidArgumentError(
      "Expected the blob endpoint of a storage account, such as http://127.0.0.1:10000/devstoreaccount1.",
    );
  }
  return value.replace(/\/+$/, "");
}

/**
 * The parser of a container flag: a container URL (parseContainerUrl) without an access signature or
 * user info inside it. That refusal is a UsageError (exit 2), not commander's InvalidArgumentError,
 * whose message would repeat the value and with it the secret.
 */
export function containerUrlParser(flag: string, sasFlag: string): (value: string) => string {
  return (value) => {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    const hasQuery = value.includes("?");
    const hasUserInfo = url !== undefined && (url.username !== "" || url.password !== "");
    if (hasQuery || hasUserInfo) {
      throw new UsageError(
        `${flag} must be the container URL alone, without ${hasQuery ? "a query (such as a SAS)" : "user info"}: ` +
          `pass the access signature with ${sasFlag} instead. (The value is not repeated here, as it may hold a secret.)`,
      );
    }
    return parseContainerUrl(value);
  };
}

/** An output asset file name ending in `.arrAsset`, without folders. */
export function parseOutputAssetName(value: string): string {
  if (!/^[^/\\]+\.arrAsset$/.test(value)) {
    throw new InvalidArgumentError("Expected a file name ending in .arrAsset, such as model.arrAsset.");
  }
  return value;
}

/** A shared access signature token: a query string, with or without its leading '?'. */
export function parseSasToken(value: string): string {
  const token = value.startsWith("?") ? value.slice(1) : value;
  if (token.length === 0 || /\s/.test(token)) {
    throw new InvalidArgumentError("Expected a SAS token such as 'sv=...&sig=...'.");
  }
  return token;
}

/** A non-empty relative blob path or prefix, without a leading '/'. */
export function parseBlobPath(value: string): string {
  if (value.length === 0 || value.startsWith("/") || /[\r\n]/.test(value)) {
    throw new InvalidArgumentError("Expected a relative blob path such as 'folder/model.fbx'.");
  }
  return value;
}

/** A polling interval in seconds, fractions allowed, from 0.05 to 600. */
export function parsePollIntervalInSeconds(value: string): number {
  const seconds = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds >= 0.05 && seconds <= 600)) {
    throw new InvalidArgumentError("Expected seconds from 0.05 to 600 (e.g. 2 or 0.5).");
  }
  return seconds;
}

/** The lifetime of SAS tokens the command creates: whole minutes, 1 to 10080 (7 days). */
export function parseSasLifetimeInMinutes(value: string): number {
  const minutes = integer(value);
  if (minutes === undefined || minutes < 1 || minutes > 10_080) {
    throw new InvalidArgumentError("Expected whole minutes from 1 to 10080 (7 days).");
  }
  return minutes;
}
