// Paging for the list operations. Items are ordered by creation sequence; a continuation token
// names the last sequence already returned, so pages stay stable while items are added.
import { badRequest } from "./errors.js";

export const SKIP_TOKEN_PARAMETER = "$skipToken";

export interface Page<T> {
  items: T[];
  /** The token for the next page, or undefined on the last page. */
  nextToken: string | undefined;
}

export function encodeSkipToken(afterSequence: number): string {
  return Buffer.from(`after:${afterSequence}`, "utf8").toString("base64url");
}

/** Decodes a token from a request; anything we did not issue is a 400 naming the parameter. */
export function decodeSkipToken(token: string): number {
  const match = /^after:(\d{1,15})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (match === null || match[1] === undefined) {
    throw badRequest(
      `The ${SKIP_TOKEN_PARAMETER} value is not a token issued by this service.`,
      SKIP_TOKEN_PARAMETER,
    );
  }
  return Number(match[1]);
}

/**
 * The first `pageSize` items of `itemsAfterCursor` (the listed items after the continuation token,
 * in sequence order), reading one more only to know whether another page follows: the cost of a
 * page does not depend on how many items are stored.
 */
export function takePage<T extends { sequence: number }>(
  itemsAfterCursor: Iterable<T>,
  pageSize: number,
): Page<T> {
  const items: T[] = [];
  let more = false;
  for (const item of itemsAfterCursor) {
    if (items.length === pageSize) {
      more = true;
      break;
    }
    items.push(item);
  }
  const last = items[items.length - 1];
  return { items, nextToken: more && last !== undefined ? encodeSkipToken(last.sequence) : undefined };
}
