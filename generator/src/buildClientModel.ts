// Reads modelerfour's code model into the emitter's ClientModel: names, parameters, responses,
// paging and host settings, with type expressions resolved. Pure: no I/O.
import { SchemaType } from "@autorest/codemodel";
import type {
  ArraySchema,
  CodeModel,
  HttpHeader,
  Operation,
  Parameter,
  Request,
  Response,
  Schema,
  SchemaResponse,
} from "@autorest/codemodel";
import type {
  BodyModel,
  BodyVariantModel,
  ClientModel,
  HttpMethod,
  OperationModel,
  ParameterModel,
  ResponseHeaderModel,
  ResponseModel,
  TypeRef,
} from "./clientModel";
import {
  clientNameOf,
  apiVersionOf,
  credentialsOf,
  hostOf,
  keyHeaderNamesOf,
  titleOf,
} from "./clientSettings";
import {
  describe,
  httpOf,
  isApiVersion,
  requestHttpOf,
  responseHttpOf,
  serializedName,
} from "./codeModelAccess";
import type { EmitterOptions } from "./emitterOptions";
import { lowerFirst, operationTypeName, pascalCase } from "./names";
import { groupByPath, lroOf, mergeByStatus, pagingOf, pathParametersOf, unionOf } from "./operationParts";
import { TypeCollector } from "./typeCollector";

const httpMethods: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "patch",
  "delete",
  "head",
  "options",
  "trace",
];

/** Parameters that modelerfour adds and that the pipeline handles itself. */
const synthesizedHeaderOrigins: ReadonlySet<string> = new Set([
  "modelerfour:synthesized/accept",
  "modelerfour:synthesized/content-type",
]);

/** Serialization styles of query arrays that @autorest/typescript types as text (see serializeHelper.ts). */
const collectionFormats: Readonly<Record<string, "ssv" | "tsv" | "pipes">> = {
  spaceDelimited: "ssv",
  tabDelimited: "tsv",
  pipeDelimited: "pipes",
};

class ClientModelBuilder {
  private readonly inputs: TypeCollector;
  private readonly outputs: TypeCollector;
  /** Header names the spec declares (lower-cased -> as written), for the logging allowlist. */
  private readonly loggedHeaders = new Map<string, string>();

  constructor(
    private readonly codeModel: CodeModel,
    private readonly options: EmitterOptions,
  ) {
    const schemas = codeModel.schemas;
    const order: Schema[] = [
      ...(schemas.objects ?? []),
      ...(schemas.choices ?? []),
      ...(schemas.sealedChoices ?? []),
    ];
    this.inputs = new TypeCollector("input", order);
    this.outputs = new TypeCollector("output", order);
  }

