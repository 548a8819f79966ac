// Converts asset conversions between the public shape and the service's JSON: public settings into
// the generated CreateConversionSettings body, and the generated ConversionOutput into the public
// AssetConversion union.
import type {
  ConversionInputSettings,
  ConversionOutput,
  ConversionOutputSettings,
  ConversionSettingsOutput,
  CreateConversionSettings,
} from "../../generated/remoteRendering/index.js";
import type {
  AssetConversion,
  AssetConversionBase,
  AssetConversionInputSettings,
  AssetConversionOutputSettings,
  AssetConversionSettings,
  AssetConversionStatus,
} from "../models/assetConversion.js";
import { RemoteRenderingServiceError, toErrorDetail } from "../errors/remoteRenderingServiceError.js";
import { parseServiceTime } from "./serviceTime.js";
import {
  validateNonEmptyString,
  validateOutputAssetFilename,
  validateStorageContainerUrl,
} from "../validation.js";
import type { Unchecked } from "./wireReaders.js";
import {
  malformedResponse,
  optionalRecord,
  optionalString,
  requireRecord,
  requireStringField,
} from "./wireReaders.js";

function optionalText(name: string, value: unknown, form: string): string | undefined {
  return value === undefined ? undefined : validateNonEmptyString(name, value, form);
}

/**
 * Checks conversion settings and builds the request body. Throws TypeError or RangeError naming the
 * offending setting; no request is sent for bad input.
 */
export function toConversionRequestBody(settings: AssetConversionSettings): CreateConversionSettings {
  if (typeof settings !== "object" || settings === null) {
    throw new TypeError("settings must be an object with inputSettings and outputSettings.");
  }
  const input: unknown = settings.inputSettings;
  const output: unknown = settings.outputSettings;
  if (typeof input !== "object" || input === null) {
    throw new TypeError(
      "settings.inputSettings must be an object with storageContainerUrl and relativeInputAssetPath.",
    );
  }
  if (typeof output !== "object" || output === null) {
    throw new TypeError("settings.outputSettings must be an object with storageContainerUrl.");
  }
  const i = input as Partial<Record<keyof AssetConversionInputSettings, unknown>>;
  const o = output as Partial<Record<keyof AssetConversionOutputSettings, unknown>>;
  const inputLocation: ConversionInputSettings = {
    storageContainerUri: validateStorageContainerUrl(
      "settings.inputSettings.storageContainerUrl",
      i.storageContainerUrl,
      "settings.inputSettings.storageContainerReadListSas",
    ),
    relativeInputAssetPath: validateNonEmptyString(
      "settings.inputSettings.relativeInputAssetPath",
      i.relativeInputAssetPath,
      'a non-empty path such as "house.fbx"',
    ),
  };
  const inputPrefix = optionalText("settings.inputSettings.blobPrefix", i.blobPrefix, "a non-empty prefix");
  const readSas = optionalText(
    "settings.inputSettings.storageContainerReadListSas",
    i.storageContainerReadListSas,
    "a SAS token",
  );
  if (inputPrefix !== undefined) inputLocation.blobPrefix = inputPrefix;
  if (readSas !== undefined) inputLocation.storageContainerReadListSas = readSas;

  const outputLocation: ConversionOutputSettings = {
    storageContainerUri: validateStorageContainerUrl(
      "settings.outputSettings.storageContainerUrl",
      o.storageContainerUrl,
      "settings.outputSettings.storageContainerWriteSas",
    ),
  };
  const outputPrefix = optionalText("settings.outputSettings.blobPrefix", o.blobPrefix, "a non-empty prefix");
  const writeSas = optionalText(
    "settings.outputSettings.storageContainerWriteSas",
    o.storageContainerWriteSas,
    "a SAS token",
  );
  if (outputPrefix !== undefined) outputLocation.blobPrefix = outputPrefix;
  if (o.outputAssetFilename !== undefined) {
    outputLocation.outputAssetFilename = validateOutputAssetFilename(
      "settings.outputSettings.outputAssetFilename",
      o.outputAssetFilename,
    );
  }
  if (writeSas !== undefined) outputLocation.storageContainerWriteSas = writeSas;
  return { settings: { inputLocation, outputLocation } };
}

