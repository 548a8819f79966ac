// What conversions do with the emulator's blob service: at creation, check that the containers can
// be reached with the SAS given (or through the linked account); when the conversion ends, read the
// input blob and write the output files. Only containers in that blob service are touched.
import { AnonymousCredential, ContainerClient } from "@azure/storage-blob";
import { CONVERSION_PROCESS_FAILED } from "../operations/conversionRules.js";
import type { WireConversionSettings, WireError } from "../operations/wireTypes.js";
import { isInStorage, type BlobStorage } from "./blobStorage.js";
import {
  assetFileContent,
  conversionLogContent,
  inputBlobName,
  outputBlobNames,
  resultFileContent,
  type ConversionOutputFacts,
} from "./conversionOutputFiles.js";

/** Shared access signatures of a conversion, kept in memory only (never in the data file). */
export interface ConversionSignatures {
  inputSas: string | undefined;
  outputSas: string | undefined;
}

export type StorageAccess =
  | { kind: "reachable" }
  | { kind: "denied"; reason: string }
  | { kind: "unreachable"; error: WireError };

/** What settle() needs to know about a conversion. */
export interface SettlingConversion {
  id: string;
  settings: WireConversionSettings;
  startedAt: string;
  finishedAt: string;
  /** A failure decided at creation (an injected fault, unreachable storage), if any. */
  failure: WireError | null;
}

/** SAS permissions (`sp`) as a set of letters; undefined without a SAS. */
function sasPermissions(sas: string | undefined): Set<string> | undefined {
  if (sas === undefined || sas === "") return undefined;
  return new Set([...(new URLSearchParams(sas).get("sp") ?? "")]);
}

/** The HTTP status of a storage error; undefined when no answer came (connection refused, timeout). */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : undefined;
}

function isConnectionFailure(error: unknown): boolean {
  return statusOf(error) === undefined;
}

function describe(error: unknown): string {
  const status = statusOf(error);
  if (status !== undefined) return `HTTP ${status}`;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" ? `${code}: ${message}` : message;
}

export class ConversionStorage {
  /** Conversions created since start that have not been settled yet, with their signatures. */
  private readonly pending = new Map<string, ConversionSignatures>();
  private readonly settling = new Map<string, Promise<WireError | null>>();

  constructor(private readonly storage: BlobStorage) {}

  /** The blob endpoint of the storage account conversions use. */
  get blobEndpoint(): string {
    return this.storage.info.blobEndpoint;
  }

  /** Whether a container URI lies in the emulator's blob service. */
  holds(containerUri: string): boolean {
    return isInStorage(this.storage, containerUri);
  }

  private container(containerUri: string, sas: string | undefined): ContainerClient | undefined {
    const options = { retryOptions: { maxTries: 1, tryTimeoutInMs: 10_000 } };
    if (sas !== undefined && sas !== "") {
      return new ContainerClient(`${containerUri}?${sas}`, new AnonymousCredential(), options);
    }
    if (!this.storage.linked) return undefined;
    return new ContainerClient(containerUri, this.storage.credential, options);
  }

  private unreachable(error: unknown): StorageAccess {
    return {
      kind: "unreachable",
      error: {
        code: CONVERSION_PROCESS_FAILED.code,
        message:
          `The blob storage at ${this.storage.info.blobEndpoint} could not be reached (${describe(error)}); ` +
          "the conversion could not run.",
      },
    };
  }

  /** Checks at creation that the input can be listed and read and the output written. */
  async checkAccess(
    settings: WireConversionSettings,
    signatures: ConversionSignatures,
  ): Promise<StorageAccess> {
    const input = settings.inputLocation;
    const output = settings.outputLocation;
    if (this.holds(input.storageContainerUri)) {
      const permissions = sasPermissions(signatures.inputSas);
      if (permissions !== undefined && !(permissions.has("r") && permissions.has("l"))) {
        return { kind: "denied", reason: "the input SAS lacks read or list permission" };
      }
      const container = this.container(input.storageContainerUri, signatures.inputSas);
      if (container === undefined) return { kind: "denied", reason: "the input storage is not linked" };
      try {
        const pages = container
          .listBlobsFlat(input.blobPrefix === undefined ? {} : { prefix: input.blobPrefix })
          .byPage({ maxPageSize: 1 });
        await pages.next();
      } catch (error) {
        if (isConnectionFailure(error)) return this.unreachable(error);
        return { kind: "denied", reason: `listing the input container answered ${describe(error)}` };
      }
    }
    if (this.holds(output.storageContainerUri)) {
      const permissions = sasPermissions(signatures.outputSas);
      if (permissions !== undefined && !permissions.has("w")) {
        return { kind: "denied", reason: "the output SAS lacks write permission" };
      }
      const container = this.container(output.storageContainerUri, signatures.outputSas);
      if (container === undefined) return { kind: "denied", reason: "the output storage is not linked" };
      if (permissions === undefined) {
        try {
          if (!(await container.exists()))
            return { kind: "denied", reason: "the output container does not exist" };
        } catch (error) {
          if (isConnectionFailure(error)) return this.unreachable(error);
          return { kind: "denied", reason: `reading the output container answered ${describe(error)}` };
        }
      }
    }
    return { kind: "reachable" };
  }

