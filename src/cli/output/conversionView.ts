// How the command line shows an asset conversion: the --json object, a detail block and a table.
import type { AssetConversion } from "../../index.js";
import { formatDetails, formatTable } from "./formatTable.js";
import { paint, type TerminalStyle } from "./terminalStyle.js";

/** The --json form of a conversion (access signatures are never included). */
export interface ConversionView {
  id: string;
  status: string;
  createdOn?: string;
  input: { storageContainerUrl: string; blobPrefix?: string; relativeInputAssetPath: string };
  output: { storageContainerUrl: string; blobPrefix?: string; outputAssetFilename?: string };
  outputAssetUri?: string;
  /** A read-only SAS URL of the output asset, when the command could sign one. */
  outputAssetSasUrl?: string;
  error?: { code: string; message: string };
}

export function conversionView(conversion: AssetConversion): ConversionView {
  const { inputSettings: input, outputSettings: output } = conversion.settings;
  const view: ConversionView = {
    id: conversion.conversionId,
    status: conversion.status === "Unknown" ? conversion.serviceStatus : conversion.status,
    input: {
      storageContainerUrl: input.storageContainerUrl,
      relativeInputAssetPath: input.relativeInputAssetPath,
      ...(input.blobPrefix !== undefined ? { blobPrefix: input.blobPrefix } : {}),
    },
    output: {
      storageContainerUrl: output.storageContainerUrl,
      ...(output.blobPrefix !== undefined ? { blobPrefix: output.blobPrefix } : {}),
      ...(output.outputAssetFilename !== undefined
        ? { outputAssetFilename: output.outputAssetFilename }
        : {}),
    },
  };
  if (conversion.createdOn !== undefined) view.createdOn = conversion.createdOn.toISOString();
  if (conversion.status === "Succeeded") view.outputAssetUri = conversion.outputAssetUri;
  if (conversion.status === "Failed")
    view.error = { code: conversion.error.code, message: conversion.error.message };
  return view;
}

function statusText(status: string, style: TerminalStyle): string {
  if (status === "Succeeded") return paint(style, "green", status);
  if (status === "Failed") return paint(style, "red", status);
  return status;
}

function join(container: string, ...parts: (string | undefined)[]): string {
  return [
    container.replace(/\/+$/, ""),
    ...parts.filter((p): p is string => !!p).map((p) => p.replace(/^\/+|\/+$/g, "")),
  ].join("/");
}

/** One conversion as aligned "label: value" lines. */
export function formatConversion(view: ConversionView, style: TerminalStyle): string {
  return formatDetails(
    [
      ["Conversion", view.id],
      ["Status", statusText(view.status, style)],
      [
        "Input",
        join(view.input.storageContainerUrl, view.input.blobPrefix, view.input.relativeInputAssetPath),
      ],
      ["Output", join(view.output.storageContainerUrl, view.output.blobPrefix)],
      ["Output asset", view.outputAssetUri],
      ["Asset SAS URL", view.outputAssetSasUrl],
      ["Created", view.createdOn],
      ["Error", view.error ? `${view.error.code}: ${view.error.message}` : undefined],
    ],
    style,
  );
}

/** Conversions as a table, one row each. */
export function formatConversionTable(views: readonly ConversionView[], style: TerminalStyle): string {
  if (views.length === 0) return "No conversions.\n";
  return formatTable(
    ["ID", "STATUS", "CREATED", "INPUT", "OUTPUT ASSET"],
    views.map((v) => [
      v.id,
      v.status,
      v.createdOn ?? "-",
      v.input.relativeInputAssetPath,
      v.outputAssetUri ?? v.output.outputAssetFilename ?? "-",
    ]),
    style,
  );
}
