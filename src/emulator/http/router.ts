// Maps a method and path to an operation. Literal segments match without regard to case (the
// token service spells "/Accounts", the data plane "/accounts"); parameters are case sensitive.
import type { EmulatorOperation } from "../faults/faultTypes.js";

export interface RouteParameters {
  account_id: string;
  session_id?: string;
  conversion_id?: string;
}

export type RouteResult =
  | { kind: "match"; operation: EmulatorOperation; parameters: RouteParameters }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

interface Route {
  segments: readonly string[];
  methods: Readonly<Record<string, EmulatorOperation>>;
}

const ROUTES: readonly Route[] = [
  { segments: ["accounts", "{account_id}", "token"], methods: { GET: "GetToken" } },
  { segments: ["accounts", "{account_id}", "sessions"], methods: { GET: "ListSessions" } },
  {
    segments: ["accounts", "{account_id}", "sessions", "{session_id}"],
    methods: { GET: "GetSession", PUT: "CreateSession", PATCH: "UpdateSession" },
  },
  {
    segments: ["accounts", "{account_id}", "sessions", "{session_id}", ":stop"],
    methods: { POST: "StopSession" },
  },
  { segments: ["accounts", "{account_id}", "conversions"], methods: { GET: "ListConversions" } },
  {
    segments: ["accounts", "{account_id}", "conversions", "{conversion_id}"],
    methods: { GET: "GetConversion", PUT: "CreateConversion" },
  },
];

/** Splits a raw path into decoded segments (one trailing slash allowed); undefined if undecodable. */
export function pathSegments(pathname: string): string[] | undefined {
  const trimmed = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  try {
    return trimmed
      .split("/")
      .slice(1)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

function matchSegments(route: Route, segments: readonly string[]): RouteParameters | undefined {
  if (route.segments.length !== segments.length) return undefined;
  const parameters: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const pattern = route.segments[i] as string;
    const actual = segments[i] as string;
    if (pattern.startsWith("{")) {
      parameters[pattern.slice(1, -1)] = actual;
    } else if (pattern.toLowerCase() !== actual.toLowerCase()) {
      return undefined;
    }
  }
  return parameters as unknown as RouteParameters;
}

export function matchRoute(method: string, pathname: string): RouteResult {
  const segments = pathSegments(pathname);
  if (segments === undefined) return { kind: "not-found" };
  for (const route of ROUTES) {
    const parameters = matchSegments(route, segments);
    if (parameters === undefined) continue;
    const operation = route.methods[method.toUpperCase()];
    if (operation === undefined) return { kind: "method-not-allowed", allowed: Object.keys(route.methods) };
    return { kind: "match", operation, parameters };
  }
  return { kind: "not-found" };
}
