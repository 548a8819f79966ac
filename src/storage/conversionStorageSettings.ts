// Conversion settings for containers the caller can reach with the storage SDK: the input and
// output locations, with a read/list SAS on the input and a write SAS on the output (unless the
// storage account is linked to the Remote Rendering account and `sas` is false).
import type { ContainerClient } from "@azure/storage-blob";
import type { AssetConversionSettings } from "../index.js";
import { createContainerSas, validateLifetime } from "./sharedAccessSignatures.js";

export interface ConversionStorageSettingsOptions {
  /** Container holding the input model. */
  inputContainer: ContainerClient;
  /** Path of the model relative to `inputBlobPrefix`, e.g. "robot.fbx". */
  relativeInputAssetPath: string;
  inputBlobPrefix?: string;
  /** Container receiving the output. */
  outputContainer: ContainerClient;
  outputBlobPrefix?: string;
  /** File name of the converted asset (NAME.arrAsset); the service derives one by default. */
  outputAssetFilename?: string;
  /** Whether to add SAS tokens (true by default); false when the storage account is linked. */
  sas?: boolean;
  /** Lifetime of the SAS tokens in minutes; 120 by default, at most 10080. */
  sasExpiresInMinutes?: number;
}

/** Builds AssetConversionSettings for beginConversion, with least-privilege SAS tokens. */
export async function createConversionStorageSettings(
  options: ConversionStorageSettingsOptions,
): Promise<AssetConversionSettings> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      "options must be an object { inputContainer, relativeInputAssetPath, outputContainer, ... }.",
    );
  }
  const { inputContainer, outputContainer, relativeInputAssetPath } = options;
  if (typeof relativeInputAssetPath !== "string" || relativeInputAssetPath === "") {
    throw new TypeError('options.relativeInputAssetPath must be a non-empty path such as "robot.fbx".');
  }
  const lifetime = validateLifetime("options.sasExpiresInMinutes", options.sasExpiresInMinutes);
  const withSas = options.sas ?? true;
  const sasOptions = { expiresInMinutes: lifetime };
  const readListSas = withSas ? await createContainerSas(inputContainer, "rl", sasOptions) : undefined;
  const writeSas = withSas ? await createContainerSas(outputContainer, "w", sasOptions) : undefined;
  return {
    inputSettings: {
      storageContainerUrl: inputContainer.url,
      relativeInputAssetPath,
      ...(options.inputBlobPrefix !== undefined ? { blobPrefix: options.inputBlobPrefix } : {}),
      ...(readListSas !== undefined ? { storageContainerReadListSas: readListSas } : {}),
    },
    outputSettings: {
      storageContainerUrl: outputContainer.url,
      ...(options.outputBlobPrefix !== undefined ? { blobPrefix: options.outputBlobPrefix } : {}),
      ...(options.outputAssetFilename !== undefined
        ? { outputAssetFilename: options.outputAssetFilename }
        : {}),
      ...(writeSas !== undefined ? { storageContainerWriteSas: writeSas } : {}),
    },
  };
}

/**
 * A URL with a read-only SAS for one blob, such as the produced asset (`outputAssetUri` of a
 * succeeded conversion, in `container`). The SAS lives `expiresInMinutes` (120 by default).
 */
export async function createBlobReadUrl(
  container: ContainerClient,
  blobUrl: string,
  options: { expiresInMinutes?: number } = {},
): Promise<string> {
  const prefix = `${container.url.replace(/\/+$/, "")}/`;
  if (typeof blobUrl !== "string" || !blobUrl.startsWith(prefix)) {
    throw new RangeError(`blobUrl must be the URL of a blob in ${container.url}; got ${String(blobUrl)}.`);
  }
  const blobName = decodeURIComponent(blobUrl.slice(prefix.length));
  const sas = await createContainerSas(container, "r", {
    blobName,
    ...(options.expiresInMinutes !== undefined ? { expiresInMinutes: options.expiresInMinutes } : {}),
  });
  return `${blobUrl}?${sas}`;
}
