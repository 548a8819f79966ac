// Public entry "remote-rendering-client/storage": helpers that put models into Azure Blob Storage
// (or Azurite) and build conversion settings with least-privilege SAS tokens. It is separate from
// the client entry so that the client does not load the storage SDK.
export { uploadFolder } from "./uploadFolder.js";
export type { UploadFolderOptions, UploadFolderResult, UploadProgress } from "./uploadFolder.js";
export {
  createContainerSas,
  DEFAULT_SAS_LIFETIME_IN_MINUTES,
  MAX_SAS_LIFETIME_IN_MINUTES,
} from "./sharedAccessSignatures.js";
export type { ContainerSasOptions } from "./sharedAccessSignatures.js";
export { createBlobReadUrl, createConversionStorageSettings } from "./conversionStorageSettings.js";
export type { ConversionStorageSettingsOptions } from "./conversionStorageSettings.js";
