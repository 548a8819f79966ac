// Rules the emulator applies to conversion settings: the normalization the service performs (as
// recorded), where the output lands, and the deterministic rule that makes a conversion fail.
import type { WireConversionSettings, WireError } from "./wireTypes.js";

/** Input formats the emulator accepts (the service's mesh and point-cloud formats). */
export const SUPPORTED_INPUT_EXTENSIONS: readonly string[] = [
  ".fbx",
  ".gltf",
  ".glb",
  ".e57",
  ".ply",
  ".xyz",
  ".las",
  ".laz",
];

/**
 * The error of a failed conversion, exactly as the service reported it for an input asset that
 * does not exist.
 */
export const CONVERSION_PROCESS_FAILED: WireError = {
  code: "ConversionProcessFailed",
  message: "Invalid input provided. Check logs in output container for details.",
};

/**
 * Emulator rule: the input asset is "missing" when its file name (the last segment of
 * relativeInputAssetPath), compared without regard to case, starts with `missing` or contains
 * `doesnotexist` (the recordings use `boxWhichDoesNotExist.fbx`). Such a conversion goes through
 * NotStarted and Running like any other, then ends Failed with CONVERSION_PROCESS_FAILED.
 */
export function namesMissingAsset(relativeInputAssetPath: string): boolean {
  const fileName = fileNameOf(relativeInputAssetPath).toLowerCase();
  return fileName.startsWith("missing") || fileName.includes("doesnotexist");
}

export function fileNameOf(path: string): string {
  const segments = path.split("/");
  return segments[segments.length - 1] ?? path;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 ? "" : fileName.slice(dot).toLowerCase();
}

/** As recorded, a blob prefix comes back with a trailing slash ("Input" -> "Input/"). */
export function normalizeBlobPrefix(prefix: string | undefined): string | undefined {
  if (prefix === undefined || prefix === "") return undefined;
  return prefix.endsWith("/") ? prefix : `${prefix}/`;
}

/** As recorded, a missing output file name becomes the input's name with `.arrAsset`. */
export function defaultOutputAssetFilename(relativeInputAssetPath: string): string {
  const fileName = fileNameOf(relativeInputAssetPath);
  const extension = extensionOf(fileName);
  const stem = extension === "" ? fileName : fileName.slice(0, fileName.length - extension.length);
  return `${stem}.arrAsset`;
}

/** The URI of the produced asset: container, then blob prefix, then file name. */
export function outputAssetUri(settings: WireConversionSettings): string {
  const output = settings.outputLocation;
  const container = output.storageContainerUri.replace(/\/+$/, "");
  return `${container}/${output.blobPrefix ?? ""}${output.outputAssetFilename}`;
}
