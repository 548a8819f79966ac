// Clients of the generated code for the nock tests, and inline bodies shaped like the service's.
import path from "node:path";
import type { ClientOptions } from "@azure-rest/core-client";
import createRemoteRenderingClient from "../../src/generated/remoteRendering";
import type {
  ConversionOutput,
  CreateConversionSettings,
  ErrorResponseOutput,
  RemoteRenderingClient as RemoteRenderingRestClient,
  SessionPropertiesOutput,
} from "../../src/generated/remoteRendering";
import createStsClient from "../../src/generated/sts";
import type {
  MixedRealityStsClient as MixedRealityStsRestClient,
  StsTokenResponseMessageOutput,
} from "../../src/generated/sts";

export const repositoryRoot = path.resolve(__dirname, "..", "..");
export const endpoint = "https://remoterendering.eastus.mixedreality.azure.com";
export const stsEndpoint = "https://sts.eastus.mixedreality.azure.com";
export const accountId = "30ea64bd-100f-4bf0-adc9-29fa45d4880c";
export const conversionId = "contoso-conversion-01";
export const sessionId = "contoso-session-01";

/** Retries are off, so that each nock reply is seen exactly once. */
export function remoteRenderingClient(options: ClientOptions = {}): RemoteRenderingRestClient {
  return createRemoteRenderingClient(endpoint, { retryOptions: { maxRetries: 0 }, ...options });
}

export function stsClient(options: ClientOptions = {}): MixedRealityStsRestClient {
  return createStsClient(stsEndpoint, { retryOptions: { maxRetries: 0 }, ...options });
}

export const conversionSettings: CreateConversionSettings = {
  settings: {
    inputLocation: {
      storageContainerUri: "https://contosostorage.blob.core.windows.net/input",
      storageContainerReadListSas: "sv=2020-08-04&sig=input-signature",
      blobPrefix: "models/",
      relativeInputAssetPath: "robot.fbx",
    },
    outputLocation: {
      storageContainerUri: "https://contosostorage.blob.core.windows.net/output",
      outputAssetFilename: "robot.arrAsset",
    },
  },
};

export const conversionBody: ConversionOutput = {
  id: conversionId,
  creationTime: "2024-05-14T09:30:12.4817306Z",
  settings: {
    inputLocation: {
      storageContainerUri: "https://contosostorage.blob.core.windows.net/input",
      blobPrefix: "models/",
      relativeInputAssetPath: "robot.fbx",
    },
    outputLocation: {
      storageContainerUri: "https://contosostorage.blob.core.windows.net/output",
      outputAssetFilename: "robot.arrAsset",
    },
  },
  error: null,
  status: "Running",
};

export const sessionBody: SessionPropertiesOutput = {
  id: sessionId,
  creationTime: "2024-05-14T10:02:45.9035127+00:00",
  arrInspectorPort: 0,
  handshakePort: 0,
  elapsedTimeMinutes: 0,
  maxLeaseTimeMinutes: 30,
  size: "Standard",
  status: "Starting",
  teraflops: 0,
  error: null,
};

export const errorBody: ErrorResponseOutput = {
  error: { code: "BadRequest", message: "The maxLeaseTimeMinutes value cannot be negative." },
};

export const tokenBody: StsTokenResponseMessageOutput = { AccessToken: "header.payload.signature" };
