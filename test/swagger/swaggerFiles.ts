// Locations of our API descriptions and of the upstream reference copies they are compared with.
import fs from "node:fs";
import path from "node:path";
import { isJsonObject, type JsonObject } from "./specFacts";

export const repoRoot = path.resolve(__dirname, "..", "..");
export const swaggerDir = path.join(repoRoot, "swagger");
/** Reference copies live beside the repository, never inside it (CI clones shared/ next to the repo). */
export const upstreamSpecDir = path.resolve(repoRoot, "..", "shared", "upstream-spec");

export interface SwaggerPair {
  /** Our file, relative to swagger/. */
  ours: string;
  /** The upstream reference copy, relative to upstreamSpecDir. */
  upstream: string;
  apiVersion: string;
}

export const swaggerPairs: readonly SwaggerPair[] = [
  {
    ours: "remote-rendering.json",
    upstream: "Microsoft.MixedReality/stable/2021-01-01/mr-arr.json",
    apiVersion: "2021-01-01",
  },
  {
    ours: "sts.json",
    upstream: "Microsoft.MixedReality/preview/2019-02-28-preview/mr-sts.json",
    apiVersion: "2019-02-28-preview",
  },
];

export function readJsonObject(file: string): JsonObject {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!isJsonObject(parsed as JsonObject)) throw new Error(`${file} does not hold a JSON object`);
  return parsed as JsonObject;
}

export function readOurs(pair: SwaggerPair): JsonObject {
  return readJsonObject(path.join(swaggerDir, pair.ours));
}

export function readUpstream(pair: SwaggerPair): JsonObject {
  return readJsonObject(path.join(upstreamSpecDir, pair.upstream));
}

/** Why the upstream comparison cannot run here, or undefined when it can. */
export function upstreamUnavailableReason(dir: string = upstreamSpecDir): string | undefined {
  if (fs.existsSync(dir)) return undefined;
  return `reference specifications not found at ${dir} (they are kept outside the repository)`;
}
