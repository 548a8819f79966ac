// What the swagger files list per operation, the exceptions docs/emulator.md lists, and the
// operations of the data plane with a request each, for test/emulator/statusCodes.spec.ts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
export const SESSION = { maxLeaseTimeMinutes: 10, size: "Standard" };
export const CONVERSION = {
  settings: {
    inputLocation: {
      storageContainerUri: "https://sdktest.blob.core.windows.net/input",
      storageContainerReadListSas: "sv=2020&sig=read",
      relativeInputAssetPath: "box.fbx",
    },
    outputLocation: {
      storageContainerUri: "https://sdktest.blob.core.windows.net/output",
      storageContainerWriteSas: "sv=2020&sig=write",
    },
  },
};

/** The cases of the table in docs/emulator.md, "Answers the spec does not list". */
export type Exception =
  | "api-version"
  | "path id"
  | "$skipToken"
  | "fault header"
  | "unreadable body"
  | "body too large"
  | "content type"
  | "unavailable fault";

export interface Operation {
  name: string;
  method: string;
  path: (id: string) => string;
  body?: unknown;
  hasId?: boolean;
  list?: boolean;
}

export const OPERATIONS: Operation[] = [
  { name: "CreateSession", method: "PUT", path: (id) => `/sessions/${id}`, body: SESSION, hasId: true },
  { name: "GetSession", method: "GET", path: (id) => `/sessions/${id}`, hasId: true },
  {
    name: "UpdateSession",
    method: "PATCH",
    path: (id) => `/sessions/${id}`,
    body: { maxLeaseTimeMinutes: 20 },
    hasId: true,
  },
  { name: "StopSession", method: "POST", path: (id) => `/sessions/${id}/:stop`, hasId: true },
  { name: "ListSessions", method: "GET", path: () => "/sessions", list: true },
  {
    name: "CreateConversion",
    method: "PUT",
    path: (id) => `/conversions/${id}`,
    body: CONVERSION,
    hasId: true,
  },
  { name: "GetConversion", method: "GET", path: (id) => `/conversions/${id}`, hasId: true },
  { name: "ListConversions", method: "GET", path: () => "/conversions", list: true },
];

export function listedStatuses(file: string): Map<string, Set<number>> {
  type Spec = { paths: Record<string, Record<string, { operationId?: string; responses?: object }>> };
  const spec = JSON.parse(readFileSync(path.join(REPO_ROOT, "swagger", file), "utf8")) as Spec;
  const result = new Map<string, Set<number>>();
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (operation.operationId === undefined || operation.responses === undefined) continue;
      const name = operation.operationId.replace(/^RemoteRendering_/, "");
      result.set(name, new Set(Object.keys(operation.responses).map(Number)));
    }
  }
  return result;
}

/** The cells of the rows of the docs' table of exceptions. */
export function exceptionRows(markdown: string): string[][] {
  const section = markdown.split("\n## ").find((part) => part.startsWith("Answers the spec does not list"));
  assert.ok(section !== undefined, "docs/emulator.md has the section 'Answers the spec does not list'");
  return section
    .split("\n")
    .filter((line) => /^\| \d{3} /.test(line))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}