/**
 * The one place that maps a conversion status from the service to the client's closed set. Every
 * status of the API is listed; anything else is "Unknown".
 */
export function toAssetConversionStatus(serviceStatus: string): AssetConversionStatus {
  switch (serviceStatus) {
    case "NotStarted":
      return "NotStarted";
    case "Running":
      return "Running";
    case "Succeeded":
      return "Succeeded";
    case "Failed":
      return "Failed";
    case "Cancelled":
      return "Cancelled";
    default:
      return "Unknown";
  }
}

/** Reads the settings the service reports; access signatures are never copied into results. */
function settingsFromWire(body: Unchecked<ConversionOutput>, what: string): AssetConversionSettings {
  const settings = requireRecord(body.settings as ConversionOutput["settings"], `the settings of ${what}`);
  const input = requireRecord(
    settings.inputLocation as ConversionSettingsOutput["inputLocation"],
    `the input settings of ${what}`,
  );
  const output = requireRecord(
    settings.outputLocation as ConversionSettingsOutput["outputLocation"],
    `the output settings of ${what}`,
  );
  const inputSettings: AssetConversionInputSettings = {
    storageContainerUrl: requireStringField(input, "storageContainerUri", `the input settings of ${what}`),
    relativeInputAssetPath: requireStringField(
      input,
      "relativeInputAssetPath",
      `the input settings of ${what}`,
    ),
  };
  const inputPrefix = optionalString(input, "blobPrefix");
  if (inputPrefix !== undefined) inputSettings.blobPrefix = inputPrefix;
  const outputSettings: AssetConversionOutputSettings = {
    storageContainerUrl: requireStringField(output, "storageContainerUri", `the output settings of ${what}`),
  };
  const outputPrefix = optionalString(output, "blobPrefix");
  const filename = optionalString(output, "outputAssetFilename");
  if (outputPrefix !== undefined) outputSettings.blobPrefix = outputPrefix;
  if (filename !== undefined) outputSettings.outputAssetFilename = filename;
  return { inputSettings, outputSettings };
}

/**
 * Converts one conversion body into an AssetConversion.
 *
 * @param value - the parsed JSON body: typed as the generated model, checked as untrusted input.
 * @param msCv - the MS-CV of the response, kept on the error of a failed conversion.
 */
export function toAssetConversion(value: ConversionOutput | undefined, msCv?: string): AssetConversion {
  const body = requireRecord(value, "an asset conversion");
  const conversionId = requireStringField(body, "id", "an asset conversion");
  const what = `asset conversion ${JSON.stringify(conversionId)}`;
  const serviceStatus = requireStringField(body, "status", what);
  const base: AssetConversionBase = { conversionId, settings: settingsFromWire(body, what) };
  const createdOn = parseServiceTime(body.creationTime);
  if (createdOn !== undefined) {
    base.createdOn = createdOn;
  }
  const status = toAssetConversionStatus(serviceStatus);
  // Object.assign onto the fresh `base`: faster on Node 20 than `{ ...base, status }` (see sessionFromWire.ts).
  switch (status) {
    case "NotStarted":
    case "Running":
    case "Cancelled":
      return Object.assign(base, { status });
    case "Succeeded": {
      const output = optionalRecord<NonNullable<ConversionOutput["output"]>>(body.output);
      const outputAssetUri = output === undefined ? undefined : optionalString(output, "outputAssetUri");
      if (outputAssetUri === undefined) {
        throw malformedResponse(`${what} Succeeded but has no output.outputAssetUri`);
      }
      return Object.assign(base, { status, outputAssetUri });
    }
    case "Failed": {
      const detail = toErrorDetail(body.error as ConversionOutput["error"]) ?? {
        code: "ConversionFailed",
        message: `The asset conversion ${JSON.stringify(conversionId)} failed without an error description.`,
      };
      return Object.assign(base, { status, error: new RemoteRenderingServiceError(detail, msCv) });
    }
    case "Unknown":
      return Object.assign(base, { status, serviceStatus });
  }
}
