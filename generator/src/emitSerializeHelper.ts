// serializeHelper.ts: builders for query arrays the spec joins with spaces, tabs or pipes (OpenAPI 2.0
// collectionFormat ssv, tsv, pipes). Such parameters are typed as text, as in @autorest/typescript:
// the caller passes `buildSsvCollection(["a", "b"])`.
import type { OperationModel } from "./clientModel";

const builders: Readonly<Record<"ssv" | "tsv" | "pipes", string>> = {
  pipes:
    'export function buildPipeCollection(items: string[] | number[]): string {\n  return items.join("|");\n}\n',
  ssv: 'export function buildSsvCollection(items: string[] | number[]): string {\n  return items.join(" ");\n}\n',
  tsv: 'export function buildTsvCollection(items: string[] | number[]): string {\n  return items.join("\\t");\n}\n',
};

export function emitSerializeHelper(operations: readonly OperationModel[]): string | undefined {
  const formats = new Set(
    operations.flatMap((operation) =>
      operation.queryParameters.flatMap((parameter) =>
        parameter.collectionFormat === undefined ? [] : [parameter.collectionFormat],
      ),
    ),
  );
  if (formats.size === 0) {
    return undefined;
  }
  return (["pipes", "ssv", "tsv"] as const)
    .filter((format) => formats.has(format))
    .map((format) => builders[format])
    .join("\n");
}
