// clientDefinitions.ts: the path-first surface, `client.path("/template", ...pathParameters).<verb>(options)`.
import type { ClientModel, OperationModel, PathModel } from "./clientModel";
import { docComment } from "./docComment";
import { optionsRequired } from "./emitParameters";
import { typeImport } from "./typeImport";

function renderMethod(operation: OperationModel): string {
  const optional = optionsRequired(operation) ? "" : "?";
  const responses = operation.responses.map((response) => response.typeName).join(" | ");
  return `${docComment(operation.description)}${operation.method}(options${optional}: ${operation.name}Parameters): StreamableMethod<${responses}>;\n`;
}

/** Path parameter identifiers, made unique if a template repeats a name. */
function argumentNames(path: PathModel): string[] {
  const seen = new Map<string, number>();
  return path.pathParameters.map((parameter) => {
    const count = (seen.get(parameter.identifier) ?? 0) + 1;
    seen.set(parameter.identifier, count);
    return count === 1 ? parameter.identifier : `${parameter.identifier}${count}`;
  });
}

function renderRoute(path: PathModel): string {
  const verbs = path.operations.map((operation) => operation.method).join(", ");
  const escaped = path.path.replace(/[{}]/g, (brace) => `\\${brace}`);
  const args = argumentNames(path).map((name) => `, ${name}: string`);
  return (
    `/** Resource for '${escaped}' has methods for the following verbs: ${verbs} */\n` +
    `(path: ${JSON.stringify(path.path)}${args.join("")}): ${path.interfaceName};\n`
  );
}

export function emitClientDefinitions(client: ClientModel): string {
  const parameterTypes = client.operations.map((operation) => `${operation.name}Parameters`);
  const responseTypes = client.operations.flatMap((operation) => operation.responses.map((r) => r.typeName));
  const pathInterfaces = client.paths
    .map(
      (path) => `export interface ${path.interfaceName} {\n${path.operations.map(renderMethod).join("")}}\n`,
    )
    .join("\n");
  return [
    typeImport(["Client", "StreamableMethod"], "@azure-rest/core-client"),
    typeImport(parameterTypes, "./parameters"),
    typeImport(responseTypes, "./responses"),
    "\n",
    pathInterfaces,
    "\n",
    `export interface Routes {\n${client.paths.map(renderRoute).join("")}}\n\n`,
    `${docComment(client.description)}export type ${client.clientName} = Client & {\npath: Routes;\n};\n`,
  ].join("");
}
