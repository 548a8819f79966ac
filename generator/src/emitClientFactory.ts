// <title>.ts: the default-exported factory `createClient(<host parameters>, [credentials,] options)`.
import type { ClientModel, HostParameterModel, OperationModel } from "./clientModel";
import { docComment } from "./docComment";
import { argumentNames } from "./emitClientDefinitions";
import { shortcutGroups } from "./shortcutGroups";
import { moduleSpecifier, typeImport } from "./typeImport";

/** The host template as a TypeScript template literal, e.g. `{endpoint}/v1` -> `${endpoint}/v1`. */
function hostExpression(template: string, parameters: readonly HostParameterModel[]): string {
  const escaped = template.replace(/[`\\]/g, (char) => `\\${char}`);
  const body = escaped.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const parameter = parameters.find((candidate) => candidate.name === name);
    return parameter === undefined ? whole : `\${${parameter.identifier}}`;
  });
  return `\`${body}\``;
}

function credentialsOptions(client: ClientModel): string {
  const credentials = client.credentials;
  if (credentials === undefined) {
    return "";
  }
  const members: string[] = ["...options.credentials,"];
  if (credentials.scopes.length > 0) {
    members.push(`scopes: options.credentials?.scopes ?? ${JSON.stringify(credentials.scopes)},`);
  }
  if (credentials.apiKeyHeaderName !== undefined) {
    members.push(
      `apiKeyHeaderName: options.credentials?.apiKeyHeaderName ?? ${JSON.stringify(credentials.apiKeyHeaderName)},`,
    );
  }
  return `credentials: {\n${members.join("\n")}\n},\n`;
}

function shortcutMethod(operation: OperationModel): string {
  const names = argumentNames(operation.pathParameters);
  const values = names.map((name, index) =>
    operation.pathParameters[index]?.isArray ? `${name}.join(",")` : name,
  );
  const pathArguments = [JSON.stringify(operation.path), ...values].join(", ");
  return `${operation.methodName}: (${[...names, "options"].join(", ")}) => client.path(${pathArguments}).${operation.method}(options),\n`;
}

/** With `rlc-shortcut`: the client with its group properties and top-level operation methods. */
function shortcuts(client: ClientModel): string {
  const groups = shortcutGroups(client.operations);
  const members = groups
    .map((group) =>
      group.property === ""
        ? group.operations.map(shortcutMethod).join("")
        : `${group.property}: {\n${group.operations.map(shortcutMethod).join("")}},\n`,
    )
    .join("");
  return `return {\n...client,\n${members}};\n`;
}

function optionsInterface(client: ClientModel, optionFields: readonly HostParameterModel[]): string {
  const members = [
    ...(client.apiVersion === undefined
      ? []
      : ["/** The api-version the requests carry. */\napiVersion?: string;\n"]),
    ...optionFields.map(
      (parameter) => `${docComment(parameter.description)}${parameter.identifier}?: string;\n`,
    ),
  ];
  const name = `${client.clientName}Options`;
  return members.length === 0
    ? `/** The optional parameters for the client. */\nexport type ${name} = ClientOptions;\n\n`
    : `/** The optional parameters for the client. */\nexport interface ${name} extends ClientOptions {\n${members.join("")}}\n\n`;
}

function apiVersionHandling(client: ClientModel): string {
  if (client.apiVersion !== undefined) {
    return "";
  }
  // The spec has no api-version: the pipeline must not add one, whatever the options say.
  return [
    'client.pipeline.removePolicy({ name: "ApiVersionPolicy" });\n',
    "if (options.apiVersion) {\n",
    '  logger.warning("This client does not support client api-version, please change it at the operation level");\n',
    "}\n",
  ].join("");
}

export function emitClientFactory(client: ClientModel): string {
  const parameters = client.host.parameters;
  const positional = parameters.filter((parameter) => parameter.defaultValue === undefined);
  const defaulted = parameters.filter((parameter) => parameter.defaultValue !== undefined);
  const optionFields = defaulted.filter((parameter) => parameter.name !== "$host");
  const optionsType = `${client.clientName}Options`;
  const credentialTypes = client.credentials?.types ?? [];

  const signature = [
    ...positional.map((parameter) => `${parameter.identifier}: string`),
    ...(credentialTypes.length > 0 ? [`credentials: ${credentialTypes.join(" | ")}`] : []),
    `options: ${optionsType} = {}`,
  ].join(", ");
  const docs = [
    `Initialize a new instance of \`${client.clientName}\`.`,
    "",
    ...positional.map((parameter) => `@param ${parameter.identifier} - ${parameter.description}`.trimEnd()),
    ...(credentialTypes.length > 0
      ? ["@param credentials - The credential that authenticates every request."]
      : []),
    "@param options - The parameters for all optional parameters.",
  ].join("\n");
  const defaults = defaulted
    .map((parameter) =>
      parameter.name === "$host"
        ? `const ${parameter.identifier} = ${JSON.stringify(parameter.defaultValue)};\n`
        : `const ${parameter.identifier} = options.${parameter.identifier} ?? ${JSON.stringify(parameter.defaultValue)};\n`,
    )
    .join("");

  return [
    typeImport(["ClientOptions"], "@azure-rest/core-client"),
    'import { getClient } from "@azure-rest/core-client";\n',
    typeImport(credentialTypes, "@azure/core-auth"),
    typeImport([client.clientName], "./clientDefinitions"),
    `import { logger } from "${moduleSpecifier("./logger")}";\n`,
    "\n",
    "/** Headers the spec declares; logging may show their values (credentials are never among them). */\n",
    `const loggedHeaderNames: string[] = ${JSON.stringify(client.loggedHeaderNames)};\n\n`,
    // One source of the api-version for the layers above: the spec's version, exported as the
    // factory's default (an addition to @autorest/typescript's output, see generator/README.md).
    client.apiVersion === undefined
      ? ""
      : `/** The api-version of the spec this client was generated from; the factory's default. */\nexport const defaultApiVersion = ${JSON.stringify(client.apiVersion)};\n\n`,
    optionsInterface(client, optionFields),
    docComment(docs),
    `export default function createClient(${signature}): ${client.clientName} {\n`,
    defaults,
    `const endpointUrl = options.endpoint ?? options.baseUrl ?? ${hostExpression(client.host.template, parameters)};\n`,
    `const userAgentInfo = ${JSON.stringify(client.userAgent)};\n`,
    "const userAgentPrefix = options.userAgentOptions?.userAgentPrefix\n",
    "  ? `${options.userAgentOptions.userAgentPrefix} ${userAgentInfo}`\n",
    "  : userAgentInfo;\n",
    "const clientOptions: ClientOptions = {\n",
    "...options,\n",
    client.allowInsecureConnection
      ? "allowInsecureConnection: options.allowInsecureConnection ?? true,\n"
      : "",
    client.apiVersion === undefined ? "" : "apiVersion: options.apiVersion ?? defaultApiVersion,\n",
    "userAgentOptions: { ...options.userAgentOptions, userAgentPrefix },\n",
    "loggingOptions: {\n",
    "...options.loggingOptions,\n",
    "logger: options.loggingOptions?.logger ?? logger.info,\n",
    "additionalAllowedHeaderNames: [\n",
    "...loggedHeaderNames,\n",
    "...(options.loggingOptions?.additionalAllowedHeaderNames ?? []),\n",
    "],\n",
    "},\n",
    credentialsOptions(client),
    "};\n",
    credentialTypes.length > 0
      ? `const client = getClient(endpointUrl, credentials, clientOptions) as ${client.clientName};\n`
      : `const client = getClient(endpointUrl, clientOptions) as ${client.clientName};\n`,
    apiVersionHandling(client),
    client.rlcShortcut ? shortcuts(client) : "return client;\n",
    "}\n",
  ].join("");
}
