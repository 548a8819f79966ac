// The emitter's options as read from the AutoRest configuration (generator/src/emitterOptions.ts).
import assert from "node:assert/strict";
import { readEmitterOptions } from "../../generator/src/emitterOptions";

function from(values: Record<string, unknown>): (key: string) => Promise<unknown> {
  return async (key) => values[key];
}

describe("generator: emitter options", function () {
  it("defaults to no credentials parameter and a generic user agent", async function () {
    assert.deepEqual(await readEmitterOptions(from({})), {
      addCredentials: false,
      credentialScopes: undefined,
      credentialKeyHeaderName: undefined,
      userAgent: "autorest-rlc-emitter/1.0.0",
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
    assert.equal(options.userAgent, "scope-pkg-rest/1.2.3");
  });

  it("refuses malformed values, naming the option", async function () {
    await assert.rejects(readEmitterOptions(from({ "add-credentials": "yes" })), /add-credentials/);
    await assert.rejects(readEmitterOptions(from({ "credential-scopes": [1] })), /credential-scopes/);
    await assert.rejects(readEmitterOptions(from({ "package-details": { name: "x" } })), /package-details/);
  });
});
