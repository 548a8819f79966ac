// The emitter's settings, read from the AutoRest configuration (autorest.md or the command line).
// Option names follow @autorest/typescript's; `credential-*` are our older aliases of `security-*`.

export type SecurityKind = "AADToken" | "AzureKey";

export interface EmitterOptions {
  /**
   * Emit a `credentials` parameter on the factory. undefined: as @autorest/typescript does, when the
   * spec declares security requirements (or the `security` option names a kind).
   */
  readonly addCredentials: boolean | undefined;
  /** `security`: the credential kinds the factory accepts; undefined means the spec's schemes. */
  readonly security: readonly SecurityKind[] | undefined;
  /** Scopes for a TokenCredential (`security-scopes`, alias `credential-scopes`); otherwise the spec's. */
  readonly credentialScopes: readonly string[] | undefined;
  /** Header for a KeyCredential (`security-header-name`, alias `credential-key-header-name`). */
  readonly credentialKeyHeaderName: string | undefined;
  /** The package name without its scope, e.g. `lro-rest` for `@msinternal/lro-rest`. */
  readonly packageName: string;
  /** `azsdk-js-<package name>-rest/<version>`, sent in the user agent of every request. */
  readonly userAgent: string;
  /** `allow-insecure-connection`: the factory allows http:// endpoints unless the caller says otherwise. */
  readonly allowInsecureConnection: boolean;
  /** `rlc-shortcut`: operation-group properties and methods on the client. */
  readonly rlcShortcut: boolean;
  /** `license-header`: the text of a license comment put on top of every file, or undefined. */
  readonly licenseHeader: string | undefined;
}

/** Reads one configuration value; AutoRest's host.getValue in production, a map in tests. */
export type ConfigurationReader = (key: string) => Promise<unknown>;

/** The license comment of `license-header: true`, as @autorest/typescript writes it. */
export const defaultLicenseHeader = "Copyright (c) Microsoft Corporation.\nLicensed under the MIT License.";

function readBoolean(key: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === "boolean") {
    return value;
  }
  if (value === "true" || value === "false") {
    return value === "true";
  }
  throw new TypeError(`Option ${key} must be true or false; got ${JSON.stringify(value)}`);
}

function readString(key: string, value: unknown): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === "string" && value.length > 0) {
    return value;
  }
  throw new TypeError(`Option ${key} must be a non-empty string; got ${JSON.stringify(value)}`);
}

function readStringList(key: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : undefined;
  if (
    list === undefined ||
    !list.every((item): item is string => typeof item === "string" && item.trim() !== "")
  ) {
    throw new TypeError(`Option ${key} must be a list of strings or a comma-separated string`);
  }
  return list.map((item) => item.trim());
}

function readSecurity(value: unknown): SecurityKind[] | undefined {
  const list = readStringList("security", value);
  for (const kind of list ?? []) {
    if (kind !== "AADToken" && kind !== "AzureKey") {
      throw new TypeError(`Option security must list AADToken and/or AzureKey; got ${JSON.stringify(kind)}`);
    }
  }
  return list as SecurityKind[] | undefined;
}

function readPackage(value: unknown): { packageName: string; userAgent: string } {
  if (value === undefined || value === null) {
    return { packageName: "rlc-emitter", userAgent: "azsdk-js-rlc-emitter-rest/1.0.0" };
  }
  const details = value as { name?: unknown; version?: unknown; nameWithoutScope?: unknown };
  const name = readString("package-details.name", details.name);
  const version = readString("package-details.version", details.version);
  if (name === undefined || version === undefined) {
    throw new TypeError("Option package-details must have a name and a version");
  }
  const explicit = typeof details.nameWithoutScope === "string" ? details.nameWithoutScope : "";
  const packageName = explicit !== "" ? explicit : name.replace(/^@[^/]+\//, "");
  const agentName = packageName.endsWith("-rest") ? packageName : `${packageName}-rest`;
  return { packageName, userAgent: `azsdk-js-${agentName}/${version}` };
}

function readLicenseHeader(value: unknown): string | undefined {
  if (typeof value === "string" && value !== "true" && value !== "false" && value.trim() !== "") {
    return value.trim();
  }
  return readBoolean("license-header", value) === true ? defaultLicenseHeader : undefined;
}

export async function readEmitterOptions(read: ConfigurationReader): Promise<EmitterOptions> {
  const restLevelClient = readBoolean("rest-level-client", await read("rest-level-client"));
  if (restLevelClient === false) {
    throw new TypeError("Option rest-level-client: this emitter only writes rest-level clients");
  }
  const security = readSecurity(await read("security"));
  const addCredentials = readBoolean("add-credentials", await read("add-credentials"));
  const scopes =
    readStringList("security-scopes", await read("security-scopes")) ??
    readStringList("credential-scopes", await read("credential-scopes"));
  const headerName =
    readString("security-header-name", await read("security-header-name")) ??
    readString("credential-key-header-name", await read("credential-key-header-name"));
  return {
    addCredentials: addCredentials ?? (security !== undefined ? true : undefined),
    security,
    credentialScopes: scopes,
    credentialKeyHeaderName: headerName,
    ...readPackage(await read("package-details")),
    allowInsecureConnection:
      readBoolean("allow-insecure-connection", await read("allow-insecure-connection")) ?? false,
    rlcShortcut: readBoolean("rlc-shortcut", await read("rlc-shortcut")) ?? false,
    licenseHeader: readLicenseHeader(await read("license-header")),
  };
}
