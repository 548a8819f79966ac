// Reduces a Swagger 2.0 document to the facts that matter for clients and servers: every parameter
// reference is resolved and keyed by location and name, and wording (descriptions, summaries, titles,
// example values) is dropped, because our wording is deliberately not upstream's.

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** Keywords whose values are prose or sample data, never compared. */
export const proseKeywords: ReadonlySet<string> = new Set([
  "description",
  "summary",
  "title",
  "example",
  "x-example",
  "x-ms-examples",
]);

/** Keywords whose values are maps from user-chosen names (so their keys are never keywords). */
const nameMapKeywords: ReadonlySet<string> = new Set([
  "paths",
  "definitions",
  "properties",
  "headers",
  "responses",
  "parameters",
  "securityDefinitions",
]);

const httpMethods: ReadonlySet<string> = new Set([
  "get",
  "put",
  "post",
  "patch",
  "delete",
  "head",
  "options",
]);

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows a local reference such as "#/parameters/api_version"; returns undefined when it does not resolve. */
export function resolveLocalRef(doc: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith("#/")) return undefined;
  let current: Json | undefined = doc;
  for (const raw of ref.slice(2).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isJsonObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

function resolveParameter(doc: JsonObject, parameter: Json): JsonObject {
  if (isJsonObject(parameter) && typeof parameter["$ref"] === "string") {
    const target = resolveLocalRef(doc, parameter["$ref"]);
    if (!isJsonObject(target)) throw new Error(`parameter reference ${parameter["$ref"]} does not resolve`);
    return target;
  }
  if (!isJsonObject(parameter)) throw new Error("a parameter is not an object");
  return parameter;
}

/** Turns a parameter list into an object keyed "in:name", so order and $ref-vs-inline do not matter. */
function keyParameters(doc: JsonObject, parameters: Json | undefined): JsonObject {
  const keyed: JsonObject = {};
  if (!Array.isArray(parameters)) return keyed;
  for (const entry of parameters) {
    const parameter = resolveParameter(doc, entry);
    keyed[`${String(parameter["in"])}:${String(parameter["name"])}`] = parameter;
  }
  return keyed;
}

function stripProse(value: Json, inNameMap: boolean): Json {
  if (Array.isArray(value)) return value.map((item) => stripProse(item, false));
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (!inNameMap && proseKeywords.has(key)) continue;
    result[key] = stripProse(child, !inNameMap && nameMapKeywords.has(key));
  }
  return result;
}

/** The comparable facts of a Swagger 2.0 document. */
export function specFacts(doc: JsonObject): JsonObject {
  const facts: JsonObject = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === "parameters") continue; // compared where they are used, after resolution
    facts[key] = value;
  }
  const paths = doc["paths"];
  if (isJsonObject(paths)) {
    const keyedPaths: JsonObject = {};
    for (const [route, item] of Object.entries(paths)) {
      if (!isJsonObject(item)) continue;
      const keyedItem: JsonObject = {};
      for (const [method, operation] of Object.entries(item)) {
        if (method === "parameters") keyedItem[method] = keyParameters(doc, operation);
        else if (httpMethods.has(method) && isJsonObject(operation))
          keyedItem[method] = { ...operation, parameters: keyParameters(doc, operation["parameters"]) };
        else keyedItem[method] = operation;
      }
      keyedPaths[route] = keyedItem;
    }
    facts["paths"] = keyedPaths;
  }
  const host = doc["x-ms-parameterized-host"];
  if (isJsonObject(host)) {
    facts["x-ms-parameterized-host"] = { ...host, parameters: keyParameters(doc, host["parameters"]) };
  }
  return stripProse(facts, false) as JsonObject;
}
