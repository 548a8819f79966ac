// `arr conversion start`: creates a conversion and, unless --no-wait, waits for it to finish with a
// progress line. Flags win over the config file's assetConversionSettings.
import { randomUUID } from "node:crypto";
import type { AssetConversion, AssetConversionSettings } from "../../index.js";
import { OperationFailedError, UsageError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { ExitCode } from "../exitCodes.js";
import { conversionView, formatConversion } from "../output/conversionView.js";
import { followUpCommand } from "./followUpCommand.js";

interface ConversionOptions {
  id?: string;
  inputContainer?: string;
  input?: string;
  outputContainer?: string;
  inputSas?: string;
  outputSas?: string;
  blobPrefix?: string;
  outputBlobPrefix?: string;
  outputName?: string;
  wait: boolean;
  pollInterval?: number;
}

/** Conversion settings from the flags, falling back to the config file. */
export function conversionSettings(
  options: ConversionOptions,
  context: CommandContext,
): AssetConversionSettings {
  const defaults = context.configFile().conversion;
  const inputContainer = options.inputContainer ?? defaults.inputContainerUrl;
  const input = options.input ?? defaults.inputAssetPath;
  const outputContainer = options.outputContainer ?? defaults.outputContainerUrl;
  const missing = [
    inputContainer === undefined ? "--input-container URL" : undefined,
    input === undefined ? "--input PATH" : undefined,
    outputContainer === undefined ? "--output-container URL" : undefined,
  ].filter((flag) => flag !== undefined);
  if (inputContainer === undefined || input === undefined || outputContainer === undefined) {
    throw new UsageError(
      `Missing ${missing.join(", ")} (or the matching assetConversionSettings in --config).`,
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

export async function startConversion(context: CommandContext): Promise<ExitCode> {
  const options = context.local<ConversionOptions>();
  const settings = conversionSettings(options, context);
  const conversionId = options.id ?? randomUUID();
  const connection = await context.connect();
  const interrupt = new AbortController();
  const removeHandler = context.onInterrupt(() => interrupt.abort());
  const progress = context.progress();
  try {
    const client = connection.client;
    const poller = client.beginConversion(conversionId, settings, {
      abortSignal: interrupt.signal,
      ...(options.pollInterval !== undefined ? { intervalInMs: options.pollInterval * 1000 } : {}),
    });
    poller.onProgress((state) => {
      if (state.latestResponse) progress.update(`Conversion ${conversionId}: ${state.latestResponse.status}`);
    });
    try {
      await poller.submitted();
      if (!options.wait) {
        print(context, poller.operationState?.latestResponse ?? (await client.getConversion(conversionId)));
        if (!context.json) {
          context.note(
            `Not waiting. Check on it with: ${followUpCommand(context, "conversion get", conversionId)}`,
          );
        }
        return ExitCode.Success;
      }
      progress.update(
        `Conversion ${conversionId}: ${poller.operationState?.latestResponse?.status ?? "NotStarted"}`,
      );
      const done = await poller.pollUntilDone({ abortSignal: interrupt.signal });
      progress.stop();
      print(context, done);
      return ExitCode.Success;
    } catch (error) {
      progress.stop();
      if (interrupt.signal.aborted) {
        const check = followUpCommand(context, "conversion get", conversionId);
        if (context.json) context.printJson({ id: conversionId, interrupted: true, checkCommand: check });
        context.note(
          `Interrupted: stopped waiting; conversion ${conversionId} goes on. Check on it with:\n  ${check}`,
        );
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
  } finally {
    progress.stop();
    removeHandler();
    await connection.close();
  }
}

function print(context: CommandContext, conversion: AssetConversion): void {
  const view = conversionView(conversion);
  if (context.json) context.printJson(view);
  else context.print(formatConversion(view, context.stdoutStyle));
}
