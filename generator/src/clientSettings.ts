// Client-wide settings read from the code model: name, api-version, host, security.
import { SchemaType } from "@autorest/codemodel";
import type { CodeModel, ConstantSchema, Parameter } from "@autorest/codemodel";
import type { CredentialsModel, HostModel } from "./clientModel";
import { describe, httpOf, isApiVersion, requestHttpOf, serializedName } from "./codeModelAccess";
import type { EmitterOptions } from "./emitterOptions";
import { parameterIdentifier, pascalCase } from "./names";

/** The client's name: the title in PascalCase, with `RestClient` in place of a trailing `Client`. */
export function clientNameOf(codeModel: CodeModel): string {
  const title = pascalCase(codeModel.language.default.name || codeModel.info.title);
  return `${title.replace(/Client$/, "")}RestClient`;
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

/** The base URL template and its parameters (x-ms-parameterized-host, or `$host` for a fixed host). */
export function hostOf(codeModel: CodeModel): HostModel {
  const hostParameters = (codeModel.globalParameters ?? []).filter(
    (parameter) => httpOf(parameter)?.in === "uri",
  );
  const firstRequest = codeModel.operationGroups[0]?.operations[0]?.requests?.[0];
  const template = firstRequest === undefined ? "{$host}" : requestHttpOf(firstRequest).uri;
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

/** The factory's credential settings, when the `add-credentials` option asks for a credential. */
export function credentialsOf(codeModel: CodeModel, options: EmitterOptions): CredentialsModel | undefined {
  if (!options.addCredentials) {
    return undefined;
  }
  const specScopes = (codeModel.security.schemes ?? [])
    .filter((scheme) => scheme.type === "OAuth2")
    .flatMap((scheme) => ((scheme as { scopes?: unknown }).scopes as string[] | undefined) ?? []);
  return {
    scopes: options.credentialScopes ?? specScopes,
    apiKeyHeaderName: options.credentialKeyHeaderName ?? keyHeaderNamesOf(codeModel)[0],
  };
}
