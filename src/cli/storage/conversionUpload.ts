// The upload step of `arr conversion start --input PATH` (Conversion.ps1's upload): picks the
// containers (flags, config file, or the local emulator's `arrinput`/`arroutput`), creates them if
// needed, uploads the file or folder (parallel, MD5-skipping, with progress), and builds settings
// with least-privilege SAS tokens of bounded lifetime. Also signs read URLs of produced assets.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { ContainerClient } from "@azure/storage-blob";
import type { AssetConversionSettings } from "../../index.js";
import { UsageError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import type { ConversionOptions } from "../commands/conversionStart.js";
import type { OutputSigner } from "../commands/conversionWait.js";
import type { Connection } from "../connect/openConnection.js";
import { formatBytes } from "../output/formatTable.js";
import { storageHelpers } from "../lazyModules.js";
import {
  LOCAL_INPUT_CONTAINER,
  LOCAL_OUTPUT_CONTAINER,
  containerClientFor,
  localContainerUrl,
  type StorageCredentials,
} from "./containerAccess.js";

/** Input formats of the service, to find the model in a folder when --input-asset is not given. */
const MODEL_EXTENSIONS = [".fbx", ".gltf", ".glb", ".e57", ".ply", ".xyz", ".las", ".laz"];

export interface PreparedStorage {
  settings: AssetConversionSettings;
  signOutput: OutputSigner | undefined;
}

function credentialsOf(
  context: CommandContext,
  connection: Connection,
  options: Partial<ConversionOptions>,
): StorageCredentials {
  const connectionString =
    options.storageConnectionString ?? context.io.env["AZURE_STORAGE_CONNECTION_STRING"];
  return { local: connection.localStorage, connectionString: connectionString?.trim() || undefined };
}

/**
 * A signer of read-only asset URLs, when this command holds a key for the output container (the
 * local emulator's blob service or a connection string), or `entra` allows Microsoft Entra ID.
 */
export function outputSignerFor(
  context: CommandContext,
  connection: Connection,
  options: Partial<ConversionOptions>,
  entra = false,
): OutputSigner | undefined {
  const credentials = credentialsOf(context, connection, options);
  if (!entra && credentials.local === undefined && credentials.connectionString === undefined)
    return undefined;
  return async (conversion) => {
    const containerUrl = conversion.settings.outputSettings.storageContainerUrl;
    const container = containerClientFor(containerUrl, credentials);
    if (!entra && !("accountName" in container.credential)) return undefined;
    return storageHelpers().createBlobReadUrl(container, conversion.outputAssetUri, {
      ...(options.sasExpiry !== undefined ? { expiresInMinutes: options.sasExpiry } : {}),
    });
  };
}

async function findModels(folder: string, prefix = ""): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) found.push(...(await findModels(path.join(folder, entry.name), `${relative}/`)));
    else if (MODEL_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) found.push(relative);
  }
  return found.sort();
}

async function chooseInputAsset(
  localInput: string,
  isFile: boolean,
  given: string | undefined,
): Promise<string> {
  if (given !== undefined) return given;
  if (isFile) return path.basename(localInput);
  const models = await findModels(localInput);
  if (models.length === 1 && models[0] !== undefined) return models[0];
  throw new UsageError(
    models.length === 0
      ? `--input ${localInput}: no model file (${MODEL_EXTENSIONS.join(", ")}) in the folder; name it with --input-asset.`
      : `--input ${localInput} holds several models (${models.join(", ")}); choose one with --input-asset.`,
  );
}

export interface UploadedInput {
  inputContainer: ContainerClient;
  outputContainer: ContainerClient;
  inputAsset: string;
  blobPrefix: string | undefined;
  uploaded: string[];
  skipped: string[];
}

