// The AutoRest test server specs the generator is proven on, with the options @autorest/typescript's
// own test harness generates their rest-level clients with (title, package name, shortcuts, ...).
import { existsSync } from "node:fs";
import path from "node:path";
import { repositoryRoot } from "../runAutorest";

/** Where `@microsoft.azure/autorest.testserver` (a pinned dev dependency) keeps its specs. */
export const testServerRoot = path.join(
  repositoryRoot,
  "node_modules",
  "@microsoft.azure",
  "autorest.testserver",
);
export const testServerSpecs = path.join(testServerRoot, "swagger");

export interface TestServerSpec {
  /** The client's folder name and batch tag. */
  readonly name: string;
  readonly file: string;
  readonly title: string;
  readonly packageName: string;
  readonly rlcShortcut?: boolean;
  readonly allowInsecureConnection?: boolean;
  /** undefined: the emitter's default (credentials when the spec requires authentication). */
  readonly addCredentials?: boolean;
}

export const specs: readonly TestServerSpec[] = [
  {
    name: "customUrl",
    file: "custom-baseUrl.json",
    title: "CustomUrlRestClient",
    packageName: "custom-url-rest",
    rlcShortcut: true,
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "customUrlMoreOptions",
    file: "custom-baseUrl-more-options.json",
    title: "CustomUrlMoreOptionsRestClient",
    packageName: "custom-url-more-options-rest",
    rlcShortcut: true,
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "customUrlPaging",
    file: "custom-baseUrl-paging.json",
    title: "CustomUrlPagingRestClient",
    packageName: "custom-url-paging-rest",
    rlcShortcut: true,
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "bodyFile",
    file: "body-file.json",
    title: "BodyFile",
    packageName: "body-file",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "bodyFormData",
    file: "body-formdata.json",
    title: "BodyFormData",
    packageName: "body-formdata-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "mediaTypes",
    file: "media_types.json",
    title: "MediaTypes",
    packageName: "media-types-service-rest",
    addCredentials: false,
  },
  {
    name: "header",
    file: "header.json",
    title: "HeaderRestClient",
    packageName: "header-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "httpInfrastructure",
    file: "httpInfrastructure.json",
    title: "HttpInfrastructureRestClient",
    packageName: "http-infrastructure-rest",
    rlcShortcut: true,
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "url",
    file: "url.json",
    title: "UrlRestClient",
    packageName: "url-rest",
    rlcShortcut: true,
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "paging",
    file: "paging.json",
    title: "Paging",
    packageName: "paging-service",
    addCredentials: false,
  },
  {
    name: "lro",
    file: "lro.json",
    title: "LRORestClient",
    packageName: "lro-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "multipleInheritance",
    file: "multiple-inheritance.json",
    title: "MultipleInheritanceRestClient",
    packageName: "multiple-inheritance-rest",
    rlcShortcut: true,
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "bodyComplex",
    file: "body-complex.json",
    title: "BodyComplexRestClient",
    packageName: "body-complex-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "securityKey",
    file: "security-key.json",
    title: "SecurityKeyRestClient",
    packageName: "security-key-rest",
    rlcShortcut: true,
    allowInsecureConnection: true,
  },
  {
    name: "securityAad",
    file: "security-aad.json",
    title: "SecurityAADRestClient",
    packageName: "security-aad-rest",
    rlcShortcut: true,
    allowInsecureConnection: true,
  },
  {
    name: "bodyString",
    file: "body-string.json",
    title: "BodyStringRest",
    packageName: "body-string-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "bodyBinary",
    file: "body-binary.json",
    title: "BodyBinaryRest",
    packageName: "body-binary-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "bodyBoolean",
    file: "body-boolean.json",
    title: "BodyBooleanRest",
    packageName: "body-boolean-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "bodyInteger",
    file: "body-integer.json",
    title: "BodyIntegerRest",
    packageName: "body-integer-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "bodyNumber",
    file: "body-number.json",
    title: "BodyNumberRest",
    packageName: "body-number-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "parameterizedEndpoint",
    file: "parameterized-endpoint.json",
    title: "ParameterizedEndpointRest",
    packageName: "parameterized-endpoint-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "lroParameterizedEndpoints",
    file: "lro-parameterized-endpoints.json",
    title: "LroParameterizedEndpointsRest",
    packageName: "lro-parameterized-endpoints-rest",
    allowInsecureConnection: true,
    addCredentials: false,
  },
  {
    name: "dpgCustomization",
    file: "dpg-customization.json",
    title: "DPGCustomizationClient",
    packageName: "dpg-customization-rest",
    rlcShortcut: true,
    allowInsecureConnection: true,
    addCredentials: false,
  },
];

/** Why the test server suite cannot run here, or undefined when it can. */
export function skipReason(): string | undefined {
  if (!existsSync(path.join(testServerRoot, "package.json"))) {
    return "@microsoft.azure/autorest.testserver is not installed (npm ci installs it)";
  }
  const missing = specs.filter((spec) => !existsSync(path.join(testServerSpecs, spec.file)));
  if (missing.length > 0) {
    return `the test server has no ${missing.map((spec) => spec.file).join(", ")}`;
  }
  return undefined;
}

/** The AutoRest configuration that generates every spec's client below `outputRoot` in one run. */
export function configuration(outputRoot: string): string {
  const sections = specs.map((spec) =>
    [
      "```yaml $(tag) == '" + spec.name + "'",
      `input-file: ${JSON.stringify(path.join(testServerSpecs, spec.file))}`,
      `output-folder: ${JSON.stringify(path.join(outputRoot, spec.name))}`,
      `title: ${spec.title}`,
      "package-details:",
      `  name: "@msinternal/${spec.packageName}"`,
      '  version: "1.0.0-preview1"',
      "license-header: true",
      "rest-level-client: true",
      ...(spec.rlcShortcut === true ? ["rlc-shortcut: true"] : []),
      ...(spec.allowInsecureConnection === true ? ["allow-insecure-connection: true"] : []),
      ...(spec.addCredentials === undefined ? [] : [`add-credentials: ${spec.addCredentials}`]),
      "```",
    ].join("\n"),
  );
  return [
    "# AutoRest test server clients (written by test/generator/testServer/specs.ts)",
    "```yaml",
    "use-extension:",
    '  "@autorest/modelerfour": "4.27.3"',
    `use: ${JSON.stringify(path.join(repositoryRoot, "generator"))}`,
    "clear-output-folder: true",
    "batch:",
    ...specs.map((spec) => `  - tag: ${spec.name}`),
    "```",
    ...sections,
    "",
  ].join("\n");
}
