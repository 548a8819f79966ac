// The emitter's settings, read from the AutoRest configuration (autorest.md or the command line).

export interface EmitterOptions {
  /** Emit a `credentials` parameter on the factory (RLC style) instead of leaving auth to the caller's pipeline. */
  readonly addCredentials: boolean;
  /** Scopes for a TokenCredential, when addCredentials is set; otherwise the spec's OAuth2 scopes. */
  readonly credentialScopes: readonly string[] | undefined;
  /** Header for a KeyCredential, when addCredentials is set; otherwise the spec's apiKey header. */
  readonly credentialKeyHeaderName: string | undefined;
  /** `name/version` appended to the user agent of every request. */
  readonly userAgent: string;
}

/** Reads one configuration value; AutoRest's host.getValue in production, a map in tests. */
export type ConfigurationReader = (key: string) => Promise<unknown>;

function readBoolean(key: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) {
    return fallback;
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

function readUserAgent(value: unknown): string {
  if (value === undefined || value === null) {
    return "autorest-rlc-emitter/1.0.0";
  }
  const details = value as { name?: unknown; version?: unknown };
  const name = readString("package-details.name", details.name);
  const version = readString("package-details.version", details.version);
  if (name === undefined || version === undefined) {
    throw new TypeError("Option package-details must have a name and a version");
  }
  return `${name.replace(/^@/, "").replace(/\//g, "-")}-rest/${version}`;
}

export async function readEmitterOptions(read: ConfigurationReader): Promise<EmitterOptions> {
  return {
    addCredentials: readBoolean("add-credentials", await read("add-credentials"), false),
    credentialScopes: readStringList("credential-scopes", await read("credential-scopes")),
    credentialKeyHeaderName: readString(
      "credential-key-header-name",
      await read("credential-key-header-name"),
    ),
    userAgent: readUserAgent(await read("package-details")),
  };
}
