// The pure parts of account settings in-process: merging levels, the arrconfig.json mapping, and
// how errors map to exit codes.
import assert from "node:assert/strict";
import { CommanderError } from "commander";
import { RestError } from "@azure/core-rest-pipeline";
import { OperationFailedError, UsageError } from "../../src/cli/cliErrors";
import { parseConfig } from "../../src/cli/config/readConfigFile";
import { accountSettingsFromEnvironment, resolveConnection } from "../../src/cli/config/resolveConnection";
import { describeError } from "../../src/cli/reportError";
import { RemoteRenderingServiceError } from "../../src/index";

const ID = "4f0b6f38-0f4e-4c61-9a53-3c3b2f8a9d10";

describe("arr settings", () => {
  it("uses the local emulator only when nothing at all is configured", () => {
    assert.deepEqual(resolveConnection([{}, {}, {}]), { kind: "localEmulator" });
    assert.throws(() => resolveConnection([{}, { accountKey: "k" }, {}]), UsageError);
  });

  it("takes each setting from the strongest level that has it", () => {
    const target = resolveConnection([
      { accountKey: "flag-key" },
      { accountKey: "env-key", accountId: ID, region: "eastus" },
      { accountId: "ignored", endpoint: "https://file.example", accountDomain: "westeurope" },
    ]);
    assert.deepEqual(target, {
      kind: "service",
      endpoint: "https://remoterendering.eastus.mixedreality.azure.com",
      accountId: ID,
      accountDomain: "westeurope.mixedreality.azure.com",
      accountKey: "flag-key",
      authenticationEndpoint: undefined,
      allowInsecureConnection: false,
    });
  });

  it("lets an endpoint win over a region of the same level", () => {
    const target = resolveConnection([
      { endpoint: "https://custom.example/", region: "eastus", accountId: ID, accountDomain: "a.b.c" },
    ]);
    assert.equal(target.kind === "service" && target.endpoint, "https://custom.example");
  });

  it("serves an emulator given by a loopback http URL with its own token service", () => {
    const target = resolveConnection([{ endpoint: "http://127.0.0.1:4000", accountId: ID, accountKey: "k" }]);
    assert.deepEqual(target, {
      kind: "service",
      endpoint: "http://127.0.0.1:4000",
      accountId: ID,
      accountDomain: "localhost.mixedreality.azure.com",
      accountKey: "k",
      authenticationEndpoint: "http://127.0.0.1:4000",
      allowInsecureConnection: true,
    });
    assert.throws(
      () => resolveConnection([{ endpoint: "http://10.0.0.1", accountId: ID }]),
      /must use https; plain http is only accepted for a local emulator/,
    );
    assert.throws(
      () => resolveConnection([{ endpoint: "not a url", accountId: ID }]),
      /is not an absolute URL/,
    );
  });

  it("reads ARR_* environment variables, ignoring empty ones", () => {
    assert.deepEqual(
      accountSettingsFromEnvironment({
        ARR_ACCOUNT_ID: ID,
        ARR_ACCOUNT_DOMAIN: " eastus.mixedreality.azure.com ",
        ARR_ACCOUNT_KEY: "",
        ARR_ENDPOINT: "https://e",
        ARR_REGION: "westus2",
        ARR_AUTHENTICATION_ENDPOINT: "https://sts.example",
        OTHER: "x",
      }),
      {
        accountId: ID,
        accountDomain: "eastus.mixedreality.azure.com",
        endpoint: "https://e",
        region: "westus2",
        authenticationEndpoint: "https://sts.example",
      },
    );
  });

  it("maps arrconfig.json sections, accepting a region, a domain or a URL as rendering domain", () => {
    const base = { accountSettings: { arrAccountId: ID, arrAccountKey: "k", arrAccountDomain: "eastus" } };
    const region = parseConfig(
      { ...base, renderingSessionSettings: { remoteRenderingDomain: "westeurope" } },
      "f",
    );
    assert.deepEqual(region.account, {
      accountId: ID,
      accountKey: "k",
      accountDomain: "eastus",
      region: "westeurope",
    });
    const domain = parseConfig(
      {
        renderingSessionSettings: { remoteRenderingDomain: "remoterendering.eastus2.mixedreality.azure.com" },
      },
      "f",
    );
    assert.equal(domain.account.endpoint, "https://remoterendering.eastus2.mixedreality.azure.com");
    const url = parseConfig(
      { renderingSessionSettings: { remoteRenderingDomain: "http://127.0.0.1:5" } },
      "f",
    );
    assert.equal(url.account.endpoint, "http://127.0.0.1:5");
    const template = parseConfig({ accountSettings: { arrAccountId: "", arrAccountKey: "  " } }, "f");
    assert.deepEqual(template.account, {});
  });

  it("reads the lease as hh:mm:ss (seconds rounded up) or minutes", () => {
    const lease = (value: unknown): number | undefined =>
      parseConfig({ renderingSessionSettings: { maxLeaseTime: value } }, "f").session.leaseInMinutes;
    assert.equal(lease("4:00:00"), 240);
    assert.equal(lease("0:30:30"), 31);
    assert.equal(lease("24:00:00"), 1440);
    assert.equal(lease(45), 45);
    assert.equal(lease("45"), 45);
    for (const bad of ["24:00:01", "1:60:00", "soon", 1.5, -1, true]) {
      assert.throws(() => lease(bad), /maxLeaseTime" must be "hh:mm:ss" or whole minutes/, String(bad));
    }
  });

  it("builds container URLs from the storage account name, and keeps full URLs", () => {
    const settings = parseConfig(
      {
        assetConversionSettings: {
          storageAccountName: "contoso",
          blobInputContainerName: "in",
          blobOutputContainerName: "https://other.blob.core.windows.net/out",
          inputFolderPath: "models",
          inputAssetPath: "a.fbx",
          outputFolderPath: "",
          outputAssetFileName: "a.arrAsset",
        },
      },
      "f",
    );
    assert.deepEqual(settings.conversion, {
      inputContainerUrl: "https://contoso.blob.core.windows.net/in",
      outputContainerUrl: "https://other.blob.core.windows.net/out",
      inputBlobPrefix: "models",
      inputAssetPath: "a.fbx",
      outputAssetName: "a.arrAsset",
    });
  });

  it("maps each kind of error to its exit code, with the service's code and MS-CV", () => {
    const rest = new RestError("Get session failed (HTTP 404, code NotFound)", {
      code: "NotFound",
      statusCode: 404,
    });
    rest.details = { error: undefined, msCv: "cv.1" };
    assert.deepEqual(describeError(rest), {
      exitCode: 3,
      message: "Get session failed (HTTP 404, code NotFound)",
      code: "NotFound",
      statusCode: 404,
      msCv: "cv.1",
    });
    const failed = new RemoteRenderingServiceError({ code: "SessionStartFailed", message: "no" }, "cv.2");
    assert.deepEqual(describeError(failed), {
      exitCode: 4,
      message: "no",
      code: "SessionStartFailed",
      msCv: "cv.2",
    });
    assert.deepEqual(describeError(new OperationFailedError("x", failed)), {
      exitCode: 4,
      message: "x",
      code: "SessionStartFailed",
      msCv: "cv.2",
    });
    assert.equal(describeError(new UsageError("u")).exitCode, 2);
    assert.equal(
      describeError(new CommanderError(1, "commander.unknownOption", "error: unknown option")).exitCode,
      2,
    );
    const credential = Object.assign(new Error("EnvironmentCredential is unavailable.\nmore"), {
      name: "AggregateAuthenticationError",
    });
    const report = describeError(credential);
    assert.equal(report.exitCode, 2);
    assert.match(
      report.message,
      /^No usable Microsoft Entra ID credential .*: EnvironmentCredential is unavailable\. Give/,
    );
    assert.equal(describeError(Object.assign(new Error("stop"), { name: "AbortError" })).exitCode, 130);
    const bug = describeError(new TypeError("x is undefined"));
    assert.equal(bug.exitCode, 1);
    assert.match(bug.message, /TypeError: x is undefined\n\s+at /);
  });
});
