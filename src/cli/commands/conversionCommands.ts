// `arr conversion ...`: start (with upload), get, list, wait, download (like Conversion.ps1).
import type { Command } from "commander";
import {
  parseBlobPath,
  containerUrlParser,
  parseOutputAssetName,
  parsePollIntervalInSeconds,
  parseResourceId,
  parseSasLifetimeInMinutes,
  parseSasToken,
} from "../parseOptionValues.js";
import type { ActionFactory } from "../commandContext.js";
import { getConversion, listConversions } from "./conversionQueries.js";
import { startConversion } from "./conversionStart.js";
import { downloadConversion, uploadOnly } from "./conversionDownload.js";
import { waitConversion } from "./conversionWait.js";

export function registerConversionCommands(program: Command, action: ActionFactory): void {
  const conversion = program
    .command("conversion")
    .description("convert models in blob storage to .arrAsset files (like Conversion.ps1)");

  conversion
    .command("start")
    .description(
      "upload a model (--input), start a conversion and wait until it finishes, showing its status;\n" +
        "then print the output asset URL (and a read-only SAS URL of it when storage is reachable).\n" +
        "Without --input it converts a model already in --input-container. Ctrl-C stops waiting;\n" +
        "the conversion goes on. Values missing here come from the config file (arrconfig.json).",
    )
    .option("--id <id>", "conversion id (default: a new UUID)", parseResourceId)
    .option(
      "--input <path>",
      "local model file or folder to upload first (config: localAssetDirectoryPath); with the local\n" +
        "emulator it goes to its blob service (containers arrinput and arroutput)",
    )
    .option(
      "--input-asset <path>",
      "path of the model in the folder / input container, after --blob-prefix (config: inputAssetPath)",
      parseBlobPath,
    )
    .option(
      "--input-container <url>",
      "URL of the blob container holding the model (no SAS in it: use --input-sas)",
      containerUrlParser("--input-container", "--input-sas"),
    )
    .option(
      "--output-container <url>",
      "URL of the blob container receiving the output (no SAS in it: use --output-sas)",
      containerUrlParser("--output-container", "--output-sas"),
    )
    .option(
      "--input-sas <token>",
      "SAS token with read and list rights on the input container",
      parseSasToken,
    )
    .option("--output-sas <token>", "SAS token with write rights on the output container", parseSasToken)
    .option(
      "--blob-prefix <prefix>",
      "input folder in the container (config: inputFolderPath)",
      parseBlobPath,
    )
    .option(
      "--output-blob-prefix <prefix>",
      "folder prepended to every output blob (config: outputFolderPath)",
      parseBlobPath,
    )
    .option("--output-name <name>", "file name of the converted asset, NAME.arrAsset", parseOutputAssetName)
    .option("--no-sas", "with --input: send no SAS tokens (the storage account is linked to the account)")
    .option(
      "--sas-expiry <minutes>",
      "lifetime of the SAS tokens this command creates, 1-10080 (default 120)",
      parseSasLifetimeInMinutes,
    )
    .option(
      "--storage-connection-string <text>",
      "storage account connection string with a key (env AZURE_STORAGE_CONNECTION_STRING);\n" +
        "without one, Microsoft Entra ID is used for storage (user delegation SAS)",
    )
    .option("--no-wait", "return as soon as the conversion is created")
    .option(
      "--poll-interval <seconds>",
      "seconds between status requests while waiting (default 10, or the service's Retry-After)",
      parsePollIntervalInSeconds,
    )
    .action(action((context) => startConversion(context)));

  conversion
    .command("upload")
    .description("only upload a model file or folder to the input container (like Conversion.ps1 -Upload)")
    .option("--input <path>", "local model file or folder (config: localAssetDirectoryPath)")
    .option(
      "--input-container <url>",
      "URL of the input blob container (no SAS in it: use --input-sas)",
      containerUrlParser("--input-container", "--input-sas"),
    )
    .option("--blob-prefix <prefix>", "folder in the container (config: inputFolderPath)", parseBlobPath)
    .option(
      "--storage-connection-string <text>",
      "storage account connection string with a key (env AZURE_STORAGE_CONNECTION_STRING)",
    )
    .action(action((context) => uploadOnly(context)));

  conversion
    .command("get")
    .description("show a conversion")
    .argument("<id>", "conversion id", parseResourceId)
    .action(action((context, id) => getConversion(context, id as string)));

  conversion
    .command("list")
    .description("list the account's conversions")
    .action(action((context) => listConversions(context)));

  conversion
    .command("wait")
    .description("wait for an existing conversion to finish, showing its status (exit codes as for start)")
    .argument("<id>", "conversion id", parseResourceId)
    .option(
      "--poll-interval <seconds>",
      "seconds between status requests (default 10, or the service's Retry-After)",
      parsePollIntervalInSeconds,
    )
    .action(action((context, id) => waitConversion(context, id as string)));

  conversion
    .command("download")
    .description("download the output of a succeeded conversion: the asset and its result and log files")
    .argument("<id>", "conversion id", parseResourceId)
    .requiredOption("--to <folder>", "local folder to write the files to (created if needed)")
    .option(
      "--storage-connection-string <text>",
      "storage account connection string with a key (env AZURE_STORAGE_CONNECTION_STRING)",
    )
    .action(action((context, id) => downloadConversion(context, id as string)));
}
