// Reads a JSON config file laid out like the arrconfig.json of the service's PowerShell scripts:
//
// {
//   "accountSettings": { "arrAccountId", "arrAccountKey", "arrAccountDomain", "authenticationEndpoint" },
//   "renderingSessionSettings": { "remoteRenderingDomain", "vmSize", "maxLeaseTime" },
//   "assetConversionSettings": { "storageAccountName", "blobInputContainerName", "blobOutputContainerName",
//                                "inputFolderPath", "inputAssetPath", "outputFolderPath", "outputAssetFileName" }
// }
//
// Keys the command line does not use (resourceGroup, localAssetDirectoryPath, ...) are ignored, so
// an existing arrconfig.json works unchanged. Empty strings count as unset, as in the scripts' template.
import { existsSync, readFileSync } from "node:fs";
import { maxLeaseTimeInMinutes, minLeaseTimeInMinutes, renderingSessionSizes } from "../../limits.js";
import { sessionSizeNames } from "../parseOptionValues.js";
import { UsageError } from "../cliErrors.js";
import type { ConfigFileSettings } from "./cliSettings.js";
// localAssetDirectoryPath is the folder `arr conversion start` uploads. Keys the command line does
// not use (resourceGroup, subscriptionId, region, ...) are ignored, so an existing arrconfig.json
// works unchanged. Empty strings count as unset, as in the scripts' template.
import path from "node:path";

type JsonObject = Record<string, unknown>;

/** The file name the PowerShell scripts read from the current folder. */
export const DEFAULT_CONFIG_FILE_NAME = "arrconfig.json";

/** --config FILE, else the ARR_CONFIG variable, else ./arrconfig.json if it exists. */
export function findConfigFile(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string | undefined {
  if (flag !== undefined) return flag;
  const fromEnv = env["ARR_CONFIG"]?.trim();
  if (fromEnv) return fromEnv;
  const local = path.join(cwd, DEFAULT_CONFIG_FILE_NAME);
  return existsSync(local) ? local : undefined;
}

export function readConfigFile(path: string): ConfigFileSettings {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`--config ${path}: cannot read the file (${code}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UsageError(`--config ${path}: not valid JSON (${(error as Error).message}).`);
  }
  if (!isObject(json)) throw new UsageError(`--config ${path}: expected a JSON object at the top level.`);
  return parseConfig(json, path);
}

/** Maps the parsed JSON to settings; exported for tests. */
export function parseConfig(json: JsonObject, path: string): ConfigFileSettings {
  const section = (name: string): JsonObject => {
    const value = json[name];
    if (value === undefined) return {};
    if (!isObject(value)) throw new UsageError(`--config ${path}: "${name}" must be an object.`);
    return value;
  };
  const text = (from: JsonObject, sectionName: string, key: string): string | undefined => {
    const value = from[key];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") {
      throw new UsageError(`--config ${path}: "${sectionName}.${key}" must be a string.`);
    }
    return value.trim() === "" ? undefined : value.trim();
  };

  const account = section("accountSettings");
  const session = section("renderingSessionSettings");
  const conversion = section("assetConversionSettings");
  const a = (key: string): string | undefined => text(account, "accountSettings", key);
  const s = (key: string): string | undefined => text(session, "renderingSessionSettings", key);
  const c = (key: string): string | undefined => text(conversion, "assetConversionSettings", key);

  const renderingDomain = s("remoteRenderingDomain");
  const storageAccount = c("storageAccountName");
  const containerUrl = (container: string | undefined): string | undefined =>
    container === undefined
      ? undefined
      : /^https?:\/\//.test(container) || storageAccount === undefined
        ? container
        : `https://${storageAccount}.blob.core.windows.net/${container}`;

  const settings: ConfigFileSettings = { account: {}, session: {}, conversion: {} };
  assign(settings.account, "accountId", a("arrAccountId"));
  assign(settings.account, "accountKey", a("arrAccountKey"));
  assign(settings.account, "accountDomain", a("arrAccountDomain"));
  assign(settings.account, "authenticationEndpoint", a("authenticationEndpoint"));
  if (renderingDomain !== undefined) {
    if (/^https?:\/\//.test(renderingDomain)) settings.account.endpoint = renderingDomain;
    else if (renderingDomain.includes(".")) settings.account.endpoint = `https://${renderingDomain}`;
    else settings.account.region = renderingDomain;
  }
  const size = s("vmSize");
  if (size !== undefined) {
    const known = renderingSessionSizes.find((candidate) => candidate.toLowerCase() === size.toLowerCase());
    if (known === undefined) {
      throw new UsageError(
        `--config ${path}: "renderingSessionSettings.vmSize" must be ${sessionSizeNames()}.`,
      );
    }
    settings.session.size = known;
  }
  const lease = session["maxLeaseTime"];
  if (lease !== undefined && lease !== null && lease !== "") {
    settings.session.leaseInMinutes = parseLease(lease, path);
  }
  assign(settings.conversion, "inputContainerUrl", containerUrl(c("blobInputContainerName")));
  assign(settings.conversion, "outputContainerUrl", containerUrl(c("blobOutputContainerName")));
  assign(settings.conversion, "inputBlobPrefix", c("inputFolderPath"));
  assign(settings.conversion, "inputAssetPath", c("inputAssetPath"));
  assign(settings.conversion, "outputBlobPrefix", c("outputFolderPath"));
  assign(settings.conversion, "outputAssetName", c("outputAssetFileName"));
  assign(settings.conversion, "localAssetDirectory", c("localAssetDirectoryPath"));

  return settings;
}

/** "hh:mm:ss" (as in the scripts' template, seconds rounded up to a minute) or a number of minutes. */
function parseLease(value: unknown, path: string): number {
  const fail = (): never => {
    throw new UsageError(
      `--config ${path}: "renderingSessionSettings.maxLeaseTime" must be "hh:mm:ss" or whole minutes, at most 24 hours.`,
    );
  };
  let minutes: number;
  if (typeof value === "number") {
    minutes = Number.isInteger(value) ? value : fail();
  } else if (typeof value === "string" && /^\d+:\d{1,2}:\d{1,2}$/.test(value.trim())) {
    const [h, m, sec] = value.trim().split(":").map(Number) as [number, number, number];
    minutes = m > 59 || sec > 59 ? fail() : h * 60 + m + Math.ceil(sec / 60);
  } else if (typeof value === "string" && /^\d+$/.test(value.trim())) {
    minutes = Number(value.trim());
  } else {
    return fail();
  }
  return minutes < minLeaseTimeInMinutes || minutes > maxLeaseTimeInMinutes ? fail() : minutes;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
