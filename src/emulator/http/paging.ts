// Paging for the list operations. Items are ordered by creation sequence; a continuation token
// names the last sequence already returned, so pages stay stable while items are added.
import { badRequest } from "./errors";

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

export function pageAfter<T extends { sequence: number }>(
  sortedItems: readonly T[],
  afterSequence: number,
  pageSize: number,
): Page<T> {
  const remaining = sortedItems.filter((item) => item.sequence > afterSequence);
  const items = remaining.slice(0, pageSize);
  const last = items[items.length - 1];
  const nextToken =
    remaining.length > pageSize && last !== undefined ? encodeSkipToken(last.sequence) : undefined;
  return { items, nextToken };
}
