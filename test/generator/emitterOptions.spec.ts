// The emitter's options as read from the AutoRest configuration (generator/src/emitterOptions.ts).
import assert from "node:assert/strict";
import { defaultLicenseHeader, readEmitterOptions } from "../../generator/src/emitterOptions";

function from(values: Record<string, unknown>): (key: string) => Promise<unknown> {
  return async (key) => values[key];
}

describe("generator: emitter options", function () {
  it("defaults: credentials decided by the spec, no shortcuts, no license, a generic user agent", async function () {
    assert.deepEqual(await readEmitterOptions(from({})), {
      addCredentials: undefined,
      security: undefined,
      credentialScopes: undefined,
      credentialKeyHeaderName: undefined,
      packageName: "rlc-emitter",
      userAgent: "azsdk-js-rlc-emitter-rest/1.0.0",
      allowInsecureConnection: false,
      rlcShortcut: false,
      licenseHeader: undefined,
    });
  });

  it("reads add-credentials, scopes, the key header and package details", async function () {
    const options = await readEmitterOptions(
      from({
        "add-credentials": "true",
        "credential-scopes": "https://a/.default, https://b/.default",
        "credential-key-header-name": "api-key",
        "package-details": { name: "@scope/pkg", version: "1.2.3" },
      }),
    );
    assert.equal(options.addCredentials, true);
    assert.deepEqual(options.credentialScopes, ["https://a/.default", "https://b/.default"]);
    assert.equal(options.credentialKeyHeaderName, "api-key");
    assert.equal(options.packageName, "pkg");
    assert.equal(options.userAgent, "azsdk-js-pkg-rest/1.2.3");
  });

  it("reads the reference's names: security, security-scopes, security-header-name and the switches", async function () {
    const options = await readEmitterOptions(
      from({
        security: "AzureKey",
        "security-scopes": ["https://c/.default"],
        "security-header-name": "x-key",
        "credential-key-header-name": "ignored-when-security-header-name-is-set",
        "package-details": { name: "@msinternal/lro-rest", version: "1.0.0-preview1" },
        "rlc-shortcut": true,
        "allow-insecure-connection": "true",
        "license-header": true,
        "rest-level-client": true,
      }),
    );
    assert.deepEqual(options.security, ["AzureKey"]);
    assert.equal(options.addCredentials, true, "a security kind implies a credential parameter");
    assert.deepEqual(options.credentialScopes, ["https://c/.default"]);
    assert.equal(options.credentialKeyHeaderName, "x-key");
    assert.equal(options.userAgent, "azsdk-js-lro-rest/1.0.0-preview1", "no second -rest suffix");
    assert.equal(options.rlcShortcut, true);
    assert.equal(options.allowInsecureConnection, true);
    assert.equal(options.licenseHeader, defaultLicenseHeader);
    assert.equal(
      (await readEmitterOptions(from({ "license-header": "MIT, see LICENSE." }))).licenseHeader,
      "MIT, see LICENSE.",
    );
  });

  it("refuses malformed values, naming the option", async function () {
    await assert.rejects(readEmitterOptions(from({ "add-credentials": "yes" })), /add-credentials/);
    await assert.rejects(readEmitterOptions(from({ "credential-scopes": [1] })), /credential-scopes/);
    await assert.rejects(readEmitterOptions(from({ "package-details": { name: "x" } })), /package-details/);
    await assert.rejects(readEmitterOptions(from({ security: "Basic" })), /security/);
    await assert.rejects(readEmitterOptions(from({ "rest-level-client": false })), /rest-level-client/);
  });
});
