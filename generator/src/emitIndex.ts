// index.ts: the default export (the factory) and every module's named exports.

export function emitIndex(factoryModule: string, modules: readonly string[]): string {
  return [
    `import createClient from "./${factoryModule}";\n\n`,
    ...[factoryModule, ...modules].map((module) => `export * from "./${module}";\n`),
    "\nexport default createClient;\n",
  ].join("");
}
