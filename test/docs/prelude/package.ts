// Prelude of the documentation examples: every export of the package's root and ./emulator entries.
export * from "remote-rendering-client";
export * from "remote-rendering-client/emulator";
