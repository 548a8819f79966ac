// index.ts: the default export (the factory) and every module's named exports, plus RestError and
// isRestError so that callers can recognize the errors that paginate and the poller throw.

import { moduleSpecifier } from "./typeImport";

export function emitIndex(factoryModule: string, modules: readonly string[]): string {
  return [
    `import createClient from "${moduleSpecifier(`./${factoryModule}`)}";\n\n`,
    ...[factoryModule, ...modules].map((module) => `export * from "${moduleSpecifier(`./${module}`)}";\n`),
    'export { RestError, isRestError } from "@azure/core-rest-pipeline";\n',
    "\nexport default createClient;\n",
  ].join("");
}
