// Reads the recordings of real service traffic kept beside the repository (../shared), in the
// .NET (Entries) and Java (networkCallRecords) formats, into one shape.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { netRecordingsAvailable, readNetRecordingFile } from "../../support/netRecordings";

export interface RecordedExchange {
  file: string;
  method: string;
  /** Path and query, without scheme and host. */
  target: string;
  /** The request body, when the recording kept it (.NET only). */
  requestBody: unknown;
  status: number;
  /** Response headers with lower-case names. */
  headers: Record<string, string>;
  /** The parsed response body, or undefined when empty. */
  body: unknown;
}

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..", "..");
export const RECORDINGS_FOLDER = path.resolve(REPOSITORY_ROOT, "..", "shared", "upstream-recordings");
const JAVA_FOLDER = path.join(
  RECORDINGS_FOLDER,
  "azure-sdk-for-java/sdk/remoterendering/azure-mixedreality-remoterendering/src/test/resources/session-records",
);

export function recordingsAvailable(): boolean {
  return netRecordingsAvailable() && existsSync(JAVA_FOLDER);
}

function withoutOrigin(uri: string): string {
  return uri.replace(/^https?:\/\/[^/]+/, "");
}

function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = String(value);
  return result;
}

/** One .NET recording file, by name (for example "TestSimpleSession.json"). */
export function readNetRecording(name: string): RecordedExchange[] {
  return readNetRecordingFile(name).Entries.map((entry) => ({
    file: name,
    method: entry.RequestMethod,
    target: withoutOrigin(entry.RequestUri),
    requestBody: entry.RequestBody,
    status: entry.StatusCode,
    headers: lowerCaseHeaders(entry.ResponseHeaders),
    body:
      Array.isArray(entry.ResponseBody) && entry.ResponseBody.length === 0
        ? undefined
        : (entry.ResponseBody ?? undefined),
  }));
}

export { netRecordingNames } from "../../support/netRecordings";

interface JavaRecord {
  Method: string;
  Uri: string;
  Response: Record<string, string>;
}

/** Every exchange of every Java recording. */
export function readJavaExchanges(): RecordedExchange[] {
  const result: RecordedExchange[] = [];
  for (const name of readdirSync(JAVA_FOLDER).filter((file) => file.endsWith(".json"))) {
    const json = JSON.parse(readFileSync(path.join(JAVA_FOLDER, name), "utf8")) as {
      networkCallRecords: JavaRecord[];
    };
    for (const record of json.networkCallRecords) {
      const { Body: body, StatusCode: status, ...headers } = record.Response;
      result.push({
        file: name,
        method: record.Method,
        target: withoutOrigin(record.Uri),
        requestBody: undefined,
        status: Number(status),
        headers: lowerCaseHeaders(headers),
        body: body === undefined || body === "" ? undefined : (JSON.parse(body) as unknown),
      });
    }
  }
  return result;
}
