// `arr conversion ...`: start, get, list (like Conversion.ps1, without the upload step).
import type { Command } from "commander";
import {
  parseBlobPath,
  containerUrlParser,
  parseOutputAssetName,
  parsePollIntervalInSeconds,
  parseResourceId,
  parseSasToken,
} from "../parseOptionValues.js";
import type { ActionFactory } from "../commandContext.js";
import { getConversion, listConversions } from "./conversionQueries.js";
import { startConversion } from "./conversionStart.js";

export function registerConversionCommands(program: Command, action: ActionFactory): void {
  const conversion = program
    .command("conversion")
    .description("convert models in blob storage to .arrAsset files (like Conversion.ps1)");

  conversion
    .command("start")
    .description(
      "start a conversion and wait until it finishes, showing its status; then print the output asset URL.\n" +
        "Ctrl-C stops waiting; the conversion goes on. Values missing here come from --config.",
    )
    .option("--id <id>", "conversion id (default: a new UUID)", parseResourceId)
    .option(
      "--input-container <url>",
      "https URL of the blob container holding the model (no SAS in it: use --input-sas)",
      containerUrlParser("--input-container", "--input-sas"),
    )
    .option("--input <path>", "path of the model in the input container (after --blob-prefix)", parseBlobPath)
    .option(
      "--output-container <url>",
      "https URL of the blob container receiving the output (no SAS in it: use --output-sas)",
      containerUrlParser("--output-container", "--output-sas"),
    )
    .option(
      "--input-sas <token>",
      "SAS token with read and list rights on the input container",
      parseSasToken,
    )
    .option("--output-sas <token>", "SAS token with write rights on the output container", parseSasToken)
    .option("--blob-prefix <prefix>", "only input blobs under this prefix are read", parseBlobPath)
    .option("--output-blob-prefix <prefix>", "folder prepended to every output blob", parseBlobPath)
    .option("--output-name <name>", "file name of the converted asset, NAME.arrAsset", parseOutputAssetName)
    .option("--no-wait", "return as soon as the conversion is created")
    .option(
      "--poll-interval <seconds>",
      "seconds between status requests while waiting (default 10, or the service's Retry-After)",
      parsePollIntervalInSeconds,
    )
    .action(action((context) => startConversion(context)));

  conversion
    .command("get")
    .description("show a conversion")
    .argument("<id>", "conversion id", parseResourceId)
    .action(action((context, id) => getConversion(context, id as string)));

  conversion
    .command("list")
    .description("list the account's conversions")
    .action(action((context) => listConversions(context)));
}
