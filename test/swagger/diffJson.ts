// Structural comparison of two JSON values that names the JSON path of every difference.
import { isJsonObject, type Json } from "./specFacts";

export interface JsonDifference {
  /** JSON path of the difference, e.g. `$.paths["/a"].get.responses["200"].headers["MS-CV"].type`. */
  path: string;
  message: string;
}

/** Keywords whose arrays are sets: their order carries no meaning. */
const unorderedArrayKeywords: ReadonlySet<string> = new Set(["required", "schemes", "consumes", "produces"]);

export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function show(value: Json | undefined): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function sortedCopy(values: Json[]): Json[] {
  return [...values].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/**
 * Lists every difference between `expected` (upstream) and `actual` (ours), depth first, with the keys of
 * each object visited in sorted order so the output is stable.
 */
export function diffJson(expected: Json, actual: Json, path = "$", key = ""): JsonDifference[] {
  if (isJsonObject(expected) && isJsonObject(actual)) {
    const differences: JsonDifference[] = [];
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const name of keys) {
      const here = childPath(path, name);
      const upstream = expected[name];
      const ours = actual[name];
      if (upstream === undefined)
        differences.push({ path: here, message: `not in upstream; ours is ${show(ours)}` });
      else if (ours === undefined)
        differences.push({ path: here, message: `missing in ours; upstream is ${show(upstream)}` });
      else differences.push(...diffJson(upstream, ours, here, name));
    }
    return differences;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const [left, right] = unorderedArrayKeywords.has(key)
      ? [sortedCopy(expected), sortedCopy(actual)]
      : [expected, actual];
    if (left.length !== right.length) {
      return [{ path, message: `upstream has ${show(expected)}, ours has ${show(actual)}` }];
    }
    return left.flatMap((item, index) => diffJson(item, right[index] ?? null, childPath(path, index)));
  }
  if (expected === actual) return [];
  return [{ path, message: `upstream is ${show(expected)}, ours is ${show(actual)}` }];
}
