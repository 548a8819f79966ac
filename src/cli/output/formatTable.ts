// Plain-text tables and "label: value" blocks for human-readable output.
import { paint, type TerminalStyle } from "./terminalStyle.js";

/** Columns padded to their widest cell; the header is bold when the stream takes colour. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  style: TerminalStyle,
): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const head = paint(style, "bold", line(headers));
  return [head, ...rows.map(line)].join("\n") + "\n";
}

/** One "label  value" line per entry, labels aligned; entries without a value are left out. */
export function formatDetails(
  entries: readonly (readonly [label: string, value: string | undefined])[],
  style: TerminalStyle,
): string {
  const shown = entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  const width = Math.max(0, ...shown.map(([label]) => label.length));
  return (
    shown
      .map(([label, value]) => `${paint(style, "dim", `${label}:`.padEnd(width + 1))}  ${value}`)
      .join("\n") + "\n"
  );
}

/** Elapsed time as m:ss, or h:mm:ss from one hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** A byte count for people: "512 B", "3.2 KB", "41.0 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