  /** Remembers a new conversion, to settle it when it ends. */
  track(key: string, signatures: ConversionSignatures): void {
    this.pending.set(key, signatures);
  }

  /** Whether a conversion still has to be settled (created since start, not settled yet). */
  isPending(key: string): boolean {
    return this.pending.has(key);
  }

  /**
   * Runs the ended conversion against storage once: reads the input blob, writes the output files,
   * and resolves with the conversion's final error (null for success).
   */
  settle(key: string, conversion: SettlingConversion): Promise<WireError | null> {
    const running = this.settling.get(key);
    if (running !== undefined) return running;
    const signatures = this.pending.get(key) ?? { inputSas: undefined, outputSas: undefined };
    const work = this.run(conversion, signatures).finally(() => {
      this.pending.delete(key);
      this.settling.delete(key);
    });
    this.settling.set(key, work);
    return work;
  }

  private async run(
    conversion: SettlingConversion,
    signatures: ConversionSignatures,
  ): Promise<WireError | null> {
    const { settings } = conversion;
    const inputName = inputBlobName(settings);
    const inputUrl = `${settings.inputLocation.storageContainerUri.replace(/\/+$/, "")}/${inputName}`;
    let error = conversion.failure;
    let size: number | undefined;
    let detail = error?.message ?? "";
    if (error === null && this.holds(settings.inputLocation.storageContainerUri)) {
      const container = this.container(settings.inputLocation.storageContainerUri, signatures.inputSas);
      try {
        if (container === undefined) {
          error = CONVERSION_PROCESS_FAILED;
          detail = "the input storage is not linked and no SAS is known (was the emulator restarted?)";
        } else {
          size = (await container.getBlobClient(inputName).getProperties()).contentLength ?? 0;
        }
      } catch (caught) {
        const access = isConnectionFailure(caught) ? this.unreachable(caught) : undefined;
        error = access?.kind === "unreachable" ? access.error : CONVERSION_PROCESS_FAILED;
        detail = `cannot read input blob ${inputName}: ${describe(caught)}`;
      }
    }
    if (!this.holds(settings.outputLocation.storageContainerUri)) return error;
    const facts: ConversionOutputFacts = {
      conversionId: conversion.id,
      settings,
      inputBlobUrl: inputUrl,
      inputSizeInBytes: size,
      startedAt: conversion.startedAt,
      finishedAt: conversion.finishedAt,
      error,
    };
    const container = this.container(settings.outputLocation.storageContainerUri, signatures.outputSas);
    const names = outputBlobNames(settings);
    const files: [string, string, string][] = [
      ...(error === null
        ? [[names.asset, assetFileContent(facts), "application/octet-stream"] as [string, string, string]]
        : []),
      [names.result, resultFileContent(facts), "application/json"],
      [names.log, conversionLogContent(facts, detail), "text/plain; charset=utf-8"],
    ];
    try {
      if (container === undefined) throw new Error("the output storage is not linked");
      for (const [name, content, contentType] of files) {
        await container
          .getBlockBlobClient(name)
          .upload(content, Buffer.byteLength(content), { blobHTTPHeaders: { blobContentType: contentType } });
      }
    } catch (caught) {
      if (error !== null) return error;
      return {
        code: CONVERSION_PROCESS_FAILED.code,
        message: `The output could not be written to ${settings.outputLocation.storageContainerUri} (${describe(caught)}).`,
      };
    }
    return error;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.settling.values()]);
    await this.storage.close();
  }
}
