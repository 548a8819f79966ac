// Validation of CreateConversion bodies, and the normalized settings the emulator keeps.
import {
  SUPPORTED_INPUT_EXTENSIONS,
  defaultOutputAssetFilename,
  extensionOf,
  fileNameOf,
  normalizeBlobPrefix,
} from "./conversionRules.js";
import { Problems, asObject, requireBodyObject } from "./bodyProblems.js";
import type { WireConversionSettings } from "./wireTypes.js";

export interface ParsedConversionRequest {
  settings: WireConversionSettings;
  /** Host names of the input and output storage accounts. */
  inputStorageHost: string;
  outputStorageHost: string;
  hasReadListSas: boolean;
  hasWriteSas: boolean;
  /** The signatures themselves, for the emulator's own blob service (kept in memory only). */
  inputSas: string | undefined;
  outputSas: string | undefined;
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
        outputAssetFilename: outputName ?? defaultOutputAssetFilename(relativeInputAssetPath),
      },
    },
    inputStorageHost: new URL(inputUri as string).hostname.toLowerCase(),
    outputStorageHost: new URL(outputUri as string).hostname.toLowerCase(),
    hasReadListSas: readSas !== undefined && readSas !== "",
    hasWriteSas: writeSas !== undefined && writeSas !== "",
    inputSas: readSas === "" ? undefined : readSas,
    outputSas: writeSas === "" ? undefined : writeSas,
  };
}
