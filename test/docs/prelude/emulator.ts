// Prelude of the documentation examples: `emulator`, the test's running emulator (its url).
export const emulator = { url: process.env["EMULATOR_URL"] ?? "" };
