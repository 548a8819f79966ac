// <clientName>.ts: the default-exported factory `createClient(<host parameters>, options)`.
import type { ClientModel, HostParameterModel } from "./clientModel";
import { docComment } from "./docComment";
import { typeImport } from "./typeImport";

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

export function emitClientFactory(client: ClientModel): string {
  const parameters = client.host.parameters;
  const positional = parameters.filter((parameter) => parameter.defaultValue === undefined);
  const defaulted = parameters.filter((parameter) => parameter.defaultValue !== undefined);
  const optionFields = defaulted.filter((parameter) => parameter.name !== "$host");
  const optionsType = optionFields.length > 0 ? `${client.clientName}Options` : "ClientOptions";
  const credentials = client.credentials !== undefined;

  const signature = [
    ...positional.map((parameter) => `${parameter.identifier}: string`),
    ...(credentials ? ["credentials: TokenCredential | KeyCredential"] : []),
    `options: ${optionsType} = {}`,
  ].join(", ");
  const docs = [
    `Creates a new ${client.clientName}.`,
    "",
    ...positional.map((parameter) => `@param ${parameter.identifier} - ${parameter.description}`.trimEnd()),
    ...(credentials ? ["@param credentials - The credential that authenticates every request."] : []),
    "@param options - Pipeline and client options.",
  ].join("\n");
  const defaults = defaulted
    .map((parameter) =>
      parameter.name === "$host"
        ? `const ${parameter.identifier} = ${JSON.stringify(parameter.defaultValue)};\n`
        : `const ${parameter.identifier} = options.${parameter.identifier} ?? ${JSON.stringify(parameter.defaultValue)};\n`,
    )
    .join("");
  const optionsInterface =
    optionFields.length > 0
      ? `/** Options of ${client.clientName}. */\nexport interface ${optionsType} extends ClientOptions {\n${optionFields
          .map((parameter) => `${docComment(parameter.description)}${parameter.identifier}?: string;\n`)
          .join("")}}\n\n`
      : "";
  const apiVersion =
    client.apiVersion === undefined ? "" : "apiVersion: options.apiVersion ?? defaultApiVersion,\n";
  // One source of the api-version for the layers above: the spec's version, exported as the
  // factory's default (an addition to @autorest/typescript's output, see generator/README.md).
  const apiVersionConstant =
    client.apiVersion === undefined
      ? ""
      : `/** The api-version of the spec this client was generated from; the factory's default. */\nexport const defaultApiVersion = ${JSON.stringify(client.apiVersion)};\n\n`;

  return [
    typeImport(["ClientOptions"], "@azure-rest/core-client"),
    'import { getClient } from "@azure-rest/core-client";\n',
    credentials ? typeImport(["KeyCredential", "TokenCredential"], "@azure/core-auth") : "",
    typeImport([client.clientName], "./clientDefinitions"),
    "\n",
    "/** Headers the spec declares; logging may show their values (credentials are never among them). */\n",
    `const loggedHeaderNames: string[] = ${JSON.stringify(client.loggedHeaderNames)};\n\n`,
    apiVersionConstant,
    optionsInterface,
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
    apiVersion,
    "userAgentOptions: { ...options.userAgentOptions, userAgentPrefix },\n",
    "loggingOptions: {\n",
    "...options.loggingOptions,\n",
    "additionalAllowedHeaderNames: [\n",
    "...loggedHeaderNames,\n",
    "...(options.loggingOptions?.additionalAllowedHeaderNames ?? []),\n",
    "],\n",
    "},\n",
    credentialsOptions(client),
    "};\n",
    credentials
      ? `return getClient(endpointUrl, credentials, clientOptions) as ${client.clientName};\n`
      : `return getClient(endpointUrl, clientOptions) as ${client.clientName};\n`,
    "}\n",
  ].join("");
}
