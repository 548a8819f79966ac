// Per-operation pieces of the client model that need no type resolution: path parameters in
// template order, paging settings, and the grouping of operations by path.
import { SchemaType } from "@autorest/codemodel";
import type { Operation, Parameter, Schema } from "@autorest/codemodel";
import type {
  LroModel,
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
  typeOf: (schema: Schema) => TypeRef,
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
      type: typeOf(parameter.schema),
      isArray: parameter.schema.type === SchemaType.Array,
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

const finalStates: ReadonlySet<string> = new Set([
  "azure-async-operation",
  "location",
  "original-uri",
  "operation-location",
]);

/** x-ms-long-running-operation, its final-state-via and the logical (final) response. */
export function lroOf(
  operation: Operation,
  operationName: string,
  responses: readonly ResponseModel[],
): LroModel | undefined {
  if (operation.extensions?.["x-ms-long-running-operation"] !== true) {
    return undefined;
  }
  const options = operation.extensions["x-ms-long-running-operation-options"] as
    | { "final-state-via"?: unknown }
    | undefined;
  const via = options?.["final-state-via"];
  const expected = responses.filter((response) => response.expected);
  const final =
    expected.find((response) => response.status === "200" && response.body !== undefined) ??
    expected.find((response) => response.body !== undefined);
  return {
    finalStateVia:
      typeof via === "string" && finalStates.has(via) ? (via as LroModel["finalStateVia"]) : undefined,
    logicalResponse: {
      status: "200",
      typeName: `${operationName}LogicalResponse`,
      headersTypeName: `${operationName}LogicalHeaders`,
      description: "The final response for long-running " + operationName + " operation",
      body: final?.body,
      headers: [],
      expected: true,
      binary: final?.binary ?? false,
    },
  };
}

/**
 * Operations grouped by path, in order of first appearance. Each path's interface is named after
 * its first operation without the group (`GetAllWithValues`), as @autorest/typescript does; when two
 * paths would get the same name (or one would clash with another exported type), every interface
 * keeps its group prefix instead.
 */
export function groupByPath(
  operations: readonly OperationModel[],
  reservedNames: ReadonlySet<string> = new Set(),
): PathModel[] {
  const paths = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    const list = paths.get(operation.path) ?? [];
    list.push(operation);
    paths.set(operation.path, list);
  }
  const firsts = [...paths.values()].map((list) => list[0] as OperationModel);
  const bareNames = firsts.map((operation) => operation.bareName);
  const unique =
    new Set(bareNames).size === bareNames.length && !bareNames.some((name) => reservedNames.has(name));
  return [...paths.entries()].map(([path, list]) => {
    const first = list[0] as OperationModel;
    return {
      path,
      interfaceName: unique ? first.bareName : first.name,
      pathParameters: first.pathParameters,
      operations: list,
    };
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
    // Bytes when either media type is: the factory tells them apart by the answer's content type.
    byStatus.set(response.status, { ...known, body, headers, binary: known.binary || response.binary });
  }
  return [...byStatus.values()];
}
