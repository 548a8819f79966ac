// parameters.ts: per operation, the shape of the options bag of `client.path(...).<verb>(options)`.
import type { OperationModel, ParameterModel } from "./clientModel";
import { docComment } from "./docComment";
import { propertyKey } from "./names";
import { typeImport } from "./typeImport";

function renderMembers(parameters: readonly ParameterModel[]): string {
  return parameters
    .map(
      (parameter) =>
        `${docComment(parameter.description)}${propertyKey(parameter.name)}${parameter.required ? "" : "?"}: ${parameter.type.text};\n`,
    )
    .join("");
}

/** Whether `options` must be passed to the operation (a required body, query or header parameter). */
export function optionsRequired(operation: OperationModel): boolean {
  return (
    operation.body?.required === true ||
    operation.body?.multipart === true ||
    operation.queryParameters.some((parameter) => parameter.required) ||
    operation.headerParameters.some((parameter) => parameter.required)
  );
}

function renderOperation(operation: OperationModel): string {
  const name = operation.name;
  const parts: string[] = [];
  let text = "";
  if (operation.queryParameters.length > 0) {
    const required = operation.queryParameters.some((parameter) => parameter.required);
    text += `export interface ${name}QueryParamProperties {\n${renderMembers(operation.queryParameters)}}\n\n`;
    text += `export interface ${name}QueryParam {\nqueryParameters${required ? "" : "?"}: ${name}QueryParamProperties;\n}\n\n`;
    parts.push(`${name}QueryParam`);
  }
  if (operation.headerParameters.length > 0) {
    const required = operation.headerParameters.some((parameter) => parameter.required);
    text += `export interface ${name}Headers {\n${renderMembers(operation.headerParameters)}}\n\n`;
    text += `export interface ${name}HeaderParam {\nheaders${required ? "" : "?"}: RawHttpHeadersInput & ${name}Headers;\n}\n\n`;
    parts.push(`${name}HeaderParam`);
  }
  const body = operation.body;
  if (body !== undefined && body.variants.length > 1) {
    // One member per content-type group: the body's type follows the content type, as in the reference.
    const members = body.variants.map((variant, index) => {
      const suffix = index === 0 ? "" : String(index);
      const types = variant.contentTypes.map((type) => JSON.stringify(type)).join(" | ");
      text += `export interface ${name}BodyParam${suffix} {\n${docComment(body.description)}body${variant.required ? "" : "?"}: ${variant.type.text};\n}\n\n`;
      text += `export interface ${name}MediaTypesParam${suffix} {\n/** Content type of the request body. */\ncontentType${variant.json ? "?" : ""}: ${types};\n}\n\n`;
      return [
        `${name}BodyParam${suffix}`,
        `${name}MediaTypesParam${suffix}`,
        ...parts,
        "RequestParameters",
      ].join(" & ");
    });
    return `${text}export type ${name}Parameters =\n${members.map((member) => `| (${member})`).join("\n")};\n`;
  }
  if (body !== undefined) {
    if (body.contentTypes.length > 0) {
      const types = body.contentTypes.map((type) => JSON.stringify(type)).join(" | ");
      const optional = body.multipart ? "" : "?";
      text += `export interface ${name}MediaTypesParam {\n/** Content type of the request body. */\ncontentType${optional}: ${types};\n}\n\n`;
      parts.push(`${name}MediaTypesParam`);
    }
    text += `export interface ${name}BodyParam {\n${docComment(body.description)}body${body.required ? "" : "?"}: ${body.type.text};\n}\n\n`;
    parts.push(`${name}BodyParam`);
  }
  parts.push("RequestParameters");
  return `${text}export type ${name}Parameters = ${parts.join(" & ")};\n`;
}

export function emitParameters(operations: readonly OperationModel[]): string {
  const needsHeaders = operations.some((operation) => operation.headerParameters.length > 0);
  const modelNames = operations.flatMap((operation) => [
    ...operation.queryParameters.flatMap((parameter) => parameter.type.refs),
    ...operation.headerParameters.flatMap((parameter) => parameter.type.refs),
    ...(operation.body?.type.refs ?? []),
  ]);
  return [
    needsHeaders ? typeImport(["RawHttpHeadersInput"], "@azure/core-rest-pipeline") : "",
    typeImport(["RequestParameters"], "@azure-rest/core-client"),
    typeImport(modelNames, "./models"),
    "\n",
    operations.map(renderOperation).join("\n"),
  ].join("");
}
