// The files an emulated conversion leaves in the output container (pure: names and contents).
// The service wrote the converted `.arrAsset`, a `<name>.result.json` summary and a log next to it;
// the emulator writes the same three names, with contents of its own format:
//   <prefix><name>.arrAsset          JSON: format tag, conversion id, input blob and its size
//   <prefix><name>.result.json       JSON: status, error (if any), input and output blob names
//   <prefix><name>.conversion.log    plain text, one line per step
import { fileNameOf } from "../operations/conversionRules.js";
import type { WireConversionSettings, WireError } from "../operations/wireTypes.js";

/** Format tag at the start of every asset file the emulator writes. */
export const EMULATOR_ASSET_FORMAT = "remote-rendering-client/emulator-asset@1";

export interface ConversionOutputFacts {
  conversionId: string;
  settings: WireConversionSettings;
  /** The input blob's URL, without any shared access signature. */
  inputBlobUrl: string;
  inputSizeInBytes: number | undefined;
  startedAt: string;
  finishedAt: string;
  error: WireError | null;
}

export interface OutputBlobNames {
  asset: string;
  result: string;
  log: string;
}

/** Blob name of the input model: input prefix, then the relative path. */
export function inputBlobName(settings: WireConversionSettings): string {
  const input = settings.inputLocation;
  return `${input.blobPrefix ?? ""}${input.relativeInputAssetPath}`;
}

/** Blob names of the three output files, under the output prefix. */
export function outputBlobNames(settings: WireConversionSettings): OutputBlobNames {
  const output = settings.outputLocation;
  const prefix = output.blobPrefix ?? "";
  const assetName = output.outputAssetFilename;
  const stem = assetName.replace(/\.arrAsset$/i, "");
  return {
    asset: `${prefix}${assetName}`,
    result: `${prefix}${stem}.result.json`,
    log: `${prefix}${stem}.conversion.log`,
  };
}

export function assetFileContent(facts: ConversionOutputFacts): string {
  return (
    JSON.stringify(
      {
        format: EMULATOR_ASSET_FORMAT,
        conversionId: facts.conversionId,
        input: {
          blobUrl: facts.inputBlobUrl,
          relativeInputAssetPath: facts.settings.inputLocation.relativeInputAssetPath,
          sizeInBytes: facts.inputSizeInBytes ?? null,
        },
        convertedAt: facts.finishedAt,
      },
      null,
      2,
    ) + "\n"
  );
}

export function resultFileContent(facts: ConversionOutputFacts): string {
  const names = outputBlobNames(facts.settings);
  return (
    JSON.stringify(
      {
        conversionId: facts.conversionId,
        status: facts.error === null ? "Succeeded" : "Failed",
        error: facts.error,
        input: { blobUrl: facts.inputBlobUrl, sizeInBytes: facts.inputSizeInBytes ?? null },
        output: facts.error === null ? { asset: names.asset } : null,
        startedAt: facts.startedAt,
        finishedAt: facts.finishedAt,
      },
      null,
      2,
    ) + "\n"
  );
}

export function conversionLogContent(facts: ConversionOutputFacts, detail: string): string {
  const inputName = fileNameOf(facts.settings.inputLocation.relativeInputAssetPath);
  const lines = [
    `${facts.startedAt} conversion ${facts.conversionId} started (Remote Rendering emulator)`,
    `${facts.startedAt} input: ${facts.inputBlobUrl}`,
    facts.inputSizeInBytes === undefined
      ? `${facts.finishedAt} error: ${detail}`
      : `${facts.finishedAt} read ${inputName}: ${facts.inputSizeInBytes} bytes`,
    facts.error === null
      ? `${facts.finishedAt} wrote ${outputBlobNames(facts.settings).asset}; conversion succeeded`
      : `${facts.finishedAt} conversion failed: ${facts.error.code}: ${facts.error.message}`,
  ];
  return lines.join("\n") + "\n";
}