  build(): ClientModel {
    const operations = this.codeModel.operationGroups.flatMap((group) =>
      group.operations.map((operation) => this.operation(group.language.default.name, operation)),
    );
    const secret = new Set([
      "authorization",
      ...keyHeaderNamesOf(this.codeModel).map((name) => name.toLowerCase()),
    ]);
    const inputModels = this.inputs.declarations();
    const outputModels = this.outputs.declarations();
    const loggedHeaderNames = [...this.loggedHeaders.entries()]
      .filter(([lower]) => !secret.has(lower))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, name]) => name);
    return {
      title: titleOf(this.codeModel),
      clientName: clientNameOf(this.codeModel),
      packageName: this.options.packageName,
      allowInsecureConnection: this.options.allowInsecureConnection,
      rlcShortcut: this.options.rlcShortcut,
      description: this.codeModel.info.description ?? "",
      apiVersion: apiVersionOf(this.codeModel),
      host: hostOf(this.codeModel),
      userAgent: this.options.userAgent,
      loggedHeaderNames,
      credentials: credentialsOf(this.codeModel, this.options),
      operations,
      paths: groupByPath(operations, new Set([...inputModels, ...outputModels].map((model) => model.name))),
      inputModels,
      outputModels,
    };
  }

  private operation(groupName: string, operation: Operation): OperationModel {
    const name = operationTypeName(groupName, operation.language.default.name);
    const requests = operation.requests ?? [];
    const firstRequest = requests[0];
    if (firstRequest === undefined) {
      throw new Error(`Operation ${name} has no request in the code model`);
    }
    const http = requestHttpOf(firstRequest);
    const method = http.method.toLowerCase() as HttpMethod;
    if (!httpMethods.includes(method)) {
      throw new Error(`Operation ${name} uses the unsupported HTTP method ${http.method}`);
    }
    const parameters = [
      ...(operation.parameters ?? []),
      ...requests.flatMap((request) => request.parameters ?? []),
    ].filter((parameter) => httpOf(parameter)?.in !== "uri");
    const unique = [...new Set(parameters)];
    for (const parameter of unique) {
      if (httpOf(parameter)?.in === "header" && !synthesizedHeaderOrigins.has(parameter.origin ?? "")) {
        const header = serializedName(parameter);
        this.loggedHeaders.set(header.toLowerCase(), header);
      }
    }
    const responses = mergeByStatus([
      ...(operation.responses ?? []).flatMap((response) => this.responses(name, response, true)),
      ...(operation.exceptions ?? []).flatMap((response) => this.responses(name, response, false)),
    ]);
    return {
      name,
      bareName: pascalCase(operation.language.default.name),
      methodName: lowerFirst(pascalCase(operation.language.default.name)),
      groupProperty: lowerFirst(pascalCase(groupName)),
      groupName: pascalCase(groupName),
      description: operation.language.default.description || String(operation.language.default.summary ?? ""),
      method,
      path: http.path,
      pathParameters: pathParametersOf(name, http.path, unique, (schema) => this.inputs.typeOf(schema)),
      queryParameters: this.parametersIn("query", unique),
      headerParameters: this.parametersIn("header", unique),
      body: this.body(operation, requests),
      responses,
      paging: pagingOf(operation),
      lro: lroOf(operation, name, responses),
    };
  }

  private parametersIn(location: "query" | "header", parameters: readonly Parameter[]): ParameterModel[] {
    const byName = new Map<string, ParameterModel>();
    for (const parameter of parameters) {
      if (httpOf(parameter)?.in !== location || isApiVersion(parameter)) {
        continue;
      }
      if (synthesizedHeaderOrigins.has(parameter.origin ?? "")) {
        continue;
      }
      const name = serializedName(parameter);
      const collectionFormat = collectionFormats[String(httpOf(parameter)?.style ?? "")];
      if (
        location === "query" &&
        collectionFormat !== undefined &&
        parameter.schema.type === SchemaType.Array
      ) {
        byName.set(name, {
          name,
          description: describe(parameter),
          type: { text: "string", refs: [] },
          required: parameter.required === true,
          collectionFormat,
        });
        continue;
      }
      byName.set(name, {
        name,
        description: describe(parameter),
        // Header values are text on the wire; other formats keep their plain type.
        type:
          location === "header" &&
          (parameter.schema.type === SchemaType.DateTime || parameter.schema.type === SchemaType.Date)
            ? { text: "string", refs: [] }
            : this.inputs.typeOf(parameter.schema),
        required: parameter.required === true,
      });
    }
    return [...byName.values()];
  }

  private body(operation: Operation, requests: readonly Request[]): BodyModel | undefined {
    const variants: { variant: BodyVariantModel; description: string }[] = [];
    for (const request of requests) {
      const parameters = (request.parameters ?? []).filter(
        (parameter) => httpOf(parameter)?.in === "body" && parameter.flattened !== true,
      );
      const first = parameters[0];
      if (first === undefined) {
        continue;
      }
      const http = requestHttpOf(request);
      const multipart =
        http.knownMediaType === "multipart" || (http.mediaTypes ?? []).includes("multipart/form-data");
      const type = multipart
        ? this.multipartParts(parameters)
        : unionOf(
            parameters.map((parameter) => this.inputs.typeOf(parameter.schema, parameter.nullable === true)),
          );
      variants.push({
        description: describe(first),
        variant: {
          type,
          required: parameters.some((parameter) => parameter.required === true),
          contentTypes: http.mediaTypes ?? [],
          json: http.knownMediaType === "json",
          multipart,
        },
      });
    }
    const first = variants[0];
    if (first === undefined) {
      return undefined;
    }
    const contentTypes = variants.flatMap(({ variant }) => (variant.json ? [] : variant.contentTypes));
    return {
      description: first.description || `Body of ${operation.language.default.name}`,
      type: unionOf(variants.map(({ variant }) => variant.type)),
      required: variants.some(({ variant }) => variant.required),
      contentTypes: [...new Set(contentTypes)],
      multipart: variants.some(({ variant }) => variant.multipart),
      variants: variants.map(({ variant }) => variant),
    };
  }

  /**
   * A multipart/form-data body: the array of parts core-client sends, one part per form field (an
   * array field may repeat its part), each `{ name, body, filename?, contentType? }`.
   */
  private multipartParts(parameters: readonly Parameter[]): TypeRef {
    const parts = parameters.map((parameter) => {
      const schema =
        parameter.schema.type === SchemaType.Array
          ? (parameter.schema as ArraySchema).elementType
          : parameter.schema;
      const body = this.inputs.typeOf(schema);
      const file = schema.type === SchemaType.Binary;
      return {
        text: `{ name: ${JSON.stringify(serializedName(parameter))}; body: ${body.text}${file ? "; filename?: string; contentType?: string" : ""} }`,
        refs: body.refs,
      };
    });
    const union = unionOf(parts);
    return { text: `Array<${union.text}>`, refs: union.refs };
  }

  private responses(operationName: string, response: Response, expected: boolean): ResponseModel[] {
    const http = responseHttpOf(response);
    const { schema, nullable } = response as Partial<SchemaResponse>;
    // Bytes, typed as @autorest/typescript types them; the factory makes them arrive as bytes.
    const binary = (response as { binary?: unknown }).binary === true || schema?.type === SchemaType.Binary;
    const body = binary
      ? { text: "Uint8Array", refs: [] }
      : schema !== undefined
        ? this.outputs.typeOf(schema, nullable === true)
        : undefined;
    const headers = this.responseHeaders(http.headers ?? []);
    return http.statusCodes.map((status) => {
      const suffix = status === "default" ? "Default" : String(status);
      return {
        status: String(status),
        typeName: `${operationName}${suffix}Response`,
        headersTypeName: `${operationName}${suffix}Headers`,
        description: response.language.default.description ?? "",
        body,
        headers,
        expected: expected && status !== "default",
        binary,
      };
    });
  }

  private responseHeaders(headers: readonly HttpHeader[]): ResponseHeaderModel[] {
    const byName = new Map<string, ResponseHeaderModel>();
    for (const header of headers) {
      const name = header.header.toLowerCase();
      this.loggedHeaders.set(name, header.header);
      byName.set(name, {
        name,
        description: header.language.default.description ?? "",
        type: this.outputs.typeOf(header.schema),
      });
    }
    return [...byName.values()];
  }
}

/** Builds the ClientModel of one code model. */
export function buildClientModel(codeModel: CodeModel, options: EmitterOptions): ClientModel {
  return new ClientModelBuilder(codeModel, options).build();
}
