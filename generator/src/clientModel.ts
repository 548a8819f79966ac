// The emitter's own view of one client, built from modelerfour's code model (see buildClientModel.ts)
// and rendered to files by the emit*.ts modules. Plain data: type expressions are already TypeScript text.

/** A TypeScript type expression and the named model types it mentions (to import them). */
export interface TypeRef {
  readonly text: string;
  readonly refs: readonly string[];
}

export interface PropertyModel {
  /** The key on the wire (the JSON property name). */
  readonly key: string;
  readonly description: string;
  readonly type: TypeRef;
  readonly optional: boolean;
  readonly readOnly: boolean;
}

export interface InterfaceModel {
  readonly kind: "interface";
  readonly name: string;
  readonly description: string;
  readonly extends: readonly TypeRef[];
  readonly properties: readonly PropertyModel[];
}

export interface AliasModel {
  readonly kind: "alias";
  readonly name: string;
  readonly description: string;
  readonly type: TypeRef;
}

export type NamedTypeModel = InterfaceModel | AliasModel;

/** A query or header parameter, keyed by its name on the wire. */
export interface ParameterModel {
  readonly name: string;
  readonly description: string;
  readonly type: TypeRef;
  readonly required: boolean;
  /** A query array joined by spaces, tabs or pipes: typed as text, built with serializeHelper.ts. */
  readonly collectionFormat?: "ssv" | "tsv" | "pipes";
}

/** A path parameter: a positional argument of `client.path(...)`. */
export interface PathParameterModel {
  readonly identifier: string;
  readonly serializedName: string;
  readonly description: string;
  /** The schema's type (a literal for a constant), as @autorest/typescript types path arguments. */
  readonly type: TypeRef;
  /**
   * An array (csv) parameter: `client.path()` takes it as text (core-client does not join arrays),
   * the shortcut method takes the array and joins it with commas.
   */
  readonly isArray: boolean;
}

/** The body of one request of an operation (one per group of media types in the spec). */
export interface BodyVariantModel {
  readonly type: TypeRef;
  readonly required: boolean;
  readonly contentTypes: readonly string[];
  /** A JSON body: its content type may be left out (the client sends application/json). */
  readonly json: boolean;
  /** A multipart/form-data body: its content type must be given (core-client builds the parts then). */
  readonly multipart: boolean;
}

export interface BodyModel {
  readonly description: string;
  readonly type: TypeRef;
  readonly required: boolean;
  /** Content types to declare when the body is not JSON; empty for JSON bodies. */
  readonly contentTypes: readonly string[];
  /** Some variant is multipart/form-data. */
  readonly multipart: boolean;
  /** Several variants: the parameters are a union, one member per content-type group, as in the reference. */
  readonly variants: readonly BodyVariantModel[];
}

export interface ResponseHeaderModel {
  /** Lower-cased header name, as the pipeline exposes it. */
  readonly name: string;
  readonly description: string;
  readonly type: TypeRef;
}

export interface ResponseModel {
  /** A status code such as "200", or "default". */
  readonly status: string;
  readonly typeName: string;
  readonly headersTypeName: string;
  readonly description: string;
  readonly body: TypeRef | undefined;
  readonly headers: readonly ResponseHeaderModel[];
  /** False for error responses (x-ms-error-response, `default`): `isUnexpected` returns true for them. */
  readonly expected: boolean;
  /** The body is bytes (a `file` or `format: binary` answer): typed `Uint8Array`, delivered as bytes. */
  readonly binary: boolean;
}

export interface PagingModel {
  readonly itemName: string;
  /** undefined when the operation returns a single page. */
  readonly nextLinkName: string | undefined;
}

/** x-ms-long-running-operation: how the final result is found (x-ms-long-running-operation-options). */
export interface LroModel {
  readonly finalStateVia:
    | "azure-async-operation"
    | "location"
    | "original-uri"
    | "operation-location"
    | undefined;
  /** `<Operation>LogicalResponse`: the final answer of the operation once polling is done. */
  readonly logicalResponse: ResponseModel;
}

export type HttpMethod = "get" | "put" | "post" | "patch" | "delete" | "head" | "options" | "trace";

export interface OperationModel {
  /** Group and operation in PascalCase (`PathItemsGetAllWithValues`): prefix of its parameter and response types. */
  readonly name: string;
  /** The operation alone in PascalCase (`GetAllWithValues`): the name of its path interface. */
  readonly bareName: string;
  /** The shortcut method (`getAllWithValues`) and its group property (`pathItems`; "" for no group). */
  readonly methodName: string;
  readonly groupProperty: string;
  /** The group's name in PascalCase, for the shortcut interface `<Group>Operations`. */
  readonly groupName: string;
  readonly description: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly pathParameters: readonly PathParameterModel[];
  readonly queryParameters: readonly ParameterModel[];
  readonly headerParameters: readonly ParameterModel[];
  readonly body: BodyModel | undefined;
  readonly responses: readonly ResponseModel[];
  readonly paging: PagingModel | undefined;
  readonly lro: LroModel | undefined;
}

/** All operations on one path; the path's interface is named after its first operation. */
export interface PathModel {
  readonly path: string;
  readonly interfaceName: string;
  readonly pathParameters: readonly PathParameterModel[];
  readonly operations: readonly OperationModel[];
}

export interface HostParameterModel {
  /** The name inside the host template, e.g. `endpoint` or `$host`. */
  readonly name: string;
  readonly identifier: string;
  readonly description: string;
  /** Set when the spec gives a default (a fixed `host`): the parameter then becomes optional. */
  readonly defaultValue: string | undefined;
}

export interface HostModel {
  /** The base URL template, e.g. `{endpoint}` or `{$host}/v1`. */
  readonly template: string;
  readonly parameters: readonly HostParameterModel[];
}

export interface CredentialsModel {
  /** `TokenCredential` and/or `KeyCredential`. */
  readonly types: readonly string[];
  readonly scopes: readonly string[];
  readonly apiKeyHeaderName: string | undefined;
}

export interface ClientModel {
  /** The title in PascalCase; the factory's file is named after it. */
  readonly title: string;
  readonly clientName: string;
  /** The package name without scope; names the logger (`createClientLogger`). */
  readonly packageName: string;
  readonly allowInsecureConnection: boolean;
  readonly rlcShortcut: boolean;
  readonly description: string;
  readonly apiVersion: string | undefined;
  readonly host: HostModel;
  readonly userAgent: string;
  readonly loggedHeaderNames: readonly string[];
  readonly credentials: CredentialsModel | undefined;
  readonly operations: readonly OperationModel[];
  readonly paths: readonly PathModel[];
  readonly inputModels: readonly NamedTypeModel[];
  readonly outputModels: readonly NamedTypeModel[];
}
