// The blob service conversions read and write: Azurite started by the emulator, or an existing
// blob service given by URL. Only containers under its blob endpoint are touched; containers
// elsewhere (such as https://contoso.blob.core.windows.net) keep the emulator's name rule.
import { StorageSharedKeyCredential } from "@azure/storage-blob";
import { startAzurite } from "./azuriteProcess.js";

/** The well-known development account of Azurite (its key is public, like ours). */
export const DEVELOPMENT_STORAGE_ACCOUNT = Object.freeze({
  accountName: "devstoreaccount1",
  accountKey: "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
});

/** Public description of the blob service an emulator uses. */
export interface EmulatorStorageInfo {
  /** Blob endpoint of the storage account, e.g. http://127.0.0.1:41077/devstoreaccount1. */
  readonly blobEndpoint: string;
  readonly accountName: string;
  readonly accountKey: string;
  /** A connection string for Azure Storage clients and tools (Storage Explorer, azcopy). */
  readonly connectionString: string;
  /** True when the emulator started this blob service (Azurite) and stops it on close. */
  readonly startedByEmulator: boolean;
}

/** `storage` option of startEmulator: `true` starts Azurite; an object uses an existing service. */
export type EmulatorStorageOption =
  | boolean
  | {
      /** Blob endpoint of an existing account, e.g. http://127.0.0.1:10000/devstoreaccount1. */
      blobEndpoint: string;
      /** Account key; Azurite's well-known development key by default. */
      accountKey?: string;
      /** Link the served accounts to this storage account (no SAS needed); true by default. */
      linkAccounts?: boolean;
    };

export interface BlobStorage {
  readonly info: EmulatorStorageInfo;
  readonly credential: StorageSharedKeyCredential;
  /** Whether containers of this storage account need no SAS. */
  readonly linked: boolean;
  close(): Promise<void>;
}

/** The account name of a blob endpoint: path style (Azurite: /devstoreaccount1) or host style. */
export function accountNameOf(endpoint: URL): string {
  const [first] = endpoint.pathname.split("/").filter((segment) => segment !== "");
  if (first !== undefined) return first;
  return endpoint.hostname.split(".")[0] ?? endpoint.hostname;
}

function connectionString(blobEndpoint: string, accountName: string, accountKey: string): string {
  const protocol = blobEndpoint.startsWith("https:") ? "https" : "http";
  return (
    `DefaultEndpointsProtocol=${protocol};AccountName=${accountName};AccountKey=${accountKey};` +
    `BlobEndpoint=${blobEndpoint};`
  );
}

function parseBlobEndpoint(value: unknown): URL {
  const form = "storage.blobEndpoint must be an http(s) URL such as http://127.0.0.1:10000/devstoreaccount1";
  if (typeof value !== "string") throw new TypeError(`${form}.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${form}; got "${value}".`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.search !== "" || url.hash !== "") {
    throw new TypeError(`${form}; got "${value}".`);
  }
  return url;
}

/** Checks the option (before anything starts). */
export function validateStorageOption(option: unknown): void {
  if (option === undefined || typeof option === "boolean") return;
  if (typeof option !== "object" || option === null) {
    throw new TypeError("storage must be true, false, or { blobEndpoint, accountKey?, linkAccounts? }.");
  }
  const { blobEndpoint, accountKey, linkAccounts } = option as Record<string, unknown>;
  parseBlobEndpoint(blobEndpoint);
  if (accountKey !== undefined && (typeof accountKey !== "string" || accountKey === "")) {
    throw new TypeError("storage.accountKey must be a non-empty base64 string.");
  }
  if (linkAccounts !== undefined && typeof linkAccounts !== "boolean") {
    throw new TypeError("storage.linkAccounts must be true or false.");
  }
}

/** Starts Azurite or describes the given service; undefined when storage is off. */
export async function openBlobStorage(
  option: EmulatorStorageOption | undefined,
  host: string,
): Promise<BlobStorage | undefined> {
  if (option === undefined || option === false) return undefined;
  const { accountName: devName, accountKey: devKey } = DEVELOPMENT_STORAGE_ACCOUNT;
  if (option === true) {
    const azurite = await startAzurite(host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host);
    const blobEndpoint = `${azurite.origin}/${devName}`;
    return {
      info: {
        blobEndpoint,
        accountName: devName,
        accountKey: devKey,
        connectionString: connectionString(blobEndpoint, devName, devKey),
        startedByEmulator: true,
      },
      credential: new StorageSharedKeyCredential(devName, devKey),
      linked: true,
      close: () => azurite.close(),
    };
  }
  const url = parseBlobEndpoint(option.blobEndpoint);
  const blobEndpoint = url.href.replace(/\/+$/, "");
  const accountName = accountNameOf(url);
  const accountKey = option.accountKey ?? devKey;
  return {
    info: {
      blobEndpoint,
      accountName,
      accountKey,
      connectionString: connectionString(blobEndpoint, accountName, accountKey),
      startedByEmulator: false,
    },
    credential: new StorageSharedKeyCredential(accountName, accountKey),
    linked: option.linkAccounts ?? true,
    close: async () => undefined,
  };
}

/** Whether a container URI lies in this storage account (compared without case, no query). */
export function isInStorage(storage: BlobStorage, containerUri: string): boolean {
  const prefix = `${storage.info.blobEndpoint.toLowerCase()}/`;
  return containerUri.toLowerCase().startsWith(prefix);
}
