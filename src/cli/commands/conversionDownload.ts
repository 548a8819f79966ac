// `arr conversion download ID --to FOLDER`: fetches what a succeeded conversion produced: the
// asset and the files next to it that share its name (the result summary and log), keeping their
// names. Storage is reached as for uploads (local emulator, connection string, or Entra ID).
import { promises as fs } from "node:fs";
import path from "node:path";
import { OperationFailedError, UsageError } from "../cliErrors.js";
import type { CommandContext } from "../commandContext.js";
import { containerClientFor } from "../storage/containerAccess.js";
import { uploadInput } from "../storage/conversionUpload.js";

interface DownloadOptions {
  to: string;
  storageConnectionString?: string;
}

export async function downloadConversion(context: CommandContext, conversionId: string): Promise<void> {
  const options = context.local<DownloadOptions>();
  const connection = await context.connect();
  try {
    const conversion = await connection.client.getConversion(conversionId);
    if (conversion.status !== "Succeeded") {
      throw new OperationFailedError(
        `Conversion ${conversionId} is ${conversion.status}; only a Succeeded conversion has output to download.`,
      );
    }
    const containerUrl = conversion.settings.outputSettings.storageContainerUrl.replace(/\/+$/, "");
    const assetUri = conversion.outputAssetUri;
    if (!assetUri.startsWith(`${containerUrl}/`)) {
      throw new UsageError(`The output asset ${assetUri} is not in the output container ${containerUrl}.`);
    }
    const assetBlob = decodeURIComponent(assetUri.slice(containerUrl.length + 1));
    const stem = assetBlob.replace(/\.arrAsset$/i, "");
    const connectionString =
      options.storageConnectionString ?? context.io.env["AZURE_STORAGE_CONNECTION_STRING"];
    const container = containerClientFor(containerUrl, {
      local: connection.localStorage,
      connectionString: connectionString?.trim() || undefined,
    });
    await fs.mkdir(options.to, { recursive: true });
    const written: string[] = [];
    for await (const blob of container.listBlobsFlat({ prefix: `${stem}.` })) {
      const target = path.join(options.to, path.basename(blob.name));
      await container.getBlobClient(blob.name).downloadToFile(target);
      written.push(target);
    }
    if (context.json) context.printJson({ id: conversionId, files: written });
    else context.print(written.map((file) => `${file}\n`).join(""));
  } finally {
    await connection.close();
  }
}

/** `arr conversion upload --input PATH`: only the upload step (Conversion.ps1 -Upload). */
export async function uploadOnly(context: CommandContext): Promise<void> {
  const options = context.local<{
    input?: string;
    inputAsset?: string;
    inputContainer?: string;
    outputContainer?: string;
    blobPrefix?: string;
    storageConnectionString?: string;
  }>();
  const localInput = options.input ?? context.configFile().conversion.localAssetDirectory;
  if (localInput === undefined) {
    throw new UsageError("Missing --input FILE|FOLDER (or localAssetDirectoryPath in the config file).");
  }
  const connection = await context.connect({ storage: true });
  try {
    const done = await uploadInput(
      context,
      connection,
      {
        ...options,
        inputAsset: options.inputAsset ?? ".",
        ...(options.inputContainer !== undefined && options.outputContainer === undefined
          ? { outputContainer: options.inputContainer }
          : {}),
      },
      localInput,
    );
    const view = {
      inputContainerUrl: done.inputContainer.url,
      blobPrefix: done.blobPrefix ?? null,
      uploaded: done.uploaded,
      skipped: done.skipped,
    };
    if (context.json) context.printJson(view);
    else context.print(`${done.inputContainer.url}\n`);
  } finally {
    await connection.close();
  }
}
