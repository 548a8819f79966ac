// The .NET SDK's recordings of real service traffic, kept beside the repository in ../shared (absent
// in a user's clone: callers check netRecordingsAvailable() and skip with a reason). One reader for
// every test folder that replays them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const repositoryRoot = path.resolve(__dirname, "..", "..");

/** The folder of the .NET recordings (Azure.Core test recorder format). */
export const netRecordingsFolder = path.resolve(
  repositoryRoot,
  "..",
  "shared",
  "upstream-recordings",
  "azure-sdk-for-net/sdk/remoterendering/Azure.MixedReality.RemoteRendering/tests/SessionRecords/RemoteRenderingLiveTests",
);

/** One recorded exchange, as the file holds it (absolute URI, headers in their recorded case). */
export interface NetRecordedEntry {
  readonly RequestUri: string;
  readonly RequestMethod: string;
  readonly RequestBody: unknown;
  readonly StatusCode: number;
  readonly ResponseHeaders: Readonly<Record<string, string>>;
  readonly ResponseBody: unknown;
}

/** One recording file: its exchanges in order, and the test's variables (account, ids). */
export interface NetRecording {
  readonly Entries: NetRecordedEntry[];
  readonly Variables: Readonly<Record<string, string>>;
}

export function netRecordingsAvailable(): boolean {
  return existsSync(netRecordingsFolder);
}

/** Reads one recording file by name, for example "TestSimpleSession.json". */
export function readNetRecordingFile(name: string): NetRecording {
  return JSON.parse(readFileSync(path.join(netRecordingsFolder, name), "utf8")) as NetRecording;
}

/** The recording files, sorted, without the Async twins (the same traffic recorded again). */
export function netRecordingNames(): string[] {
  return readdirSync(netRecordingsFolder)
    .filter((name) => name.endsWith(".json") && !name.endsWith("Async.json"))
    .sort();
}
