// Per-operation pieces of the client model that need no type resolution: path parameters in
// template order, paging settings, and the grouping of operations by path.
import type { Operation, Parameter } from "@autorest/codemodel";
import type {
  OperationModel,
  PagingModel,
  PathModel,
  PathParameterModel,
  ResponseModel,
  TypeRef,
} from "./clientModel";
import { describe, httpOf, serializedName } from "./codeModelAccess";
import { parameterIdentifier } from "./names";

/** One type for several alternatives (e.g. bodies of several media types). */
export function unionOf(types: readonly TypeRef[]): TypeRef {
  const texts = [...new Set(types.map((type) => type.text))];
  return { text: texts.join(" | "), refs: [...new Set(types.flatMap((type) => type.refs))] };
}

/** The path parameters in the order of their `{placeholders}` in the path template. */
export function pathParametersOf(
  operationName: string,
  path: string,
  parameters: readonly Parameter[],
): PathParameterModel[] {
  const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  return placeholders.map((placeholder) => {
    const parameter = parameters.find(
      (candidate) => httpOf(candidate)?.in === "path" && serializedName(candidate) === placeholder,
    );
    if (parameter === undefined) {
      throw new Error(
        `Operation ${operationName}: path ${path} has {${placeholder}} but no such path parameter`,
      );
    }
    return {
      identifier: parameterIdentifier(parameter.language.default.name),
      serializedName: placeholder,
      description: describe(parameter),
    };
  });
}

/** x-ms-pageable: the item name defaults to `value`; no next-link name means a single page. */
export function pagingOf(operation: Operation): PagingModel | undefined {
  const pageable = operation.extensions?.["x-ms-pageable"] as
    | { itemName?: unknown; nextLinkName?: unknown }
    | undefined
    | null;
  if (pageable === undefined || pageable === null) {
    return undefined;
  }
  const itemName =
    typeof pageable.itemName === "string" && pageable.itemName !== "" ? pageable.itemName : "value";
  const nextLinkName =
    typeof pageable.nextLinkName === "string" && pageable.nextLinkName !== ""
      ? pageable.nextLinkName
      : undefined;
  return { itemName, nextLinkName };
}

/** Operations grouped by path, in order of first appearance; each path is named after its first operation. */
export function groupByPath(operations: readonly OperationModel[]): PathModel[] {
  const paths = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    const list = paths.get(operation.path) ?? [];
    list.push(operation);
    paths.set(operation.path, list);
  }
  return [...paths.entries()].map(([path, list]) => {
    const first = list[0] as OperationModel;
    return { path, interfaceName: first.name, pathParameters: first.pathParameters, operations: list };
  });
}

/** One response type per status code: responses sharing a code (e.g. per media type) are merged. */
export function mergeByStatus(responses: readonly ResponseModel[]): ResponseModel[] {
  const byStatus = new Map<string, ResponseModel>();
  for (const response of responses) {
    const known = byStatus.get(response.status);
    if (known === undefined) {
      byStatus.set(response.status, response);
      continue;
    }
    const body =
      known.body !== undefined && response.body !== undefined
        ? unionOf([known.body, response.body])
        : (known.body ?? response.body);
    const headers = [
      ...known.headers,
      ...response.headers.filter((header) => !known.headers.some((other) => other.name === header.name)),
    ];
    byStatus.set(response.status, { ...known, body, headers });
  }
  return [...byStatus.values()];
}
