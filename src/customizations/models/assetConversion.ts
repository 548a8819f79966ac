// Public types of asset conversions. A conversion is a tagged union on `status`.
import type { RemoteRenderingServiceError } from "../errors/remoteRenderingServiceError.js";

/**
 * The status of a conversion: one of the service's statuses, or "Unknown" for a status this client
 * does not know (the service's text is then in `serviceStatus`).
 */
export type AssetConversionStatus =
  | "NotStarted"
  | "Running"
  | "Succeeded"
  | "Failed"
  | "Cancelled"
  | "Unknown";

/** Where the conversion reads its input model. */
export interface AssetConversionInputSettings {
  /** The blob container holding the input: an absolute https URL. */
  storageContainerUrl: string;
  /** Path of the input model, relative to `blobPrefix` (or to the container root without one). */
  relativeInputAssetPath: string;
  /** Only blobs whose names start with this prefix are downloaded. */
  blobPrefix?: string;
  /**
   * A shared access signature granting read and list rights on the container. Without it the account
   * must be linked to the storage account. Sent to the service, never returned by this client.
   */
  storageContainerReadListSas?: string;
}

/** Where the conversion writes its output. */
export interface AssetConversionOutputSettings {
  /** The blob container receiving the output: an absolute https URL. */
  storageContainerUrl: string;
  /** A virtual folder prepended to every output file name. */
  blobPrefix?: string;
  /** The file name of the converted asset; must end with ".arrAsset". */
  outputAssetFilename?: string;
  /**
   * A shared access signature granting write rights on the container. Without it the account must be
   * linked to the storage account. Sent to the service, never returned by this client.
   */
  storageContainerWriteSas?: string;
}

/** Input and output locations of a conversion. */
export interface AssetConversionSettings {
  inputSettings: AssetConversionInputSettings;
  outputSettings: AssetConversionOutputSettings;
}

/** Fields every conversion has, whatever its status. */
export interface AssetConversionBase {
  /** The id chosen when the conversion was created. */
  conversionId: string;
  /** The locations the conversion uses, as the service reports them (without access signatures). */
  settings: AssetConversionSettings;
  /** When the conversion was created, if the service said. */
  createdOn?: Date;
}

/** A conversion that has not started yet. */
export interface NonStartedAssetConversion extends AssetConversionBase {
  status: "NotStarted";
}

/** A conversion in progress. */
export interface RunningAssetConversion extends AssetConversionBase {
  status: "Running";
}

/** A finished conversion. */
export interface SucceededAssetConversion extends AssetConversionBase {
  status: "Succeeded";
  /** The URL of the converted .arrAsset blob. */
  outputAssetUri: string;
}

/** A conversion that failed. */
export interface FailedAssetConversion extends AssetConversionBase {
  status: "Failed";
  /** The error the service reported. */
  error: RemoteRenderingServiceError;
}

/** A conversion that was cancelled. */
export interface CancelledAssetConversion extends AssetConversionBase {
  status: "Cancelled";
}

/** A conversion in a status this client does not know. */
export interface UnknownAssetConversion extends AssetConversionBase {
  status: "Unknown";
  /** The status exactly as the service sent it. */
  serviceStatus: string;
}

/** An asset conversion, tagged on `status`. */
export type AssetConversion =
  | NonStartedAssetConversion
  | RunningAssetConversion
  | SucceededAssetConversion
  | FailedAssetConversion
  | CancelledAssetConversion
  | UnknownAssetConversion;
