// The package's name and version as the client reports them: in the user agent of every request
// (`azsdk-js-remote-rendering/<version>`, the Azure SDK convention) and on every tracing span. A test
// checks the version against package.json.

/** The npm package name. */
export const packageName = "remote-rendering-client";

/** The package version (package.json's `version`). */
export const packageVersion = "0.1.0";

/** The Azure SDK user agent of this package. */
export const sdkUserAgent = `azsdk-js-remote-rendering/${packageVersion}`;

/** The user-agent prefix of the client's pipelines: the caller's prefix, if any, then ours. */
export function userAgentPrefix(callerPrefix: string | undefined): string {
  return callerPrefix ? `${callerPrefix} ${sdkUserAgent}` : sdkUserAgent;
}

/** The tracing namespace of Mixed Reality services (the `az.namespace` attribute of every span). */
export const tracingNamespace = "Microsoft.MixedReality";
