// logger.ts: the client's logger, named after the package (AZURE_LOG_LEVEL turns it on).

export function emitLogger(packageName: string): string {
  return [
    'import { createClientLogger } from "@azure/logger";\n\n',
    `export const logger = createClientLogger(${JSON.stringify(packageName)});\n`,
  ].join("");
}
