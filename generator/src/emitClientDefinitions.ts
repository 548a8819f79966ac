// clientDefinitions.ts: the path-first surface, `client.path("/template", ...pathParameters).<verb>(options)`,
// and with `rlc-shortcut` the operation-group surface, `client.<group>.<operation>(...pathParameters, options)`.
import type { ClientModel, OperationModel, PathModel, PathParameterModel } from "./clientModel";
import { docComment } from "./docComment";
import { optionsRequired } from "./emitParameters";
import { shortcutGroups } from "./shortcutGroups";
import { typeImport } from "./typeImport";

function responseUnion(operation: OperationModel): string {
  return operation.responses.map((response) => response.typeName).join(" | ");
}

function optionsParameter(operation: OperationModel): string {
  return `options${optionsRequired(operation) ? "" : "?"}: ${operation.name}Parameters`;
}

function renderMethod(operation: OperationModel): string {
  return `${docComment(operation.description)}${operation.method}(${optionsParameter(operation)}): StreamableMethod<${responseUnion(operation)}>;\n`;
}

/** Path parameter identifiers, made unique if a template repeats a name. */
export function argumentNames(parameters: readonly PathParameterModel[]): string[] {
  const seen = new Map<string, number>();
  return parameters.map((parameter) => {
    const count = (seen.get(parameter.identifier) ?? 0) + 1;
    seen.set(parameter.identifier, count);
    return count === 1 ? parameter.identifier : `${parameter.identifier}${count}`;
  });
}

/** `name: type` of each path argument; `client.path()` takes arrays as (comma-joined) text. */
function typedArguments(parameters: readonly PathParameterModel[], shortcut: boolean): string[] {
  const names = argumentNames(parameters);
  return parameters.map(
    (parameter, index) =>
      `${names[index] ?? parameter.identifier}: ${parameter.isArray && !shortcut ? "string" : parameter.type.text}`,
  );
}

function renderRoute(path: PathModel): string {
  const verbs = path.operations.map((operation) => operation.method).join(", ");
  const escaped = path.path.replace(/[{}]/g, (brace) => `\\${brace}`);
  const args = typedArguments(path.pathParameters, false).map((argument) => `, ${argument}`);
  return (
    `/** Resource for '${escaped}' has methods for the following verbs: ${verbs} */\n` +
    `(path: ${JSON.stringify(path.path)}${args.join("")}): ${path.interfaceName};\n`
  );
}

function renderShortcut(operation: OperationModel): string {
  const args = [...typedArguments(operation.pathParameters, true), optionsParameter(operation)].join(", ");
  return `${docComment(operation.description)}${operation.methodName}(${args}): StreamableMethod<${responseUnion(operation)}>;\n`;
}

export function emitClientDefinitions(client: ClientModel): string {
  const parameterTypes = client.operations.map((operation) => `${operation.name}Parameters`);
  const responseTypes = client.operations.flatMap((operation) => operation.responses.map((r) => r.typeName));
  const pathTypeRefs = client.operations.flatMap((operation) =>
    operation.pathParameters.flatMap((parameter) => parameter.type.refs),
  );
  const pathInterfaces = client.paths
    .map(
      (path) => `export interface ${path.interfaceName} {\n${path.operations.map(renderMethod).join("")}}\n`,
    )
    .join("\n");
  const groups = client.rlcShortcut ? shortcutGroups(client.operations) : [];
  const groupInterfaces = groups
    .map(
      (group) =>
        `/** Contains operations for ${group.groupName || "Client"} operations */\n` +
        `export interface ${group.interfaceName} {\n${group.operations.map(renderShortcut).join("")}}\n\n`,
    )
    .join("");
  const members = groups
    .filter((group) => group.property !== "")
    .map((group) => `${group.property}: ${group.interfaceName};\n`)
    .join("");
  const topLevel = groups.find((group) => group.property === "");
  return [
    typeImport(["Client", "StreamableMethod"], "@azure-rest/core-client"),
    typeImport(pathTypeRefs, "./models"),
    typeImport(parameterTypes, "./parameters"),
    typeImport(responseTypes, "./responses"),
    "\n",
    groupInterfaces,
    pathInterfaces,
    "\n",
    `export interface Routes {\n${client.paths.map(renderRoute).join("")}}\n\n`,
    `${docComment(client.description)}export type ${client.clientName} = Client & {\npath: Routes;\n${members}}${
      topLevel === undefined ? "" : ` & ${topLevel.interfaceName}`
    };\n`,
  ].join("");
}
