// Uploads a local file or folder to a blob container, several files at a time, skipping blobs that
// already hold the same bytes (same MD5), and reporting progress per file and in bytes.
import { createHash } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import type { AbortSignalLike } from "@azure/abort-controller";
import type { ContainerClient } from "@azure/storage-blob";

export interface UploadProgress {
  /** The file this event is about (relative to the folder, with "/" separators). */
  file: string;
  blobName: string;
  /** "uploading" while bytes flow, then "uploaded", or "skipped" when the blob already matched. */
  state: "uploading" | "uploaded" | "skipped";
  /** Bytes uploaded or skipped so far, over all files. */
  doneBytes: number;
  totalBytes: number;
  doneFiles: number;
  totalFiles: number;
}

export interface UploadFolderOptions {
  /** Folder in the container the files go under (e.g. "models/"); the container root by default. */
  blobPrefix?: string;
  /** Files uploaded at the same time; 4 by default (1 to 32). */
  concurrency?: number;
  /** Called on every change of progress. */
  onProgress?: (progress: UploadProgress) => void;
  abortSignal?: AbortSignalLike;
}

export interface UploadFolderResult {
  /** Blob names written. */
  uploaded: string[];
  /** Blob names left as they were (same MD5 as the local file). */
  skipped: string[];
  totalBytes: number;
}

interface LocalFile {
  absolute: string;
  relative: string;
  size: number;
}

async function listFiles(root: string): Promise<LocalFile[]> {
  const stat = await fs.stat(root);
  if (stat.isFile()) return [{ absolute: root, relative: path.basename(root), size: stat.size }];
  const files: LocalFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(absolute);
      else if (entry.isFile()) {
        const relative = path.relative(root, absolute).split(path.sep).join("/");
        files.push({ absolute, relative, size: (await fs.stat(absolute)).size });
      }
    }
  };
  await walk(root);
  return files;
}

async function md5Of(file: string): Promise<Buffer> {
  const hash = createHash("md5");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest();
}

/** The MD5 of a blob, or undefined when it does not exist or has none. */
async function blobMd5(container: ContainerClient, blobName: string): Promise<Buffer | undefined> {
  try {
    const md5 = (await container.getBlobClient(blobName).getProperties()).contentMD5;
    return md5 === undefined ? undefined : Buffer.from(md5);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

function normalizePrefix(prefix: string | undefined): string {
  if (prefix === undefined || prefix === "") return "";
  if (typeof prefix !== "string" || prefix.startsWith("/")) {
    throw new TypeError('options.blobPrefix must be a relative blob folder such as "models/".');
  }
  return prefix.endsWith("/") ? prefix : `${prefix}/`;
}

/**
 * Uploads `localPath` (a file, or a folder with its subfolders) to `container` under `blobPrefix`.
 * Each blob gets its MD5 as Content-MD5, so a second run skips the files that did not change.
 */
export async function uploadFolder(
  container: ContainerClient,
  localPath: string,
  options: UploadFolderOptions = {},
): Promise<UploadFolderResult> {
  if (typeof localPath !== "string" || localPath === "") {
    throw new TypeError("localPath must be the path of a local file or folder.");
  }
  const prefix = normalizePrefix(options.blobPrefix);
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    throw new RangeError(
      `options.concurrency must be a whole number from 1 to 32; got ${String(concurrency)}.`,
    );
  }
  const files = await listFiles(localPath);
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const result: UploadFolderResult = { uploaded: [], skipped: [], totalBytes };
  let doneBytes = 0;
  let doneFiles = 0;
  const report = (file: LocalFile, blobName: string, state: UploadProgress["state"], extra = 0): void =>
    options.onProgress?.({
      file: file.relative,
      blobName,
      state,
      doneBytes: doneBytes + extra,
      totalBytes,
      doneFiles,
      totalFiles: files.length,
    });

  const queue = [...files];
  const worker = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if (options.abortSignal?.aborted) throw new Error("The upload was aborted.");
      const blobName = `${prefix}${file.relative}`;
      const md5 = await md5Of(file.absolute);
      const existing = await blobMd5(container, blobName);
      if (existing !== undefined && existing.equals(md5)) {
        doneBytes += file.size;
        doneFiles += 1;
        result.skipped.push(blobName);
        report(file, blobName, "skipped");
        continue;
      }
      await container.getBlockBlobClient(blobName).uploadFile(file.absolute, {
        blobHTTPHeaders: { blobContentMD5: md5 },
        ...(options.abortSignal !== undefined ? { abortSignal: options.abortSignal } : {}),
        onProgress: (event) => report(file, blobName, "uploading", event.loadedBytes),
      });
      doneBytes += file.size;
      doneFiles += 1;
      result.uploaded.push(blobName);
      report(file, blobName, "uploaded");
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(files.length, 1)) }, () => worker()));
  result.uploaded.sort();
  result.skipped.sort();
  return result;
}
