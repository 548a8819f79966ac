// Heavy modules (the client with the Azure pipeline, @azure/identity, the emulator) load on first
// use, so `--help`, `--version` and usage errors answer without loading them.
import type * as ClientLibrary from "../index";
import type * as EmulatorModule from "../emulator";
import type * as IdentityModule from "@azure/identity";

/* eslint-disable @typescript-eslint/no-require-imports -- deliberate lazy loading in CommonJS */
export function clientLibrary(): typeof ClientLibrary {
  return require("../index") as typeof ClientLibrary;
}

export function emulatorModule(): typeof EmulatorModule {
  return require("../emulator") as typeof EmulatorModule;
}

export function identityModule(): typeof IdentityModule {
  return require("@azure/identity") as typeof IdentityModule;
}
/* eslint-enable @typescript-eslint/no-require-imports */
