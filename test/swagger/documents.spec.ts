import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { isJsonObject, resolveLocalRef, type Json, type JsonObject } from "./specFacts";
import { readJsonObject, readOurs, swaggerDir, swaggerPairs } from "./swaggerFiles";

interface FoundRef {
  ref: string;
  at: string;
}

function collectRefs(value: Json, at = "$", found: FoundRef[] = []): FoundRef[] {
  if (Array.isArray(value)) value.forEach((item, index) => collectRefs(item, `${at}[${index}]`, found));
  else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") found.push({ ref: child, at });
      else collectRefs(child, `${at}/${key}`, found);
    }
  }
  return found;
}

interface Operation {
  label: string;
  operation: JsonObject;
}

function operations(doc: JsonObject): Operation[] {
  const result: Operation[] = [];
  const paths = doc["paths"];
  if (!isJsonObject(paths)) return result;
  for (const [route, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (isJsonObject(operation)) result.push({ label: `${method.toUpperCase()} ${route}`, operation });
    }
  }
  return result;
}

describe("swagger/ documents", () => {
  for (const pair of swaggerPairs) {
    describe(pair.ours, () => {
      const doc = readOurs(pair);

      it(`is a Swagger 2.0 document for api-version ${pair.apiVersion}`, () => {
        assert.equal(doc["swagger"], "2.0");
        assert.ok(isJsonObject(doc["info"]));
        assert.equal(doc["info"]["version"], pair.apiVersion);
        assert.ok(operations(doc).length > 0, "no operations");
      });

      it("resolves every $ref, local ones in the document and example files on disk", () => {
        const refs = collectRefs(doc);
        assert.ok(refs.length > 0);
        const broken: string[] = [];
        for (const { ref, at } of refs) {
          if (ref.startsWith("#/")) {
            if (resolveLocalRef(doc, ref) === undefined) broken.push(`${at}: ${ref}`);
          } else {
            const file = path.resolve(swaggerDir, ref);
            if (!fs.existsSync(file)) broken.push(`${at}: ${ref} (no such file)`);
            else readJsonObject(file);
          }
        }
        assert.deepEqual(broken, []);
      });

      it("has examples that name every required parameter and only declared status codes", () => {
        const problems: string[] = [];
        for (const { label, operation } of operations(doc)) {
          const examples = operation["x-ms-examples"];
          if (!isJsonObject(examples)) continue;
          const parameters = (Array.isArray(operation["parameters"]) ? operation["parameters"] : []).map(
            (p) => (isJsonObject(p) && typeof p["$ref"] === "string" ? resolveLocalRef(doc, p["$ref"]) : p),
          );
          const responses = operation["responses"];
          for (const [name, entry] of Object.entries(examples)) {
            if (!isJsonObject(entry) || typeof entry["$ref"] !== "string") continue;
            const example = readJsonObject(path.resolve(swaggerDir, entry["$ref"]));
            const given = isJsonObject(example["parameters"]) ? example["parameters"] : {};
            for (const parameter of parameters) {
              if (!isJsonObject(parameter) || parameter["required"] !== true) continue;
              const parameterName = String(parameter["name"]);
              if (!(parameterName in given)) problems.push(`${label} "${name}": lacks ${parameterName}`);
            }
            for (const status of Object.keys(
              isJsonObject(example["responses"]) ? example["responses"] : {},
            )) {
              if (!isJsonObject(responses) || !(status in responses)) {
                problems.push(`${label} "${name}": status ${status} is not declared`);
              }
            }
          }
        }
        assert.deepEqual(problems, []);
      });
    });
  }
});
