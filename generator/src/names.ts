// Naming rules of the emitted code, shared by every emitter. They follow the conventions of
// @autorest/typescript's rest-level clients so that code written against one compiles against the other.

/** Names that a model may not take because they shadow a global of TypeScript or Node.js. */
const reservedTypeNames: ReadonlySet<string> = new Set([
  "Array",
  "ArrayBuffer",
  "Boolean",
  "Buffer",
  "Date",
  "Error",
  "Function",
  "Map",
  "Number",
  "Object",
  "Promise",
  "Record",
  "RegExp",
  "Set",
  "String",
  "Symbol",
  "Uint8Array",
  "URL",
]);

/** Splits a name into words at separators, case changes and digit boundaries. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** `remote_rendering`, `remoteRendering`, `RemoteRendering` -> `RemoteRendering`. */
export function pascalCase(name: string): string {
  return splitWords(name)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** `GetFeline` -> `getFeline`, `LROs` -> `lROs`: only the first letter changes. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `account_id`, `AccountId` -> `accountId`; keeps an all-caps first word lower-cased (`MSCV` -> `mscv`). */
export function camelCase(name: string): string {
  const words = splitWords(name);
  return words
    .map((word, index) =>
      index === 0
        ? word === word.toUpperCase()
          ? word.toLowerCase()
          : word.charAt(0).toLowerCase() + word.slice(1)
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join("");
}

/** The exported name of a model: PascalCase, with `Model` appended when it would shadow a global. */
export function modelTypeName(name: string): string {
  const pascal = pascalCase(name);
  return reservedTypeNames.has(pascal) ? `${pascal}Model` : pascal;
}

/** Output models (what the service returns) carry the `Output` suffix. */
export function outputTypeName(name: string): string {
  return `${modelTypeName(name)}Output`;
}

/** The RLC operation name: group and operation in PascalCase, e.g. `RemoteRenderingCreateSession`. */
export function operationTypeName(groupName: string, operationName: string): string {
  return `${pascalCase(groupName)}${pascalCase(operationName)}`;
}

/**
 * The file name of the client factory, as @autorest/typescript names it: the title with its first
 * letter lower-cased (`RemoteRendering` -> `remoteRendering`, `LRORestClient` -> `lRORestClient`).
 */
export function factoryFileName(title: string): string {
  const pascal = pascalCase(title);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as written in an interface: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return identifierPattern.test(name) ? name : JSON.stringify(name);
}

/** Words that cannot name a parameter in strict-mode JavaScript. */
const reservedWords: ReadonlySet<string> = new Set(
  (
    "arguments await break case catch class const continue debugger default delete do else enum eval export " +
    "extends false finally for function if implements import in instanceof interface let new null package " +
    "private protected public return static super switch this throw true try typeof var void while with yield"
  ).split(" "),
);

/** A valid parameter identifier for a path or host parameter (`$host` -> `endpoint`). */
export function parameterIdentifier(name: string): string {
  if (name === "$host") {
    return "endpoint";
  }
  const camel = camelCase(name);
  if (camel.length === 0) {
    return "param";
  }
  if (/^[0-9]/.test(camel)) {
    return `p${camel}`;
  }
  return reservedWords.has(camel) ? `${camel}Param` : camel;
}
