// Shared access signatures for conversions, with the least permissions and a bounded lifetime:
// a service SAS signed with the account key when the container client has one, otherwise a user
// delegation SAS (Microsoft Entra ID: the caller needs a role that may get a user delegation key).
import {
  BlobServiceClient,
  ContainerSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
  type ContainerClient,
} from "@azure/storage-blob";

/** Default lifetime of the signatures this module makes: two hours. */
export const DEFAULT_SAS_LIFETIME_IN_MINUTES = 120;
/** Longest lifetime accepted: seven days (the limit of user delegation keys). */
export const MAX_SAS_LIFETIME_IN_MINUTES = 7 * 24 * 60;
/** Signatures start a little in the past, so clock skew does not make them "not yet valid". */
const CLOCK_SKEW_IN_MS = 5 * 60_000;

export interface ContainerSasOptions {
  /** Minutes the signature stays valid; 120 by default, at most 10080 (7 days). */
  expiresInMinutes?: number;
  /** Limits the signature to one blob (read a produced asset) instead of the whole container. */
  blobName?: string;
}

export function validateLifetime(name: string, value: unknown): number {
  if (value === undefined) return DEFAULT_SAS_LIFETIME_IN_MINUTES;
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > MAX_SAS_LIFETIME_IN_MINUTES
  ) {
    throw new RangeError(
      `${name} must be whole minutes from 1 to ${MAX_SAS_LIFETIME_IN_MINUTES}; got ${String(value)}.`,
    );
  }
  return value;
}

/**
 * A SAS query string (without "?") granting `permissions` ("rl", "w", "r", ...) on the container,
 * or on one blob of it with `blobName`.
 */
export async function createContainerSas(
  container: ContainerClient,
  permissions: string,
  options: ContainerSasOptions = {},
): Promise<string> {
  const lifetime = validateLifetime("options.expiresInMinutes", options.expiresInMinutes);
  const startsOn = new Date(Date.now() - CLOCK_SKEW_IN_MS);
  const expiresOn = new Date(Date.now() + lifetime * 60_000);
  const values = {
    containerName: container.containerName,
    ...(options.blobName !== undefined ? { blobName: options.blobName } : {}),
    permissions: ContainerSASPermissions.parse(permissions),
    startsOn,
    expiresOn,
  };
  const credential = container.credential;
  if (credential instanceof StorageSharedKeyCredential) {
    return generateBlobSASQueryParameters(values, credential).toString();
  }
  if (!("getToken" in credential)) {
    throw new TypeError(
      "The container client needs a StorageSharedKeyCredential or a TokenCredential to create a SAS.",
    );
  }
  const accountUrl = container.url.slice(0, container.url.length - container.containerName.length - 1);
  const service = new BlobServiceClient(accountUrl, credential);
  const key = await service.getUserDelegationKey(startsOn, expiresOn);
  return generateBlobSASQueryParameters(values, key, container.accountName).toString();
}
