// Client-wide settings read from the code model: name, api-version, host, security.
import { SchemaType } from "@autorest/codemodel";
import type { CodeModel, ConstantSchema, Parameter } from "@autorest/codemodel";
import type { CredentialsModel, HostModel } from "./clientModel";
import { describe, httpOf, isApiVersion, requestHttpOf, serializedName } from "./codeModelAccess";
import type { EmitterOptions, SecurityKind } from "./emitterOptions";
import { parameterIdentifier, pascalCase } from "./names";

/** The title in PascalCase (the `title` option, else the spec's `info.title`). */
export function titleOf(codeModel: CodeModel): string {
  return pascalCase(codeModel.language.default.name || codeModel.info.title);
}

/** The client's name, as @autorest/typescript makes it: the title, with `Client` appended unless it ends so. */
export function clientNameOf(codeModel: CodeModel): string {
  const title = titleOf(codeModel);
  return title.endsWith("Client") ? title : `${title}Client`;
}

function allParameters(codeModel: CodeModel): Parameter[] {
  const operations = codeModel.operationGroups.flatMap((group) => group.operations);
  return [
    ...(codeModel.globalParameters ?? []),
    ...operations.flatMap((operation) => [
      ...(operation.parameters ?? []),
      ...(operation.requests ?? []).flatMap((request) => request.parameters ?? []),
    ]),
  ];
}

/** The api-version the factory sends by default: the constant modelerfour made, else the spec's version. */
export function apiVersionOf(codeModel: CodeModel): string | undefined {
  const parameter = allParameters(codeModel).find(isApiVersion);
  if (parameter === undefined) {
    return undefined;
  }
  if (parameter.schema.type === SchemaType.Constant) {
    const value: unknown = (parameter.schema as ConstantSchema).value.value;
    return String(value);
  }
  const versions = codeModel.operationGroups.flatMap((group) =>
    group.operations.flatMap((operation) => operation.apiVersions ?? []),
  );
  return versions[0]?.version;
}

/**
 * The base URL template and its parameters (x-ms-parameterized-host, or `$host` for a fixed host), in
 * the order of the template. Host parameters declared at method level (the default of inline
 * x-ms-parameterized-host parameters) become client parameters too: a rest-level client has one base
 * URL, and @autorest/typescript would leave their `{placeholders}` unreplaced.
 */
export function hostOf(codeModel: CodeModel): HostModel {
  const methodLevel = codeModel.operationGroups.flatMap((group) =>
    group.operations.flatMap((operation) => operation.parameters ?? []),
  );
  const byName = new Map<string, Parameter>();
  for (const parameter of [...(codeModel.globalParameters ?? []), ...methodLevel]) {
    if (httpOf(parameter)?.in === "uri" && !byName.has(serializedName(parameter))) {
      byName.set(serializedName(parameter), parameter);
    }
  }
  const firstRequest = codeModel.operationGroups[0]?.operations[0]?.requests?.[0];
  const template = firstRequest === undefined ? "{$host}" : requestHttpOf(firstRequest).uri;
  const order = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  const position = (name: string): number => (order.includes(name) ? order.indexOf(name) : order.length);
  const hostParameters = [...byName.values()].sort(
    (a, b) => position(serializedName(a)) - position(serializedName(b)),
  );
  return {
    template,
    parameters: hostParameters.map((parameter) => {
      const name = serializedName(parameter);
      const defaultValue: unknown = parameter.clientDefaultValue;
      return {
        name,
        identifier: parameterIdentifier(name === "$host" ? name : parameter.language.default.name),
        description: describe(parameter),
        defaultValue: typeof defaultValue === "string" && defaultValue.length > 0 ? defaultValue : undefined,
      };
    }),
  };
}

/** Header names of apiKey security schemes: they carry secrets, so they are never logged. */
export function keyHeaderNamesOf(codeModel: CodeModel): string[] {
  return (codeModel.security.schemes ?? [])
    .filter((scheme) => scheme.type === "Key")
    .map((scheme) => (scheme as { name?: unknown }).name)
    .filter((name): name is string => typeof name === "string");
}

/**
 * The factory's credential settings. `add-credentials` decides; without it, as in @autorest/typescript,
 * a spec that requires authentication gets a credential parameter. The accepted kinds come from the
 * `security` option, else from the spec's schemes (OAuth2 -> TokenCredential, apiKey -> KeyCredential).
 */
export function credentialsOf(codeModel: CodeModel, options: EmitterOptions): CredentialsModel | undefined {
  const schemes = codeModel.security.schemes ?? [];
  const enabled = options.addCredentials ?? (codeModel.security.authenticationRequired && schemes.length > 0);
  if (!enabled) {
    return undefined;
  }
  const specKinds = schemes.flatMap((scheme): SecurityKind[] =>
    scheme.type === "OAuth2" ? ["AADToken"] : scheme.type === "Key" ? ["AzureKey"] : [],
  );
  const kinds = new Set<SecurityKind>(options.security ?? specKinds);
  const token = kinds.size === 0 || kinds.has("AADToken");
  const key = kinds.size === 0 || kinds.has("AzureKey");
  const specScopes = schemes
    .filter((scheme) => scheme.type === "OAuth2")
    .flatMap((scheme) => ((scheme as { scopes?: unknown }).scopes as string[] | undefined) ?? []);
  return {
    types: [...(token ? ["TokenCredential"] : []), ...(key ? ["KeyCredential"] : [])],
    scopes: token ? (options.credentialScopes ?? specScopes) : [],
    apiKeyHeaderName: key ? (options.credentialKeyHeaderName ?? keyHeaderNamesOf(codeModel)[0]) : undefined,
  };
}
