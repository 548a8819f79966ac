// Reads modelerfour's code model into the emitter's ClientModel: names, parameters, responses,
// paging and host settings, with type expressions resolved. Pure: no I/O.
import { SchemaType } from "@autorest/codemodel";
import type {
  CodeModel,
  ConstantSchema,
  HttpHeader,
  HttpParameter,
  HttpRequest,
  HttpResponse,
  Operation,
  Parameter,
  Request,
  Response,
  Schema,
  SchemaResponse,
} from "@autorest/codemodel";
import type {
  BodyModel,
  ClientModel,
  CredentialsModel,
  HostModel,
  HttpMethod,
  OperationModel,
  PagingModel,
  ParameterModel,
  PathModel,
  PathParameterModel,
  ResponseHeaderModel,
  ResponseModel,
  TypeRef,
} from "./clientModel";
import type { EmitterOptions } from "./emitterOptions";
import { operationTypeName, parameterIdentifier, pascalCase } from "./names";
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

function httpOf(parameter: Parameter): HttpParameter | undefined {
  return parameter.protocol.http as HttpParameter | undefined;
}

function requestHttpOf(request: Request): HttpRequest & { knownMediaType?: string; mediaTypes?: string[] } {
  const http = request.protocol.http as (HttpRequest & { mediaTypes?: string[] }) | undefined;
  if (http === undefined) {
    throw new Error("A request of the code model has no HTTP protocol information");
  }
  return http;
}

function responseHttpOf(response: Response): HttpResponse {
  const http = response.protocol.http as HttpResponse | undefined;
  if (http === undefined) {
    throw new Error("A response of the code model has no HTTP protocol information");
  }
  return http;
}

function serializedName(parameter: Parameter): string {
  const name: unknown = parameter.language.default.serializedName;
  return typeof name === "string" && name.length > 0 ? name : parameter.language.default.name;
}

function isApiVersion(parameter: Parameter): boolean {
  return (
    httpOf(parameter)?.in === "query" &&
    (parameter.origin === "modelerfour:synthesized/api-version" ||
      serializedName(parameter) === "api-version")
  );
}

function describe(parameter: { language: { default: { description?: string } } }): string {
  return parameter.language.default.description ?? "";
}

/** The client's name: the title in PascalCase, with `RestClient` in place of a trailing `Client`. */
export function clientNameOf(codeModel: CodeModel): string {
  const title = pascalCase(codeModel.language.default.name || codeModel.info.title);
  return `${title.replace(/Client$/, "")}RestClient`;
}

