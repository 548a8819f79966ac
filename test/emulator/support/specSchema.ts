// A small validator of JSON values against the schemas of swagger/remote-rendering.json, enough for
// the spec's own vocabulary ($ref, object/required/properties, arrays, primitive types and formats,
// enums, minimum/maximum, x-nullable). The spec-conformance tests check the emulator with it.
import { readFileSync } from "node:fs";
import path from "node:path";

export type Schema = Record<string, unknown>;
export type SwaggerDocument = {
  paths: Record<string, Record<string, Schema>>;
  definitions: Record<string, Schema>;
  parameters: Record<string, Schema>;
};

export function readSpec(): SwaggerDocument {
  const file = path.resolve(__dirname, "..", "..", "..", "swagger", "remote-rendering.json");
  return JSON.parse(readFileSync(file, "utf8")) as SwaggerDocument;
}

/** Follows a `#/definitions/...` reference. */
export function resolve(spec: SwaggerDocument, schema: Schema): Schema {
  const ref = schema["$ref"];
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/definitions/", "");
  const target = spec.definitions[name];
  if (target === undefined) throw new Error(`unknown reference ${ref}`);
  return resolve(spec, target);
}

/** The problems of `value` against `schema`, each naming its JSON path; empty when it conforms. */
export function validate(spec: SwaggerDocument, value: unknown, schemaOrRef: Schema, at = "$"): string[] {
  const schema = resolve(spec, schemaOrRef);
  if (value === null) {
    // x-nullable may stand beside a $ref (on the property) or in the definition itself.
    const nullable = schemaOrRef["x-nullable"] === true || schema["x-nullable"] === true;
    return nullable ? [] : [`${at} is null but the spec does not allow null`];
  }
  const type = schema["type"] ?? (schema["properties"] !== undefined ? "object" : undefined);
  const problems: string[] = [];
  switch (type) {
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return [`${at} is not an object`];
      const record = value as Record<string, unknown>;
      const properties = (schema["properties"] ?? {}) as Record<string, Schema>;
      for (const name of (schema["required"] ?? []) as string[]) {
        if (record[name] === undefined) problems.push(`${at}.${name} is required but absent`);
      }
      for (const [name, item] of Object.entries(record)) {
        const property = properties[name];
        if (property === undefined) {
          if (!name.startsWith("@") || schema["additionalProperties"] === false) {
            problems.push(`${at}.${name} is not in the spec`);
          }
          continue;
        }
        problems.push(...validate(spec, item, property, `${at}.${name}`));
      }
      return problems;
    }
    case "array":
      if (!Array.isArray(value)) return [`${at} is not an array`];
      return value.flatMap((item, index) =>
        validate(spec, item, schema["items"] as Schema, `${at}[${index}]`),
      );
    case "string": {
      if (typeof value !== "string") return [`${at} is not a string`];
      if (schema["format"] === "date-time" && Number.isNaN(Date.parse(value))) {
        problems.push(`${at} is not a date-time`);
      }
      const allowed = schema["enum"] as string[] | undefined;
      if (allowed !== undefined && !allowed.includes(value)) {
        problems.push(`${at} is ${JSON.stringify(value)}, not one of ${allowed.join(", ")}`);
      }
      return problems;
    }
    case "integer":
    case "number": {
      if (typeof value !== "number" || (type === "integer" && !Number.isInteger(value))) {
        return [`${at} is not an ${String(type)}`];
      }
      const minimum = schema["minimum"];
      const maximum = schema["maximum"];
      // 0 stands for "not assigned yet": the recorded service sends ports of 0 while a session starts.
      if (typeof minimum === "number" && value < minimum && value !== 0)
        problems.push(`${at} is below ${minimum}`);
      if (typeof maximum === "number" && value > maximum) problems.push(`${at} is above ${maximum}`);
      return problems;
    }
    case "boolean":
      return typeof value === "boolean" ? [] : [`${at} is not a boolean`];
    default:
      return [];
  }
}

/** Every required property path of a request body schema (nested objects included), skipping read-only ones. */
export function requiredPaths(spec: SwaggerDocument, schemaOrRef: Schema, prefix: string[] = []): string[][] {
  const schema = resolve(spec, schemaOrRef);
  const properties = (schema["properties"] ?? {}) as Record<string, Schema>;
  return ((schema["required"] ?? []) as string[]).flatMap((name) => {
    const property = properties[name];
    if (property === undefined || property["readOnly"] === true) return [];
    const here = [...prefix, name];
    return [here, ...requiredPaths(spec, property, here)];
  });
}

/** Every optional, writable property path of a request body schema. */
export function optionalPaths(spec: SwaggerDocument, schemaOrRef: Schema, prefix: string[] = []): string[][] {
  const schema = resolve(spec, schemaOrRef);
  const properties = (schema["properties"] ?? {}) as Record<string, Schema>;
  const required = new Set((schema["required"] ?? []) as string[]);
  return Object.entries(properties).flatMap(([name, property]) => {
    if (property["readOnly"] === true) return [];
    const here = [...prefix, name];
    return required.has(name) ? optionalPaths(spec, property, here) : [here];
  });
}

/** The schema of the property at `at` inside a body schema. */
export function schemaAt(spec: SwaggerDocument, schemaOrRef: Schema, at: readonly string[]): Schema {
  return at.reduce((schema, name) => {
    const properties = (resolve(spec, schema)["properties"] ?? {}) as Record<string, Schema>;
    const property = properties[name];
    if (property === undefined) throw new Error(`no property ${at.join(".")}`);
    return property;
  }, schemaOrRef);
}
