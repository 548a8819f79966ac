// paginateHelper.ts: `paginate(client, initialResponse)` walks the pages of an x-ms-pageable operation,
// with the item and next-link property names the spec declares.
import type { OperationModel, PagingModel } from "./clientModel";
import { pathPattern } from "./pathPattern";

/** The property names pages use, over all pageable operations (sorted, unique). */
export function pagingNames(operations: readonly OperationModel[]): { items: string[]; nextLinks: string[] } {
  const paging = operations
    .map((operation) => operation.paging)
    .filter((p): p is PagingModel => p !== undefined);
  const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();
  return {
    items: sorted(paging.map((p) => p.itemName)),
    nextLinks: sorted(paging.flatMap((p) => (p.nextLinkName === undefined ? [] : [p.nextLinkName]))),
  };
}

export function emitPaginateHelper(operations: readonly OperationModel[]): string | undefined {
  const { items, nextLinks } = pagingNames(operations);
  if (items.length === 0) {
    return undefined;
  }
  const itemUnion = items.map((name) => JSON.stringify(name)).join(" | ");
  const rules = operations
    .filter((operation) => operation.paging !== undefined)
    .map(
      (operation) =>
        `{ method: ${JSON.stringify(operation.method.toUpperCase())}, path: /${pathPattern(operation.path)}/, ` +
        `itemName: ${JSON.stringify(operation.paging?.itemName)}, nextLinkName: ${JSON.stringify(operation.paging?.nextLinkName ?? null)} },\n`,
    )
    .join("");
  return `import type { Client, PathUncheckedResponse } from "@azure-rest/core-client";
import { createRestError } from "@azure-rest/core-client";
import type { PagedAsyncIterableIterator, PagedResult } from "@azure/core-paging";
import { getPagedAsyncIterator } from "@azure/core-paging";

/** Names of the array property that holds the items of a page. */
const itemNames: readonly string[] = ${JSON.stringify(items)};

/** Names of the property that holds the link to the next page. */
const nextLinkNames: readonly string[] = ${JSON.stringify(nextLinks)};

/**
 * Each pageable operation's own names, found by the method and path of the first page's request
 * (or, for a long-running operation's final page, the operation's original URL). A response that
 * matches none is read with every name above.
 */
const pagingRules: { method: string; path: RegExp; itemName: string; nextLinkName: string | null }[] = [
${rules}];

function namesOf(response: PathUncheckedResponse): { items: readonly string[]; nextLinks: readonly string[] } {
  const original = response.headers["x-ms-original-url"];
  const pathname = new URL(original ?? response.request.url).pathname;
  const matches = pagingRules.filter((rule) => rule.path.test(pathname));
  const rule = matches.find((candidate) => candidate.method === response.request.method) ?? matches[0];
  if (rule === undefined) {
    return { items: itemNames, nextLinks: nextLinkNames };
  }
  return { items: [rule.itemName], nextLinks: rule.nextLinkName === null ? [] : [rule.nextLinkName] };
}

/** The element type of an array type. */
export type GetArrayType<T> = T extends Array<infer TData> ? TData : never;

/** Reads the page behind \`pageLink\`. */
export type GetPage<TPage> = (
  pageLink: string,
  maxPageSize?: number,
) => Promise<{ page: TPage; nextPageLink?: string }>;

/** Options of \`paginate\`. */
export interface PagingOptions<TResponse> {
  /** Replaces the built-in page reader. */
  customGetPage?: GetPage<PaginateReturn<TResponse>[]>;
}

/** The element type of the item array \`TName\` of a page body, for each name the body has. */
type ItemsOf<TBody, TName> = TName extends keyof TBody ? GetArrayType<NonNullable<TBody[TName]>> : never;

/** The items of the pages a response type may hold (a body without an item array adds none). */
type PageItems<TResult> = TResult extends { body: infer TBody } ? ItemsOf<TBody, ${itemUnion}> : never;

/**
 * The type of the items in the pages of a response: unknown for a body without an item array, never
 * for never (as the reference: a response narrowed away, e.g. after isUnexpected when the default
 * response has no schema and every answer type is assignable to it).
 */
export type PaginateReturn<TResult> = [TResult] extends [never]
  ? never
  : [PageItems<TResult>] extends [never]
    ? unknown
    : PageItems<TResult>;

/**
 * Iterates the items (or, with \`byPage()\`, the pages) of a pageable operation, starting with the response
 * already received and following the next links. A page with a status other than 2xx throws a RestError.
 */
export function paginate<TResponse extends PathUncheckedResponse>(
  client: Client,
  initialResponse: TResponse,
  options: PagingOptions<TResponse> = {},
): PagedAsyncIterableIterator<PaginateReturn<TResponse>> {
  type TElement = PaginateReturn<TResponse>;
  const { customGetPage } = options;
  const names = namesOf(initialResponse);
  const pagedResult: PagedResult<TElement[]> = {
    firstPageLink: "",
    getPage:
      typeof customGetPage === "function"
        ? customGetPage
        : async (pageLink: string) => {
            const result = pageLink === "" ? initialResponse : await client.pathUnchecked(pageLink).get();
            checkPagingRequest(result);
            const page = getElements<TElement>(result.body, names.items);
            const nextLink = getNextLink(result.body, names.nextLinks);
            if (nextLink === undefined) {
              return { page };
            }
            // A relative link is relative to the page that holds it, as in any URL reference.
            return { page, nextPageLink: new URL(nextLink, result.request.url).href };
          },
  };
  return getPagedAsyncIterator(pagedResult);
}

function propertyOf(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function getNextLink(body: unknown, nextLinkNames: readonly string[]): string | undefined {
  for (const name of nextLinkNames) {
    const nextLink = propertyOf(body, name);
    if (typeof nextLink === "string" && nextLink !== "") {
      return nextLink;
    }
    if (nextLink !== undefined && nextLink !== null && nextLink !== "") {
      throw new TypeError(\`Body property \${name} should be a string or undefined\`);
    }
  }
  return undefined;
}

function getElements<T>(body: unknown, itemNames: readonly string[]): T[] {
  for (const name of itemNames) {
    const value = propertyOf(body, name);
    if (Array.isArray(value)) {
      return value as T[];
    }
  }
  throw new TypeError(\`Couldn't paginate response: the body has no array property named \${itemNames.join(" or ")}\`);
}

function checkPagingRequest(response: PathUncheckedResponse): void {
  if (!/^2\\d\\d$/.test(response.status)) {
    throw createRestError(\`Pagination failed with unexpected statusCode \${response.status}\`, response);
  }
}
`;
}