/** Picks the containers, creates them if needed, and uploads `localInput` (Conversion.ps1 -Upload). */
export async function uploadInput(
  context: CommandContext,
  connection: Connection,
  options: Partial<ConversionOptions>,
  localInput: string,
): Promise<UploadedInput> {
  const defaults = context.configFile().conversion;
  let stat;
  try {
    stat = await fs.stat(localInput);
  } catch {
    throw new UsageError(`--input ${localInput}: no such file or folder.`);
  }
  const inputAsset = await chooseInputAsset(
    localInput,
    stat.isFile(),
    options.inputAsset ?? defaults.inputAssetPath,
  );
  if (
    !stat.isFile() &&
    !(await fs.stat(path.join(localInput, inputAsset)).then(
      () => true,
      () => false,
    ))
  ) {
    context.note(`Note: ${inputAsset} is not in ${localInput}; the conversion will not find it.`);
  }
  const credentials = credentialsOf(context, connection, options);
  const local = credentials.local;
  const containerUrl = (given: string | undefined, fallback: string, flag: string): string => {
    if (given !== undefined) return given;
    if (local !== undefined) return localContainerUrl(local, fallback);
    throw new UsageError(
      `Missing ${flag} URL (or storageAccountName and the container names in the config file) to upload to.`,
    );
  };
  const inputUrl = containerUrl(
    options.inputContainer ?? defaults.inputContainerUrl,
    LOCAL_INPUT_CONTAINER,
    "--input-container",
  );
  const outputUrl = containerUrl(
    options.outputContainer ?? defaults.outputContainerUrl,
    LOCAL_OUTPUT_CONTAINER,
    "--output-container",
  );
  const inputContainer = containerClientFor(inputUrl, credentials);
  const outputContainer = containerClientFor(outputUrl, credentials);
  await inputContainer.createIfNotExists();
  await outputContainer.createIfNotExists();

  const blobPrefix = options.blobPrefix ?? defaults.inputBlobPrefix;
  const helpers = storageHelpers();
  const progress = context.progress();
  const live = context.stderrStyle.live;
  let result;
  try {
    result = await helpers.uploadFolder(inputContainer, localInput, {
      ...(blobPrefix !== undefined ? { blobPrefix } : {}),
      concurrency: 4,
      onProgress: (event) => {
        if (live) {
          progress.update(
            `Uploading ${event.doneFiles}/${event.totalFiles} files, ${formatBytes(event.doneBytes)} of ${formatBytes(event.totalBytes)}`,
          );
        } else if (event.state !== "uploading") {
          context.note(`${event.state} ${event.blobName}${event.state === "skipped" ? " (unchanged)" : ""}`);
        }
      },
    });
  } finally {
    progress.stop();
  }
  context.note(
    `Uploaded ${result.uploaded.length} file(s), skipped ${result.skipped.length} unchanged ` +
      `(${formatBytes(result.totalBytes)}) to ${inputUrl}${blobPrefix !== undefined ? `/${blobPrefix.replace(/\/+$/, "")}` : ""}.`,
  );
  return {
    inputContainer,
    outputContainer,
    inputAsset,
    blobPrefix,
    uploaded: result.uploaded,
    skipped: result.skipped,
  };
}

export async function prepareUpload(
  context: CommandContext,
  connection: Connection,
  options: ConversionOptions,
  localInput: string,
): Promise<PreparedStorage> {
  const defaults = context.configFile().conversion;
  const { inputContainer, outputContainer, inputAsset, blobPrefix } = await uploadInput(
    context,
    connection,
    options,
    localInput,
  );
  const outputBlobPrefix = options.outputBlobPrefix ?? defaults.outputBlobPrefix;
  const outputName = options.outputName ?? defaults.outputAssetName;
  const settings = await storageHelpers().createConversionStorageSettings({
    inputContainer,
    relativeInputAssetPath: inputAsset,
    outputContainer,
    ...(blobPrefix !== undefined ? { inputBlobPrefix: blobPrefix } : {}),
    ...(outputBlobPrefix !== undefined ? { outputBlobPrefix } : {}),
    ...(outputName !== undefined ? { outputAssetFilename: outputName } : {}),
    sas: options.sas,
    ...(options.sasExpiry !== undefined ? { sasExpiresInMinutes: options.sasExpiry } : {}),
  });
  if (options.inputSas !== undefined) settings.inputSettings.storageContainerReadListSas = options.inputSas;
  if (options.outputSas !== undefined) settings.outputSettings.storageContainerWriteSas = options.outputSas;
  return { settings, signOutput: outputSignerFor(context, connection, options, true) };
}
