// `arr conversion start`: like Conversion.ps1. With --input (a local file or folder) it uploads the
// model first, then creates the conversion with least-privilege SAS tokens; with container URLs only
// it converts what is already in storage. Unless --no-wait it waits with a progress line and prints
// the result, with a read-only SAS URL of the produced asset when it can sign one.
import { randomUUID } from "node:crypto";
import type { AssetConversionSettings } from "../../index.js";
import { OperationFailedError, UsageError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { ExitCode } from "../exitCodes.js";
import { followUpCommand } from "./followUpCommand.js";
import { existsSync } from "node:fs";
import { outputSignerFor, prepareUpload } from "../storage/conversionUpload.js";
import { printConversion, waitOnConversion, type OutputSigner } from "./conversionWait.js";

export interface ConversionOptions {
  id?: string;
  input?: string;
  inputAsset?: string;
  inputContainer?: string;
  outputContainer?: string;
  inputSas?: string;
  outputSas?: string;
  blobPrefix?: string;
  outputBlobPrefix?: string;
  outputName?: string;
  wait: boolean;
  pollInterval?: number;
  /** false with --no-sas. */
  sas: boolean;
  sasExpiry?: number;
  storageConnectionString?: string;
}

/** Conversion settings from the flags, falling back to the config file. */
export function conversionSettings(
  options: ConversionOptions,
  context: CommandContext,
): AssetConversionSettings {
  const defaults = context.configFile().conversion;
  const inputContainer = options.inputContainer ?? defaults.inputContainerUrl;
  const input = options.inputAsset ?? defaults.inputAssetPath;
  const outputContainer = options.outputContainer ?? defaults.outputContainerUrl;
  const missing = [
    inputContainer === undefined ? "--input-container URL" : undefined,
    input === undefined ? "--input-asset PATH" : undefined,
    outputContainer === undefined ? "--output-container URL" : undefined,
  ].filter((flag) => flag !== undefined);
  if (inputContainer === undefined || input === undefined || outputContainer === undefined) {
    throw new UsageError(
      `Missing ${missing.join(", ")} (or the matching assetConversionSettings in the config file), ` +
        "or give --input FILE|FOLDER to upload a model.",
    );
  }
  const blobPrefix = options.blobPrefix ?? defaults.inputBlobPrefix;
  const outputBlobPrefix = options.outputBlobPrefix ?? defaults.outputBlobPrefix;
  const outputName = options.outputName ?? defaults.outputAssetName;
  if (outputName !== undefined && !outputName.endsWith(".arrAsset")) {
    throw new UsageError(`The output asset name "${outputName}" must end with .arrAsset.`);
  }
  return {
    inputSettings: {
      storageContainerUrl: inputContainer,
      relativeInputAssetPath: input,
      ...(blobPrefix !== undefined ? { blobPrefix } : {}),
      ...(options.inputSas !== undefined ? { storageContainerReadListSas: options.inputSas } : {}),
    },
    outputSettings: {
      storageContainerUrl: outputContainer,
      ...(outputBlobPrefix !== undefined ? { blobPrefix: outputBlobPrefix } : {}),
      ...(outputName !== undefined ? { outputAssetFilename: outputName } : {}),
      ...(options.outputSas !== undefined ? { storageContainerWriteSas: options.outputSas } : {}),
    },
  };
}

/**
 * The config file's localAssetDirectoryPath, when that folder exists here; otherwise (a path of
 * another machine, as in many copied arrconfig.json files) a note, and nothing is uploaded.
 */
function configuredFolder(context: CommandContext): string | undefined {
  const folder = context.configFile().conversion.localAssetDirectory;
  if (folder === undefined) return undefined;
  if (existsSync(folder)) return folder;
  context.note(`localAssetDirectoryPath ${folder} does not exist here: nothing is uploaded.`);
  return undefined;
}

export async function startConversion(context: CommandContext): Promise<ExitCode> {
  const options = context.local<ConversionOptions>();
  const localInput = options.input ?? configuredFolder(context);
  const conversionId = options.id ?? randomUUID();
  // Without --input the settings are checked before connecting (nothing starts for bad flags).
  const plain = localInput === undefined ? conversionSettings(options, context) : undefined;
  const connection = await context.connect({ storage: localInput !== undefined });
  const interrupt = new AbortController();
  const removeHandler = context.onInterrupt(() => interrupt.abort());
  try {
    let settings: AssetConversionSettings;
    let signOutput: OutputSigner | undefined;
    if (plain !== undefined || localInput === undefined) {
      settings = plain ?? conversionSettings(options, context);
      signOutput = outputSignerFor(context, connection, options);
    } else {
      const prepared = await prepareUpload(context, connection, options, localInput);
      settings = prepared.settings;
      signOutput = prepared.signOutput;
    }
    const client = connection.client;
    const poller = client.beginConversion(conversionId, settings, {
      abortSignal: interrupt.signal,
      ...(options.pollInterval !== undefined ? { intervalInMs: options.pollInterval * 1000 } : {}),
    });
    try {
      await poller.submitted();
    } catch (error) {
      if (interrupt.signal.aborted) {
        context.note(`Interrupted before conversion ${conversionId} was confirmed.`);
        return ExitCode.Interrupted;
      }
      if (poller.operationState?.status === "failed") {
        throw new OperationFailedError(
          `Conversion ${conversionId} did not succeed: ${(error as Error).message}`,
          error,
        );
      }
      throw error;
    }
    if (!options.wait) {
      await printConversion(
        context,
        poller.operationState?.latestResponse ?? (await client.getConversion(conversionId)),
      );
      if (!context.json) {
        context.note(
          `Not waiting. Check on it with: ${followUpCommand(context, "conversion get", conversionId)}` +
            `\nor wait for it with: ${followUpCommand(context, "conversion wait", conversionId)}`,
        );
      }
      return ExitCode.Success;
    }
    return await waitOnConversion(context, { conversionId, poller, interrupt, signOutput });
  } finally {
    removeHandler();
    await connection.close();
  }
}
