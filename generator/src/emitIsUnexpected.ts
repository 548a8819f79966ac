// isUnexpected.ts: tells whether a response is one the operation does not expect (an error response
// of the spec, or any status the spec does not declare), narrowing its type either way.
import type { OperationModel } from "./clientModel";
import { typeImport } from "./typeImport";

/** The path matcher, copied verbatim into the emitted module. */
const matcher = `
/** The expected status codes of the operation whose path template matches \`path\`, or none. */
function getParametrizedPathSuccess(method: string, path: string): string[] {
  const pathParts = path.split("/");
  let bestScore = -1;
  let matchedValue: string[] = [];
  for (const [key, value] of Object.entries(responseMap)) {
    const separator = key.indexOf(" ");
    if (key.slice(0, separator) !== method) {
      continue;
    }
    const candidateParts = key.slice(separator + 1).split("/");
    if (candidateParts.length > pathParts.length) {
      continue;
    }
    // Compare from the end, so that a base path in the endpoint (https://host/base) does not matter.
    let found = true;
    let literalSegments = 0;
    for (let i = candidateParts.length - 1, j = pathParts.length - 1; i >= 1; i--, j--) {
      const candidate = candidateParts[i] ?? "";
      if (!segmentMatches(candidate, pathParts[j] ?? "")) {
        found = false;
        break;
      }
      literalSegments += candidate.includes("{") ? 0 : 1;
    }
    // Prefer the template with the most literal segments, then the longest one.
    const score = literalSegments * 1000 + candidateParts.length;
    if (found && score > bestScore) {
      bestScore = score;
      matchedValue = value;
    }
  }
  return matchedValue;
}

/** A literal segment matches itself; a \`{name}\` part matches any non-empty text of one segment. */
function segmentMatches(candidate: string, actual: string): boolean {
  if (!candidate.includes("{")) {
    return candidate === actual || candidate === safeDecode(actual);
  }
  const pattern = candidate
    .split(/\\{[^}]*\\}/)
    .map((part) => part.replace(/[.*+?^$()|[\\]\\\\]/g, "\\\\$&"))
    .join("[^/]+");
  return new RegExp(\`^\${pattern}$\`).test(actual);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
`;

function union(names: readonly string[]): string {
  return names.length === 0 ? "never" : names.join(" | ");
}

/** Every response type an operation's `isUnexpected` overload accepts (with the LRO's final one). */
function responseTypes(operation: OperationModel): string[] {
  return [
    ...operation.responses.map((response) => response.typeName),
    ...(operation.lro === undefined ? [] : [operation.lro.logicalResponse.typeName]),
  ];
}

export function emitIsUnexpected(operations: readonly OperationModel[]): string {
  const entries = new Map<string, string[]>();
  const add = (key: string, codes: readonly string[]): void => {
    entries.set(key, [...new Set([...(entries.get(key) ?? []), ...codes])]);
  };
  for (const operation of operations) {
    const expected = operation.responses
      .filter((response) => response.expected)
      .map((response) => response.status);
    add(`${operation.method.toUpperCase()} ${operation.path}`, expected);
  }
  // The final response of a long-running operation comes from a GET that the poller sends; it
  // carries the operation's URL in x-ms-original-url, and 200 or 204 is what the operation expects.
  for (const operation of operations) {
    if (operation.lro !== undefined) {
      add(`GET ${operation.path}`, ["200", "204"]);
    }
  }
  const responseMap = [...entries.entries()]
    .map(([key, codes]) => `${JSON.stringify(key)}: ${JSON.stringify(codes)},\n`)
    .join("");
  const overloads = operations
    .map((operation) => {
      const all = responseTypes(operation);
      const unexpected = operation.responses.filter((response) => !response.expected).map((r) => r.typeName);
      return `export function isUnexpected(response: ${union(all)}): response is ${union(unexpected)};\n`;
    })
    .join("");
  const allTypes = operations.flatMap(responseTypes);
  const allUnexpected = operations.flatMap((operation) =>
    operation.responses.filter((response) => !response.expected).map((response) => response.typeName),
  );
  return [
    typeImport(allTypes, "./responses"),
    "\n",
    "/** The status codes each operation expects, by method and path template. */\n",
    `const responseMap: Record<string, string[]> = {\n${responseMap}};\n\n`,
    overloads,
    `export function isUnexpected(response: ${union(allTypes)}): response is ${union(allUnexpected)} {\n`,
    '  const lroOriginal = response.headers["x-ms-original-url"];\n',
    "  const url = new URL(lroOriginal ?? response.request.url);\n",
    "  const method = response.request.method;\n",
    "  const expected = responseMap[`${method} ${url.pathname}`] ?? getParametrizedPathSuccess(method, url.pathname);\n",
    "  return !expected.includes(response.status);\n",
    "}\n",
    matcher,
  ].join("");
}
