// A child process for crash tests: runs an emulator on the data file named in argv[2] and prints
// {"url": ...} once it listens. The test kills it with SIGKILL in the middle of saves.
import { startEmulator } from "../../../src/emulator/index";

export const CRASH_TEST_ACCOUNT = {
  accountId: "0b8f2c1e-7a4d-4e59-9c3b-2d1e0f9a8b7c",
  accountKey: "crash-test-key",
};

if (require.main === module) {
  const dataFile = process.argv[2];
  if (dataFile === undefined) throw new Error("usage: dataFileEmulator.ts <data file>");
  void startEmulator({ dataFile, logger: false, accounts: [CRASH_TEST_ACCOUNT] }).then((emulator) => {
    process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
  });
}
