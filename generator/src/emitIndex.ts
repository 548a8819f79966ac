// index.ts: the default export (the factory) and every module's named exports.
import { moduleSpecifier } from "./typeImport";

export function emitIndex(factoryModule: string, modules: readonly string[]): string {
  return [
    `import createClient from "${moduleSpecifier(`./${factoryModule}`)}";\n\n`,
    ...[factoryModule, ...modules].map((module) => `export * from "${moduleSpecifier(`./${module}`)}";\n`),
    "\nexport default createClient;\n",
  ].join("");
}
