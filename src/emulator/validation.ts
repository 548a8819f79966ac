// Validation of path parameters and request bodies. Each problem names its field in `target`;
// when a body has several problems the first is reported and all of them are listed in `details`.
import {
  SUPPORTED_INPUT_EXTENSIONS,
  defaultOutputAssetFilename,
  extensionOf,
  fileNameOf,
  normalizeBlobPrefix,
} from "./conversionRules";
import { badRequest } from "./errors";
import type { WireConversionSettings, WireError, WireSessionSize } from "./wireTypes";

export const RESOURCE_ID_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;
export const ACCOUNT_ID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const MAX_LEASE_TIME_IN_MINUTES = 1440;
const SESSION_SIZES: readonly WireSessionSize[] = ["Standard", "Premium"];

export function validateAccountIdParameter(value: string): void {
  if (!ACCOUNT_ID_PATTERN.test(value)) {
    throw badRequest(
      "The account_id value must be a UUID such as 30ea64bd-100f-4bf0-adc9-29fa45d4880c.",
      "account_id",
    );
  }
}

export function validateResourceIdParameter(value: string, name: "session_id" | "conversion_id"): void {
  if (!RESOURCE_ID_PATTERN.test(value)) {
    throw badRequest(
      `The ${name} value must be 1 to 256 characters, each a letter, a digit, '-' or '_'.`,
      name,
    );
  }
}

