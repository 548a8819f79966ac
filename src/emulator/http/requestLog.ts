// One log line per request. Lines carry the method, path, status, duration and correlation
// vectors, never headers, bodies or query values other than api-version: tokens and keys cannot
// reach the log. The default sink, standard error, is written in batches (bufferedLogSink).
import { createBufferedLogSink, type BufferedLogSink } from "./bufferedLogSink.js";
import { clientCorrelationVector } from "./correlation.js";

export type EmulatorLogSink = (line: string) => void;

export interface RequestLogEntry {
  timeInMs: number;
  method: string;
  /** The request target as received; only its path is written. */
  target: string;
  apiVersion: string | undefined;
  status: number | "reset" | "aborted";
  durationInMs: number;
  correlationVector: string;
  /** The client's X-MRC-CV or MS-CV header, as received. */
  clientCorrelationVector: string | string[] | undefined;
  fault: string | undefined;
}

/** Standard error, one write per batch of lines; shared by every emulator of the process. */
export const writeToStderr: BufferedLogSink = createBufferedLogSink((text) => {
  process.stderr.write(text);
});

function clean(text: string, maxLength: number): string {
  const printable = text.replace(/[^\x21-\x7e]/g, "?");
  return printable.length > maxLength ? `${printable.slice(0, maxLength)}...` : printable;
}

export function formatRequestLogLine(entry: RequestLogEntry): string {
  const queryStart = entry.target.indexOf("?");
  const path = queryStart < 0 ? entry.target : entry.target.slice(0, queryStart);
  const clientVector = clientCorrelationVector(entry.clientCorrelationVector);
  const parts = [
    new Date(entry.timeInMs).toISOString(),
    clean(entry.method, 16),
    clean(path, 400) + (entry.apiVersion === undefined ? "" : `?api-version=${clean(entry.apiVersion, 40)}`),
    String(entry.status),
    `${entry.durationInMs.toFixed(1)}ms`,
    `ms-cv=${entry.correlationVector}`,
  ];
  if (clientVector !== undefined) parts.push(`client-cv=${clientVector}`);
  if (entry.fault !== undefined) parts.push(`fault=${entry.fault}`);
  return parts.join(" ");
}
