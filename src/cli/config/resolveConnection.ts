// Merges account settings: flags win over environment variables, which win over the config file.
// With nothing configured at all, the command runs against a local emulator.
import { clientLibrary } from "../lazyModules.js";
import { UsageError } from "../cliErrors.js";
import type { AccountSettings } from "./cliSettings.js";

export type Environment = Readonly<Record<string, string | undefined>>;

/** A configured service (or an emulator given explicitly by its URL). */
export interface ServiceTarget {
  readonly kind: "service";
  readonly endpoint: string;
  readonly accountId: string;
  readonly accountDomain: string;
  /** Without a key, Microsoft Entra ID credentials are used (DefaultAzureCredential). */
  readonly accountKey: string | undefined;
  readonly authenticationEndpoint: string | undefined;
  /** True only for http URLs on this machine (an emulator). */
  readonly allowInsecureConnection: boolean;
}

export type ConnectionTarget = ServiceTarget | { readonly kind: "localEmulator" };

/** Account settings read from ARR_* environment variables. */
export function accountSettingsFromEnvironment(env: Environment): AccountSettings {
  const settings: AccountSettings = {};
  const take = (key: keyof AccountSettings, name: string): void => {
    const value = env[name]?.trim();
    if (value) settings[key] = value;
  };
  take("accountId", "ARR_ACCOUNT_ID");
  take("accountDomain", "ARR_ACCOUNT_DOMAIN");
  take("accountKey", "ARR_ACCOUNT_KEY");
  take("endpoint", "ARR_ENDPOINT");
  take("region", "ARR_REGION");
  take("authenticationEndpoint", "ARR_AUTHENTICATION_ENDPOINT");
  return settings;
}

/**
 * Resolves where to connect. `levels` are ordered from strongest to weakest
 * (flags, environment, config file).
 */
export function resolveConnection(levels: readonly AccountSettings[]): ConnectionTarget {
  const nothingSet = levels.every((level) => Object.values(level).every((value) => value === undefined));
  if (nothingSet) return { kind: "localEmulator" };

  const pick = (key: keyof AccountSettings): string | undefined =>
    levels.map((level) => level[key]).find((value) => value !== undefined);
  // The endpoint comes from the strongest level that names either an endpoint or a region.
  const endpointLevel = levels.find((level) => level.endpoint !== undefined || level.region !== undefined);
  const endpoint =
    endpointLevel?.endpoint ??
    (endpointLevel?.region !== undefined ? regionEndpoint(endpointLevel.region) : undefined);
  const accountId = pick("accountId");
  const authenticationEndpoint = pick("authenticationEndpoint");
  const url = endpoint === undefined ? undefined : checkEndpoint(endpoint, "endpoint");
  if (authenticationEndpoint !== undefined) checkEndpoint(authenticationEndpoint, "authentication endpoint");
  const local = url !== undefined && isLoopback(url);
  const accountDomain =
    expandAccountDomain(pick("accountDomain")) ?? (local ? LOCAL_ACCOUNT_DOMAIN : undefined);

  const missing: string[] = [];
  if (url === undefined)
    missing.push("the endpoint (--endpoint URL, --region NAME, ARR_ENDPOINT or ARR_REGION)");
  if (accountId === undefined) missing.push("the account id (--account-id or ARR_ACCOUNT_ID)");
  if (accountDomain === undefined) {
    missing.push(
      "the account domain (--account-domain or ARR_ACCOUNT_DOMAIN, e.g. westeurope.mixedreality.azure.com)",
    );
  }
  if (url === undefined || accountId === undefined || accountDomain === undefined || endpoint === undefined) {
    throw new UsageError(
      `Incomplete account settings: missing ${missing.join("; ")}. ` +
        "Set them with flags, ARR_* environment variables or --config FILE, or set none to use a local emulator.",
    );
  }
  return {
    kind: "service",
    endpoint: endpoint.replace(/\/+$/, ""),
    accountId,
    accountDomain,
    accountKey: pick("accountKey"),
    // An emulator given by URL serves its token service on the same origin.
    authenticationEndpoint: authenticationEndpoint ?? (local ? url.origin : undefined),
    allowInsecureConnection: local && url.protocol === "http:",
  };
}

/** Account domain used for an emulator given by URL when none is configured. */
export const LOCAL_ACCOUNT_DOMAIN = "localhost.mixedreality.azure.com";

/** `https://remoterendering.{region}.mixedreality.azure.com` for a known region. */
export function regionEndpoint(region: string): string {
  const known = clientLibrary().remoteRenderingRegions.find((r) => r.name === region.toLowerCase());
  if (known === undefined) {
    const names = clientLibrary()
      .remoteRenderingRegions.map((r) => r.name)
      .join(", ");
    throw new UsageError(`Unknown region "${region}". Known regions: ${names} (see: arr regions).`);
  }
  return known.endpoint;
}

/** The scripts accept a bare region as account domain; the client needs the full domain. */
function expandAccountDomain(domain: string | undefined): string | undefined {
  if (domain === undefined) return undefined;
  const known = clientLibrary().remoteRenderingRegions.some((r) => r.name === domain.toLowerCase());
  return known ? `${domain.toLowerCase()}.mixedreality.azure.com` : domain;
}

function checkEndpoint(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`The ${what} "${value}" is not an absolute URL (expected https://...).`);
  }
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopback(url)) return url;
  throw new UsageError(
    `The ${what} "${value}" must use https; plain http is only accepted for a local emulator (127.0.0.1, ::1, localhost).`,
  );
}

function isLoopback(url: URL): boolean {
  return ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname);
}
