// `import type` statements for emitted modules.

/** `import type { A, B } from "<from>";` with sorted, unique names, or nothing when there are none. */
export function typeImport(names: Iterable<string>, from: string): string {
  const sorted = [...new Set(names)].sort();
  return sorted.length === 0 ? "" : `import type { ${sorted.join(", ")} } from "${from}";\n`;
}
