// Paging over the service's lists (sessions, conversions). Pages are linked by "@nextLink"; a link to
// another origin than the endpoint is refused before any request, so the token never goes there.
// Each page carries the link to the next one as its `continuationToken`, and
// `byPage({ continuationToken })` resumes the listing there (on the same client or another one).
//
// Why not the generated `paginate` helper: it throws a generic RestError for a failed page (ours
// carries the service's code, message and MS-CV, with secrets redacted, like every other call), it
// hands out raw items (ours are converted with the MS-CV of the page that held them), and it follows
// a next link to any origin. The pages themselves are still the generated list models: the caller
// reads them with readListPage, typed on SessionsListOutput / ConversionListOutput.
import type { PagedAsyncIterableIterator, PageSettings } from "@azure/core-paging";
import { foreignOriginError, hasOrigin } from "../auth/authenticationPolicy.js";
import { malformedResponse, optionalString, requireRecord } from "./wireReaders.js";

/**
 * A page of a listing, as `byPage()` yields it: the items, and the `continuationToken` that resumes
 * the listing after this page with `byPage({ continuationToken })` (absent on the last page).
 */
export type ContinuablePage<T> = T[] & { continuationToken?: string };

/** One page: its converted items and the link to the next page, if any. */
export interface ListPage<T> {
  items: T[];
  nextLink: string | undefined;
}

/** Resolves a @nextLink against the endpoint and refuses it when it points at another origin. */
export function resolveNextLink(link: string, endpoint: URL): string {
  let url: URL;
  try {
    url = new URL(link, endpoint);
  } catch {
    throw malformedResponse("the @nextLink is not a URL");
  }
  if (!hasOrigin(url.href, endpoint.origin)) {
    throw foreignOriginError(url.href, endpoint.origin);
  }
  return url.href;
}

/**
 * Reads a page body of the generated list model TPage: the array in `itemsField`, each item
 * converted with `toItem`, and the `@nextLink`.
 */
export function readListPage<TPage extends { readonly "@nextLink"?: string }, TItem, T>(
  body: TPage | undefined,
  itemsField: keyof TPage & string,
  toItem: (item: TItem, msCv: string | undefined) => T,
  msCv: string | undefined,
): ListPage<T> {
  const page = requireRecord(body, `the ${itemsField} page`);
  const items: unknown = page[itemsField];
  if (!Array.isArray(items)) {
    throw malformedResponse(`the page has no "${itemsField}" array`);
  }
  return {
    items: items.map((item: TItem) => toItem(item, msCv)),
    nextLink: optionalString(page, "@nextLink"),
  };
}

/**
 * The paged iterator of a list: `getPage(undefined)` reads the first page, `getPage(url)` a later one
 * (the URL already checked to be on the endpoint's origin). A continuation token is a page's next link.
 * Written with native async generators rather than core-paging's getPagedAsyncIterator, whose
 * down-levelled generators (tslib) cost browser bundles more than this whole function.
 */
export function createPagedList<T>(
  endpoint: URL,
  getPage: (url: string | undefined) => Promise<ListPage<T>>,
): PagedAsyncIterableIterator<T, ContinuablePage<T>, PageSettings> {
  async function* pages(settings: PageSettings = {}): AsyncIterableIterator<ContinuablePage<T>> {
    const start: unknown = settings.continuationToken;
    if (start !== undefined && typeof start !== "string") {
      throw new TypeError("continuationToken must be a string from the continuationToken of a page.");
    }
    // A link is checked only when the caller asks for the page it names.
    let link = start === "" ? undefined : start;
    do {
      const page = await getPage(link === undefined ? undefined : resolveNextLink(link, endpoint));
      const items: ContinuablePage<T> = page.items;
      if (page.nextLink !== undefined) items.continuationToken = page.nextLink;
      yield items;
      link = page.nextLink;
    } while (link !== undefined);
  }
  async function* items(): AsyncIterableIterator<T> {
    for await (const page of pages()) yield* page;
  }
  const iterator = items();
  const list: PagedAsyncIterableIterator<T, ContinuablePage<T>, PageSettings> = {
    next: () => iterator.next(),
    [Symbol.asyncIterator]: () => list,
    byPage: (settings?: PageSettings) => pages(settings),
  };
  return list;
}
