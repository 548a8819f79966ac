// Reading and decoding request bodies, with a size limit. A body over the limit is drained
// (up to a hard cap) before the 413 answer, so clients that are still sending see the answer
// instead of a broken connection.
import type { IncomingMessage } from "node:http";
import { EmulatorHttpError, badRequest } from "./errors.js";

export type BodyReadResult = { kind: "complete"; bytes: Buffer } | { kind: "too-large"; drained: boolean };

/** How much of an oversized body is read and thrown away before the connection is cut. */
const DRAIN_CAP_IN_BYTES = 16 * 1024 * 1024;

export function readRequestBody(request: IncomingMessage, maxSizeInBytes: number): Promise<BodyReadResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = false;
    const declared = Number(request.headers["content-length"] ?? "0");
    const finish = (result: BodyReadResult): void => {
      request.removeAllListeners("data");
      resolve(result);
    };
    if (Number.isFinite(declared) && declared > maxSizeInBytes) {
      tooLarge = true;
      if (declared > DRAIN_CAP_IN_BYTES) {
        finish({ kind: "too-large", drained: false });
        return;
      }
    }
    request.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxSizeInBytes) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (received > DRAIN_CAP_IN_BYTES) {
          request.pause();
          finish({ kind: "too-large", drained: false });
        }
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () =>
      finish(
        tooLarge ? { kind: "too-large", drained: true } : { kind: "complete", bytes: Buffer.concat(chunks) },
      ),
    );
    // A client that goes away mid-body gets no answer; the pipeline only needs to stop waiting.
    request.on("error", () => finish({ kind: "too-large", drained: false }));
    request.on("close", () => {
      if (!request.complete) finish({ kind: "too-large", drained: false });
    });
  });
}

export function payloadTooLarge(maxSizeInBytes: number): EmulatorHttpError {
  return new EmulatorHttpError(
    413,
    "PayloadTooLarge",
    `The request body is larger than the ${maxSizeInBytes} bytes this service accepts.`,
  );
}

function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** Decodes a JSON body: 400 when missing or malformed, 415 when not declared as JSON. */
export function decodeJsonBody(bytes: Buffer, contentType: string | undefined): unknown {
  if (bytes.length === 0) throw badRequest("The request body is required.", "body");
  if (!isJsonContentType(contentType)) {
    throw new EmulatorHttpError(
      415,
      "UnsupportedMediaType",
      `The request body must be sent with Content-Type application/json; got ${contentType === undefined ? "none" : `'${contentType.slice(0, 100)}'`}.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badRequest("The request body is not valid UTF-8.", "body");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : "syntax error";
    throw badRequest(`The request body is not valid JSON: ${reason}`, "body");
  }
}