class ClientModelBuilder {
  private readonly inputs: TypeCollector;
  private readonly outputs: TypeCollector;
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
    const forbidden = new Set(["authorization", ...this.keyHeaderNames().map((name) => name.toLowerCase())]);
    const loggedHeaderNames = [...this.loggedHeaders.entries()]
      .filter(([lower]) => !forbidden.has(lower))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, name]) => name);
    return {
      clientName: clientNameOf(this.codeModel),
      description: this.codeModel.info.description ?? "",
      apiVersion: this.apiVersion(),
      host: this.host(),
      userAgent: this.options.userAgent,
      loggedHeaderNames,
      credentials: this.credentials(),
      operations,
      paths: groupByPath(operations),
      inputModels: this.inputs.declarations(),
      outputModels: this.outputs.declarations(),
    };
  }

  private allParameters(): Parameter[] {
    const operations = this.codeModel.operationGroups.flatMap((group) => group.operations);
    return [
      ...(this.codeModel.globalParameters ?? []),
      ...operations.flatMap((operation) => [
        ...(operation.parameters ?? []),
        ...(operation.requests ?? []).flatMap((request) => request.parameters ?? []),
      ]),
    ];
  }

  private apiVersion(): string | undefined {
    const parameter = this.allParameters().find(isApiVersion);
    if (parameter === undefined) {
      return undefined;
    }
    if (parameter.schema.type === SchemaType.Constant) {
      const value: unknown = (parameter.schema as ConstantSchema).value.value;
      return String(value);
    }
    const versions = this.codeModel.operationGroups.flatMap((group) =>
      group.operations.flatMap((operation) => operation.apiVersions ?? []),
    );
    return versions[0]?.version;
  }

  private host(): HostModel {
    const hostParameters = (this.codeModel.globalParameters ?? []).filter(
      (parameter) => httpOf(parameter)?.in === "uri",
    );
    const firstRequest = this.codeModel.operationGroups[0]?.operations[0]?.requests?.[0];
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
          defaultValue:
            typeof defaultValue === "string" && defaultValue.length > 0 ? defaultValue : undefined,
        };
      }),
    };
  }

  private keyHeaderNames(): string[] {
    return (this.codeModel.security.schemes ?? [])
      .filter((scheme) => scheme.type === "Key")
      .map((scheme) => (scheme as { name?: unknown }).name)
      .filter((name): name is string => typeof name === "string");
  }

  private credentials(): CredentialsModel | undefined {
    if (!this.options.addCredentials) {
      return undefined;
    }
    const specScopes = (this.codeModel.security.schemes ?? [])
      .filter((scheme) => scheme.type === "OAuth2")
      .flatMap((scheme) => ((scheme as { scopes?: unknown }).scopes as string[] | undefined) ?? []);
    return {
      scopes: this.options.credentialScopes ?? specScopes,
      apiKeyHeaderName: this.options.credentialKeyHeaderName ?? this.keyHeaderNames()[0],
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
    return {
      name,
      description: operation.language.default.description || String(operation.language.default.summary ?? ""),
      method,
      path: http.path,
      pathParameters: pathParametersOf(name, http.path, unique),
      queryParameters: this.parametersIn("query", unique),
      headerParameters: this.parametersIn("header", unique),
      body: this.body(operation, requests),
      responses: [
        ...(operation.responses ?? []).flatMap((response) => this.responses(name, response, true)),
        ...(operation.exceptions ?? []).flatMap((response) => this.responses(name, response, false)),
      ],
      paging: pagingOf(operation),
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
      byName.set(name, {
        name,
        description: describe(parameter),
        // Header values are text on the wire; other formats keep their plain type.
        type:
          location === "header" && parameter.schema.type === SchemaType.DateTime
            ? { text: "string", refs: [] }
            : this.inputs.typeOf(parameter.schema),
        required: parameter.required === true,
      });
    }
    return [...byName.values()];
  }

  private body(operation: Operation, requests: readonly Request[]): BodyModel | undefined {
    const bodies = requests.flatMap((request) =>
      (request.parameters ?? [])
        .filter((parameter) => httpOf(parameter)?.in === "body" && parameter.flattened !== true)
        .map((parameter) => ({ parameter, request })),
    );
    const first = bodies[0];
    if (first === undefined) {
      return undefined;
    }
    const types = bodies.map(({ parameter }) =>
      this.inputs.typeOf(parameter.schema, parameter.nullable === true),
    );
    const contentTypes = bodies.flatMap(({ request }) => {
      const http = requestHttpOf(request);
      return http.knownMediaType === "json" ? [] : (http.mediaTypes ?? []);
    });
    return {
      description: describe(first.parameter) || `Body of ${operation.language.default.name}`,
      type: unionOf(types),
      required: bodies.some(({ parameter }) => parameter.required === true),
      contentTypes: [...new Set(contentTypes)],
    };
  }

  private responses(operationName: string, response: Response, expected: boolean): ResponseModel[] {
    const http = responseHttpOf(response);
    const { schema, nullable } = response as Partial<SchemaResponse>;
    const body = schema === undefined ? undefined : this.outputs.typeOf(schema, nullable === true);
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

function unionOf(types: readonly TypeRef[]): TypeRef {
  const texts = [...new Set(types.map((type) => type.text))];
  return { text: texts.join(" | "), refs: [...new Set(types.flatMap((type) => type.refs))] };
}

function pathParametersOf(
  operationName: string,
  path: string,
  parameters: readonly Parameter[],
): PathParameterModel[] {
  const placeholders = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  return placeholders.map((placeholder) => {
    const parameter = parameters.find(
      (candidate) => httpOf(candidate)?.in === "path" && serializedName(candidate) === placeholder,
    );
    if (parameter === undefined) {
      throw new Error(
        `Operation ${operationName}: path ${path} has {${placeholder}} but no such path parameter`,
      );
    }
    return {
      identifier: parameterIdentifier(parameter.language.default.name),
      serializedName: placeholder,
      description: describe(parameter),
    };
  });
}

function pagingOf(operation: Operation): PagingModel | undefined {
  const pageable = operation.extensions?.["x-ms-pageable"] as
    | { itemName?: unknown; nextLinkName?: unknown }
    | undefined;
  if (pageable === undefined || pageable === null) {
    return undefined;
  }
  const itemName =
    typeof pageable.itemName === "string" && pageable.itemName !== "" ? pageable.itemName : "value";
  const nextLinkName =
    typeof pageable.nextLinkName === "string" && pageable.nextLinkName !== ""
      ? pageable.nextLinkName
      : undefined;
  return { itemName, nextLinkName };
}

function groupByPath(operations: readonly OperationModel[]): PathModel[] {
  const paths = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    const list = paths.get(operation.path) ?? [];
    list.push(operation);
    paths.set(operation.path, list);
  }
  return [...paths.entries()].map(([path, list]) => {
    const first = list[0] as OperationModel;
    return { path, interfaceName: first.name, pathParameters: first.pathParameters, operations: list };
  });
}

/** Builds the ClientModel of one code model. */
export function buildClientModel(codeModel: CodeModel, options: EmitterOptions): ClientModel {
  return new ClientModelBuilder(codeModel, options).build();
}
