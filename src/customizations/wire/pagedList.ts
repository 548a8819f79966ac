// Paging over the service's lists (sessions, conversions). Pages are linked by "@nextLink"; a link
// to another origin than the endpoint is refused before any request, so the token never goes there.
import type { Client, HttpResponse, RequestParameters } from "@azure-rest/core-client";
import type { PagedAsyncIterableIterator, PageSettings } from "@azure/core-paging";
import { getPagedAsyncIterator } from "@azure/core-paging";
import { foreignOriginError, hasOrigin } from "../auth/authenticationPolicy";
import { createServiceRestError } from "../errors/serviceRestError";
import { malformedResponse, requireRecord } from "./wireReaders";

/** Settings of createPagedList. */
export interface PagedListSettings<T> {
  /** Requests the first page. */
  getFirstPage: () => PromiseLike<HttpResponse>;
  /** Requests a page by absolute URL (already checked to be on the endpoint's origin). */
  getPageByUrl: (url: string) => PromiseLike<HttpResponse>;
  /** The array field of a page body: "sessions" or "conversions". */
  itemsField: string;
  /** Converts one item of a page. */
  toItem: (item: unknown, msCv: string | undefined) => T;
  /** The endpoint; relative links resolve against it and absolute ones must share its origin. */
  endpoint: URL;
  /** Words naming the list in error messages, such as "List sessions". */
  operation: string;
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

/** Creates the paged iterator of a list operation. */
export function createPagedList<T>(
  settings: PagedListSettings<T>,
): PagedAsyncIterableIterator<T, T[], PageSettings> {
  const { getFirstPage, getPageByUrl, itemsField, toItem, endpoint, operation } = settings;
  const firstPageLink = "";
  return getPagedAsyncIterator<T, T[], PageSettings, string>({
    firstPageLink,
    getPage: async (link) => {
      const response = await (link === firstPageLink
        ? getFirstPage()
        : getPageByUrl(resolveNextLink(link, endpoint)));
      if (response.status !== "200") {
        throw createServiceRestError(response, { operation });
      }
      const body = requireRecord(response.body, `the ${itemsField} page`);
      const items = body[itemsField];
      if (!Array.isArray(items)) {
        throw malformedResponse(`the page has no "${itemsField}" array`);
      }
      const msCv = response.headers["ms-cv"];
      const page = items.map((item: unknown) => toItem(item, msCv));
      const next = body["@nextLink"];
      if (typeof next === "string" && next !== "") {
        // Checked (resolveNextLink) only when the caller asks for the next page.
        return { page, nextPageLink: next };
      }
      return { page };
    },
  });
}

/** Settings of pagedListOf. */
export interface PagedListOfSettings<T> {
  /** The list path, relative to the endpoint. */
  path: string;
  /** Request parameters (headers, abort signal, ...) for every page. */
  parameters: RequestParameters;
  itemsField: string;
  toItem: (item: unknown, msCv: string | undefined) => T;
  operation: string;
}

/** The paged iterator of a list of the service, read through a REST client. */
export function pagedListOf<T>(
  client: Pick<Client, "pathUnchecked">,
  endpoint: URL,
  settings: PagedListOfSettings<T>,
): PagedAsyncIterableIterator<T, T[], PageSettings> {
  const { path, parameters, itemsField, toItem, operation } = settings;
  return createPagedList({
    getFirstPage: () => client.pathUnchecked(path).get(parameters),
    getPageByUrl: (url) => client.pathUnchecked(url).get(parameters),
    itemsField,
    toItem,
    endpoint,
    operation,
  });
}
