// JSON shapes the emulator sends and receives, written from the service's REST description
// (swagger/remote-rendering.json). The emulator keeps its own copy on purpose: it uses only the
// package's public entry points, never the generated client. test/emulator/specConformance.spec.ts
// checks these shapes against the spec, so the two cannot drift apart silently.

import type { renderingSessionSizes } from "../../limits.js";

/** The `error` object of an `error_response` body. */
export interface WireError {
  code: string;
  message: string;
  details?: WireError[] | null;
  target?: string | null;
  innerError?: WireError | null;
}

/** The body of every error answer: `{ "error": { ... } }`. */
export interface WireErrorResponse {
  error: WireError;
}

export type WireSessionStatus = "Starting" | "Ready" | "Stopped" | "Expired" | "Error";
export type WireSessionSize = (typeof renderingSessionSizes)[number];

/** A rendering session as the service serializes it (field order follows the recordings). */
export interface WireSession {
  id: string;
  creationTime: string;
  arrInspectorPort: number;
  handshakePort: number;
  elapsedTimeMinutes: number;
  hostname: string | null;
  maxLeaseTimeMinutes: number;
  size: WireSessionSize;
  status: WireSessionStatus;
  teraflops: number;
  error: WireError | null;
}

export interface WireSessionList {
  sessions: WireSession[];
  "@nextLink"?: string;
}

export interface WireConversionInputSettings {
  storageContainerUri: string;
  blobPrefix?: string;
  relativeInputAssetPath: string;
}

export interface WireConversionOutputSettings {
  storageContainerUri: string;
  blobPrefix?: string;
  outputAssetFilename: string;
}

export interface WireConversionSettings {
  inputLocation: WireConversionInputSettings;
  outputLocation: WireConversionOutputSettings;
}

export type WireConversionStatus = "NotStarted" | "Running" | "Succeeded" | "Failed" | "Cancelled";

/** A conversion as the service serializes it (field order follows the recordings). */
export interface WireConversion {
  id: string;
  creationTime: string;
  settings: WireConversionSettings;
  output?: { outputAssetUri: string };
  error: WireError | null;
  status: WireConversionStatus;
}

export interface WireConversionList {
  conversions: WireConversion[];
  "@nextLink": string | null;
}

/** The token service's answer. */
export interface WireStsToken {
  AccessToken: string;
}
