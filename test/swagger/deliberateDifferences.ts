// Reads the "Deliberate differences" table of swagger/README.md: the JSON paths at which our documents
// may differ from upstream.

export interface DeliberateDifference {
  /** Our file name (`remote-rendering.json`, `sts.json`), or `both`. */
  file: string;
  /** JSON path as printed by diffJson, starting with `$`. */
  path: string;
  reason: string;
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
}

function unquote(cell: string): string {
  const match = /^`([^`]*)`$/.exec(cell);
  return match?.[1] ?? cell;
}

/**
 * Returns the table rows whose JSON path cell holds a path (rows marked "(not compared)" describe
 * prose or examples and are skipped). Throws when the section or its table is missing or malformed.
 */
export function parseDeliberateDifferences(readme: string): DeliberateDifference[] {
  const start = readme.search(/^## Deliberate differences\s*$/m);
  if (start < 0) throw new Error('swagger/README.md has no "## Deliberate differences" section');
  const rest = readme.slice(start).split("\n").slice(1);
  const end = rest.findIndex((line) => line.startsWith("## "));
  const rows = (end < 0 ? rest : rest.slice(0, end)).filter((line) => line.trim().startsWith("|"));
  const [header, separator, ...body] = rows;
  if (header === undefined || separator === undefined) {
    throw new Error('the "Deliberate differences" section has no table');
  }
  const columns = cells(header).map((cell) => cell.toLowerCase());
  const fileColumn = columns.indexOf("file");
  const pathColumn = columns.indexOf("json path");
  const reasonColumn = columns.indexOf("reason");
  if (fileColumn < 0 || pathColumn < 0 || reasonColumn < 0) {
    throw new Error('the "Deliberate differences" table needs the columns File, JSON path and Reason');
  }
  const differences: DeliberateDifference[] = [];
  for (const row of body) {
    const values = cells(row);
    const path = unquote(values[pathColumn] ?? "");
    if (!path.startsWith("$")) continue;
    const reason = values[reasonColumn] ?? "";
    if (reason === "") throw new Error(`the deliberate difference at ${path} gives no reason`);
    differences.push({ file: unquote(values[fileColumn] ?? ""), path, reason });
  }
  return differences;
}

/** True when `path` is `listed` itself or lies beneath it. */
export function isCoveredBy(path: string, listed: string): boolean {
  if (path === listed) return true;
  if (!path.startsWith(listed)) return false;
  const next = path.charAt(listed.length);
  return next === "." || next === "[";
}

export function appliesTo(difference: DeliberateDifference, file: string): boolean {
  return difference.file === "both" || difference.file === file;
}
