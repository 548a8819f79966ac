// Typed access to the parts of modelerfour's code model that carry `any` (protocol.http) or optional text.
import type {
  HttpParameter,
  HttpRequest,
  HttpResponse,
  Parameter,
  Request,
  Response,
} from "@autorest/codemodel";

export type RequestHttp = HttpRequest & { knownMediaType?: string; mediaTypes?: string[] };

export function httpOf(parameter: Parameter): HttpParameter | undefined {
  return parameter.protocol.http as HttpParameter | undefined;
}

export function requestHttpOf(request: Request): RequestHttp {
  const http = request.protocol.http as RequestHttp | undefined;
  if (http === undefined) {
    throw new Error("A request of the code model has no HTTP protocol information");
  }
  return http;
}

export function responseHttpOf(response: Response): HttpResponse {
  const http = response.protocol.http as HttpResponse | undefined;
  if (http === undefined) {
    throw new Error("A response of the code model has no HTTP protocol information");
  }
  return http;
}

/** The parameter's name on the wire. */
export function serializedName(parameter: Parameter): string {
  const name: unknown = parameter.language.default.serializedName;
  return typeof name === "string" && name.length > 0 ? name : parameter.language.default.name;
}

/** The api-version query parameter belongs to the client (its factory sets it), not to operations. */
export function isApiVersion(parameter: Parameter): boolean {
  return (
    httpOf(parameter)?.in === "query" &&
    (parameter.origin === "modelerfour:synthesized/api-version" ||
      serializedName(parameter) === "api-version")
  );
}

export function describe(item: { language: { default: { description?: string } } }): string {
  return item.language.default.description ?? "";
}
