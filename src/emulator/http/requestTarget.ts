// Reading the request target and the address the client used.
import type { IncomingMessage } from "node:http";

/** Scheme, host and port the client called, from the Host header (or `fallback` if unusable). */
export function baseUrlOf(request: IncomingMessage, fallback: string): string {
  const host = request.headers.host;
  return host !== undefined && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
    ? `http://${host}`
    : fallback;
}

/** Path and query of a request target, without resolving it as a URL ("//x" stays a path). */
export function splitRequestTarget(target: string): { pathname: string; searchParams: URLSearchParams } {
  const withoutOrigin = target.replace(/^https?:\/\/[^/]*/i, "");
  const queryStart = withoutOrigin.indexOf("?");
  const pathname = queryStart < 0 ? withoutOrigin : withoutOrigin.slice(0, queryStart);
  const query = queryStart < 0 ? "" : withoutOrigin.slice(queryStart + 1);
  return { pathname: pathname === "" ? "/" : pathname, searchParams: new URLSearchParams(query) };
}
