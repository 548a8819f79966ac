// Heavy modules (the client with the Azure pipeline, @azure/identity, the emulator) load on first
// use, so `--help`, `--version` and usage errors answer without loading them.
import type * as ClientLibrary from "../index.js";
import type * as EmulatorModule from "../emulator/index.js";
import type * as IdentityModule from "@azure/identity";
import { UsageError } from "./cliErrors.js";
import type * as StorageHelpers from "../storage/index.js";
import type * as StorageBlobModule from "@azure/storage-blob";

/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading in CommonJS */
export function clientLibrary(): typeof ClientLibrary {
  return require("../index") as typeof ClientLibrary;
}

export function emulatorModule(): typeof EmulatorModule {
  return require("../emulator") as typeof EmulatorModule;
}

/**
 * @azure/identity, for Entra ID sign-in: an optional peer dependency of the package (the library
 * takes any TokenCredential and never loads it), so a project that installed the package without it
 * gets a usage error saying how to add it or sign in with an account key instead.
 */
export function identityModule(): typeof IdentityModule {
  try {
    return require("@azure/identity") as typeof IdentityModule;
  } catch (error) {
    if (
      (error as { code?: unknown }).code === "MODULE_NOT_FOUND" &&
      String(error).includes("@azure/identity")
    ) {
      throw new UsageError(
        "Signing in with Entra ID needs the package @azure/identity, which is not installed: " +
          "run `npm install @azure/identity`, or give an account key (--account-key or ARR_ACCOUNT_KEY).",
      );
    }
    throw error;
  }
}
export function storageHelpers(): typeof StorageHelpers {
  return require("../storage") as typeof StorageHelpers;
}

export function storageBlobModule(): typeof StorageBlobModule {
  return require("@azure/storage-blob") as typeof StorageBlobModule;
}
/* eslint-enable @typescript-eslint/no-require-imports */
