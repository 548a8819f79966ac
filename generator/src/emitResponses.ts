// responses.ts: one type per operation and status code, with its typed headers and body.
import type { OperationModel, ResponseModel } from "./clientModel";
import { docComment } from "./docComment";
import { propertyKey } from "./names";
import { typeImport } from "./typeImport";

function renderResponse(response: ResponseModel): string {
  let text = "";
  const members: string[] = [
    `status: ${response.status === "default" ? "string" : JSON.stringify(response.status)};`,
  ];
  if (response.body !== undefined) {
    members.push(
      `${response.binary ? "/** Value may contain any sequence of octets */\n" : ""}body: ${response.body.text};`,
    );
  }
  if (response.headers.length > 0) {
    const headers = response.headers
      .map(
        (header) => `${docComment(header.description)}${propertyKey(header.name)}?: ${header.type.text};\n`,
      )
      .join("");
    text += `export interface ${response.headersTypeName} {\n${headers}}\n\n`;
    members.push(`headers: RawHttpHeaders & ${response.headersTypeName};`);
  }
  text += `${docComment(response.description)}export interface ${response.typeName} extends HttpResponse {\n${members.join("\n")}\n}\n`;
  return text;
}

export function emitResponses(operations: readonly OperationModel[]): string {
  const responses = operations.flatMap((operation) => [
    ...operation.responses,
    ...(operation.lro === undefined ? [] : [operation.lro.logicalResponse]),
  ]);
  const modelNames = responses.flatMap((response) => [
    ...(response.body?.refs ?? []),
    ...response.headers.flatMap((header) => header.type.refs),
  ]);
  const needsHeaders = responses.some((response) => response.headers.length > 0);
  return [
    needsHeaders ? typeImport(["RawHttpHeaders"], "@azure/core-rest-pipeline") : "",
    typeImport(["HttpResponse"], "@azure-rest/core-client"),
    typeImport(modelNames, "./outputModels"),
    "\n",
    responses.map(renderResponse).join("\n"),
  ].join("");
}
