// `import type` statements for emitted modules.

/**
 * `import type { A, B } from "<from>";` with sorted, unique names, or nothing when there are none.
 * A module of the emitted client (`./name`) is imported as `./name.js`, which Node's ES module
 * resolution and TypeScript's `nodenext` need (the package is built as ESM and CommonJS).
 */
export function typeImport(names: Iterable<string>, from: string): string {
  const sorted = [...new Set(names)].sort();
  return sorted.length === 0 ? "" : `import type { ${sorted.join(", ")} } from "${moduleSpecifier(from)}";\n`;
}

/** `./name` becomes `./name.js`; package names are left as they are. */
export function moduleSpecifier(from: string): string {
  return from.startsWith("./") && !from.endsWith(".js") ? `${from}.js` : from;
}