class Problems {
  readonly list: WireError[] = [];
  add(target: string, message: string): void {
    this.list.push({ code: "BadRequest", message, target });
  }
  throwIfAny(): void {
    const first = this.list[0];
    if (first === undefined) return;
    throw badRequest(first.message, first.target ?? undefined, this.list.length > 1 ? this.list : undefined);
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function requireBodyObject(body: unknown): Record<string, unknown> {
  const object = asObject(body);
  if (object === undefined) throw badRequest("The request body must be a JSON object.", "body");
  return object;
}

function checkLease(problems: Problems, value: unknown): number | undefined {
  const name = "maxLeaseTimeMinutes";
  if (value === undefined || value === null) {
    problems.add(name, `The ${name} field is required.`);
  } else if (typeof value !== "number" || !Number.isInteger(value)) {
    problems.add(name, `The ${name} value must be an integer from 0 to ${MAX_LEASE_TIME_IN_MINUTES}.`);
  } else if (value < 0) {
    problems.add(name, `The ${name} value cannot be negative.`);
  } else if (value > MAX_LEASE_TIME_IN_MINUTES) {
    problems.add(name, `The ${name} value cannot be larger than ${MAX_LEASE_TIME_IN_MINUTES}.`);
  } else {
    return value;
  }
  return undefined;
}

export function parseCreateSessionBody(body: unknown): {
  size: WireSessionSize;
  maxLeaseTimeMinutes: number;
} {
  const object = requireBodyObject(body);
  const problems = new Problems();
  const maxLeaseTimeMinutes = checkLease(problems, object["maxLeaseTimeMinutes"]);
  const size = object["size"];
  if (size === undefined || size === null) {
    problems.add("size", "The size field is required.");
  } else if (!SESSION_SIZES.includes(size as WireSessionSize)) {
    problems.add("size", "The size value must be Standard or Premium.");
  }
  problems.throwIfAny();
  return { size: size as WireSessionSize, maxLeaseTimeMinutes: maxLeaseTimeMinutes as number };
}

/** Range checks only; "larger than the current lease" is checked against the stored session. */
export function parseUpdateSessionBody(body: unknown): { maxLeaseTimeMinutes: number } {
  const object = requireBodyObject(body);
  const problems = new Problems();
  const maxLeaseTimeMinutes = checkLease(problems, object["maxLeaseTimeMinutes"]);
  problems.throwIfAny();
  return { maxLeaseTimeMinutes: maxLeaseTimeMinutes as number };
}

export interface ParsedConversionRequest {
  settings: WireConversionSettings;
  /** Host names of the input and output storage accounts. */
  inputStorageHost: string;
  outputStorageHost: string;
  hasReadListSas: boolean;
  hasWriteSas: boolean;
}

function checkContainerUri(problems: Problems, target: string, value: unknown): string | undefined {
  if (typeof value !== "string" || value === "") {
    problems.add(target, `The ${target} field is required.`);
    return undefined;
  }
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") return value;
  } catch {
    // reported below
  }
  problems.add(target, `The ${target} value must be an absolute http or https URI.`);
  return undefined;
}

function checkOptionalString(problems: Problems, target: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  problems.add(target, `The ${target} value must be a string.`);
  return undefined;
}

export function parseCreateConversionBody(body: unknown): ParsedConversionRequest {
  const object = requireBodyObject(body);
  const problems = new Problems();
  const settings = asObject(object["settings"]);
  if (settings === undefined) {
    problems.add("settings", "The settings field is required and must be an object.");
    problems.throwIfAny();
  }
  const input = asObject(settings?.["inputLocation"]);
  const output = asObject(settings?.["outputLocation"]);
  if (input === undefined)
    problems.add("settings.inputLocation", "The settings.inputLocation field is required.");
  if (output === undefined)
    problems.add("settings.outputLocation", "The settings.outputLocation field is required.");
  problems.throwIfAny();
  const inPath = "settings.inputLocation";
  const outPath = "settings.outputLocation";
  const inputUri = checkContainerUri(
    problems,
    `${inPath}.storageContainerUri`,
    input?.["storageContainerUri"],
  );
  const readSas = checkOptionalString(
    problems,
    `${inPath}.storageContainerReadListSas`,
    input?.["storageContainerReadListSas"],
  );
  const inputPrefix = checkOptionalString(problems, `${inPath}.blobPrefix`, input?.["blobPrefix"]);
  const assetTarget = `${inPath}.relativeInputAssetPath`;
  const assetPath = input?.["relativeInputAssetPath"];
  if (typeof assetPath !== "string" || assetPath === "") {
    problems.add(assetTarget, `The ${assetTarget} field is required.`);
  } else if (!SUPPORTED_INPUT_EXTENSIONS.includes(extensionOf(fileNameOf(assetPath)))) {
    problems.add(
      assetTarget,
      `The ${assetTarget} value must name a file ending in one of ${SUPPORTED_INPUT_EXTENSIONS.join(", ")}.`,
    );
  }
  const outputUri = checkContainerUri(
    problems,
    `${outPath}.storageContainerUri`,
    output?.["storageContainerUri"],
  );
  const writeSas = checkOptionalString(
    problems,
    `${outPath}.storageContainerWriteSas`,
    output?.["storageContainerWriteSas"],
  );
  const outputPrefix = checkOptionalString(problems, `${outPath}.blobPrefix`, output?.["blobPrefix"]);
  const nameTarget = `${outPath}.outputAssetFilename`;
  const outputName = checkOptionalString(problems, nameTarget, output?.["outputAssetFilename"]);
  if (outputName !== undefined && (!outputName.endsWith(".arrAsset") || outputName.includes("/"))) {
    problems.add(nameTarget, `The ${nameTarget} value must be a file name ending in '.arrAsset'.`);
  }
  problems.throwIfAny();
  const relativeInputAssetPath = assetPath as string;
  const normalizedInputPrefix = normalizeBlobPrefix(inputPrefix);
  const normalizedOutputPrefix = normalizeBlobPrefix(outputPrefix);
  return {
    settings: {
      inputLocation: {
        storageContainerUri: inputUri as string,
        ...(normalizedInputPrefix === undefined ? {} : { blobPrefix: normalizedInputPrefix }),
        relativeInputAssetPath,
      },
      outputLocation: {
        storageContainerUri: outputUri as string,
        ...(normalizedOutputPrefix === undefined ? {} : { blobPrefix: normalizedOutputPrefix }),
        outputAssetFilename:
          outputName === undefined || outputName === ""
            ? defaultOutputAssetFilename(relativeInputAssetPath)
            : outputName,
      },
    },
    inputStorageHost: new URL(inputUri as string).hostname.toLowerCase(),
    outputStorageHost: new URL(outputUri as string).hostname.toLowerCase(),
    hasReadListSas: readSas !== undefined && readSas !== "",
    hasWriteSas: writeSas !== undefined && writeSas !== "",
  };
}
