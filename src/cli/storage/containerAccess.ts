// How the command line reaches blob containers itself (to upload models, sign SAS URLs and
// download results): the local emulator's blob service with its key, a connection string
// (--storage-connection-string or AZURE_STORAGE_CONNECTION_STRING) with an account key, or else
// Microsoft Entra ID (DefaultAzureCredential; SAS tokens are then user delegation SAS).
import type { ContainerClient } from "@azure/storage-blob";
import { UsageError } from "../cliErrors.js";
import type { LocalBlobStorage } from "../connect/localEmulator.js";
import { identityModule, storageBlobModule } from "../lazyModules.js";

export interface StorageCredentials {
  /** The local emulator's blob service, if connected to one. */
  readonly local: LocalBlobStorage | undefined;
  /** A connection string with AccountName and AccountKey, if given. */
  readonly connectionString: string | undefined;
}

/** The default containers in the local emulator's blob service (named as in the scripts' template). */
export const LOCAL_INPUT_CONTAINER = "arrinput";
export const LOCAL_OUTPUT_CONTAINER = "arroutput";

function connectionStringParts(text: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const piece of text.split(";")) {
    const equals = piece.indexOf("=");
    if (equals > 0) parts.set(piece.slice(0, equals).trim().toLowerCase(), piece.slice(equals + 1).trim());
  }
  return parts;
}

function accountOfUrl(url: URL): string {
  const pathAccount = url.pathname.split("/").filter((s) => s !== "")[0];
  const hostStyle = /^([a-z0-9]+)\.blob\./i.exec(url.hostname)?.[1];
  return (hostStyle ?? pathAccount ?? "").toLowerCase();
}

/** A client for the container at `containerUrl`, authenticated as described above. */
export function containerClientFor(containerUrl: string, credentials: StorageCredentials): ContainerClient {
  const { ContainerClient, StorageSharedKeyCredential } = storageBlobModule();
  const local = credentials.local;
  if (local !== undefined && containerUrl.toLowerCase().startsWith(`${local.blobEndpoint.toLowerCase()}/`)) {
    return new ContainerClient(
      containerUrl,
      new StorageSharedKeyCredential(local.accountName, local.accountKey),
    );
  }
  if (credentials.connectionString !== undefined) {
    const parts = connectionStringParts(credentials.connectionString);
    const name = parts.get("accountname");
    const key = parts.get("accountkey");
    if (name === undefined || key === undefined) {
      throw new UsageError("The storage connection string needs AccountName and AccountKey.");
    }
    if (accountOfUrl(new URL(containerUrl)) === name.toLowerCase()) {
      return new ContainerClient(containerUrl, new StorageSharedKeyCredential(name, key));
    }
  }
  return new ContainerClient(containerUrl, new (identityModule().DefaultAzureCredential)());
}

/** `https://{account}.blob.core.windows.net/{container}` for the config file's names. */
export function localContainerUrl(local: LocalBlobStorage, container: string): string {
  return `${local.blobEndpoint}/${container}`;
}
