// One log line per request. Lines carry the method, path, status, duration and correlation
// vectors, never headers, bodies or query values other than api-version: tokens and keys cannot
// reach the log.

export type EmulatorLogSink = (line: string) => void;

export interface RequestLogEntry {
  time: Date;
  method: string;
  path: string;
  apiVersion: string | undefined;
  status: number | "reset" | "aborted";
  durationInMs: number;
  correlationVector: string;
  clientCorrelationVector: string | undefined;
  fault: string | undefined;
}

export const writeToStderr: EmulatorLogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

function clean(text: string, maxLength: number): string {
  const printable = text.replace(/[^\x21-\x7e]/g, "?");
  return printable.length > maxLength ? `${printable.slice(0, maxLength)}...` : printable;
}

export function formatRequestLogLine(entry: RequestLogEntry): string {
  const parts = [
    entry.time.toISOString(),
    clean(entry.method, 16),
    clean(entry.path, 400) +
      (entry.apiVersion === undefined ? "" : `?api-version=${clean(entry.apiVersion, 40)}`),
    String(entry.status),
    `${entry.durationInMs.toFixed(1)}ms`,
    `ms-cv=${entry.correlationVector}`,
  ];
  if (entry.clientCorrelationVector !== undefined) parts.push(`client-cv=${entry.clientCorrelationVector}`);
  if (entry.fault !== undefined) parts.push(`fault=${entry.fault}`);
  return parts.join(" ");
}
