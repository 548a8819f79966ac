// <title>.ts: the default-exported factory `createClient(<host parameters>, [credentials,] options)`.
import type { ClientModel, HostParameterModel, OperationModel } from "./clientModel";
import { binaryBodiesHelpers } from "./emitBinaryBodies";
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

function optionsInterface(client: ClientModel): string {
  const name = `${client.clientName}Options`;
  return client.apiVersion === undefined
    ? `/** The optional parameters for the client. */\nexport type ${name} = ClientOptions;\n\n`
    : `/** The optional parameters for the client. */\nexport interface ${name} extends ClientOptions {\n/** The api-version the requests carry. */\napiVersion?: string;\n}\n\n`;
}

/** A positional factory parameter; one with a default in the spec may be left out (or passed undefined). */
function factoryParameter(parameter: HostParameterModel): string {
  return parameter.defaultValue === undefined
    ? `${parameter.identifier}: string`
    : `${parameter.identifier}: string = ${JSON.stringify(parameter.defaultValue)}`;
}

function parameterDoc(parameter: HostParameterModel): string {
  const fallback =
    parameter.defaultValue === undefined ? "" : ` (default: ${JSON.stringify(parameter.defaultValue)})`;
  return `@param ${parameter.identifier} - ${parameter.description}${fallback}`.trimEnd();
}

/**
 * When the spec declares redirect answers (3xx), the status a followed redirect ends with (the 200 of
 * a `GET /http/redirect/301`) belongs to the operation that was called: the pipeline's redirect policy
 * rewrites the request's URL and method as it follows, so this policy, outside it, puts them back and
 * `response.request` (which isUnexpected reads) stays the request the caller made.
 */
function redirectHandling(client: ClientModel): string {
  const declaresRedirects = client.operations.some((operation) =>
    operation.responses.some((response) => /^3\d\d$/.test(response.status)),
  );
  if (!declaresRedirects) {
    return "";
  }
  return [
    "// A followed redirect is answered for the operation called: keep its URL and method on the request.\n",
    "client.pipeline.addPolicy({\n",
    '  name: "redirectOriginPolicy",\n',
    "  sendRequest: async (request, next) => {\n",
    "    const { url, method } = request;\n",
    "    try {\n",
    "      return await next(request);\n",
    "    } finally {\n",
    "      request.url = url;\n",
    "      request.method = method;\n",
    "    }\n",
    "  },\n",
    "});\n",
  ].join("");
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
  // As in @autorest/typescript, every host parameter is a positional factory parameter, in the order
  // of the host template; a fixed `$host` (a `host` in the spec) is the base URL itself.
  const fixedHost = parameters.filter(
    (parameter) => parameter.name === "$host" && parameter.defaultValue !== undefined,
  );
  const positional = parameters.filter((parameter) => !fixedHost.includes(parameter));
  const optionsType = `${client.clientName}Options`;
  const credentialTypes = client.credentials?.types ?? [];

  const signature = [
    ...positional.map(factoryParameter),
    ...(credentialTypes.length > 0 ? [`credentials: ${credentialTypes.join(" | ")}`] : []),
    `options: ${optionsType} = {}`,
  ].join(", ");
  const docs = [
    `Initialize a new instance of \`${client.clientName}\`.`,
    "",
    ...positional.map(parameterDoc),
    ...(credentialTypes.length > 0
      ? ["@param credentials - The credential that authenticates every request."]
      : []),
    "@param options - The parameters for all optional parameters.",
  ].join("\n");
  const defaults = fixedHost
    .map((parameter) => `const ${parameter.identifier} = ${JSON.stringify(parameter.defaultValue)};\n`)
    .join("");

  const binaryHelpers = binaryBodiesHelpers(client.operations);
  const coreClientTypes = [
    "ClientOptions",
    ...(binaryHelpers === ""
      ? []
      : ["Client", "PathUncheckedResponse", "RequestParameters", "StreamableMethod"]),
  ];
  return [
    typeImport(coreClientTypes, "@azure-rest/core-client"),
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
    optionsInterface(client),
    binaryHelpers === "" ? "" : `${binaryHelpers}\n`,
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
    `const client = ${binaryHelpers === "" ? "" : "withBinaryBodies("}getClient(endpointUrl, ${
      credentialTypes.length > 0 ? "credentials, " : ""
    }clientOptions) as ${client.clientName}${binaryHelpers === "" ? "" : ")"};\n`,
    apiVersionHandling(client),
    redirectHandling(client),
    client.rlcShortcut ? shortcuts(client) : "return client;\n",
    "}\n",
  ].join("");
}
