import assert from "node:assert/strict";
import { AzureKeyCredential, RemoteRenderingClient, remoteRenderingEndpoint } from "../../src/index";
import type { AssetConversionSettings } from "../../src/index";
import {
  validateAccountDomain,
  validateAccountId,
  validateIntervalInMs,
  validateMaxLeaseTime,
  validateOutputAssetFilename,
  validateResourceId,
  validateServiceUrl,
  validateSessionSize,
  validateStorageContainerUrl,
} from "../../src/customizations/validation";
import {
  accountDomain,
  accountId,
  accountKey,
  conversionSettings,
  countRequests,
  endpoint,
  keyClient,
  resetNock,
  rejectionOf,
} from "./support/clientTestKit";

function throwsNaming(
  run: () => unknown,
  type: typeof TypeError | typeof RangeError,
  ...words: string[]
): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    for (const word of words) {
      assert.ok(
        error.message.includes(word),
        `message ${JSON.stringify(error.message)} lacks ${JSON.stringify(word)}`,
      );
    }
    return true;
  });
}

describe("input validation", () => {
  afterEach(resetNock);

  describe("rules", () => {
    it("accepts ids of 1 to 256 letters, digits, '-' and '_' and names the rule otherwise", () => {
      assert.equal(validateResourceId("sessionId", "a"), "a");
      assert.equal(validateResourceId("sessionId", "A-z_0".repeat(51) + "x"), "A-z_0".repeat(51) + "x");
      throwsNaming(() => validateResourceId("sessionId", ""), RangeError, "sessionId", "1 to 256");
      throwsNaming(
        () => validateResourceId("sessionId", "x".repeat(257)),
        RangeError,
        "sessionId",
        "1 to 256",
      );
      throwsNaming(
        () => validateResourceId("conversionId", "a b"),
        RangeError,
        "conversionId",
        "letters, digits",
      );
      throwsNaming(() => validateResourceId("conversionId", "a/b"), RangeError, "conversionId");
      throwsNaming(() => validateResourceId("conversionId", "é"), RangeError, "conversionId");
      throwsNaming(() => validateResourceId("sessionId", 42), TypeError, "sessionId", "string");
    });

    it("accepts integer leases from 0 to 1440 minutes only", () => {
      assert.equal(validateMaxLeaseTime("maxLeaseTimeInMinutes", 0), 0);
      assert.equal(validateMaxLeaseTime("maxLeaseTimeInMinutes", 1440), 1440);
      for (const bad of [-1, -4, 1441, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        throwsNaming(
          () => validateMaxLeaseTime("maxLeaseTimeInMinutes", bad),
          RangeError,
          "maxLeaseTimeInMinutes",
          "0 to 1440",
        );
      }
      throwsNaming(
        () => validateMaxLeaseTime("maxLeaseTimeInMinutes", "10"),
        TypeError,
        "maxLeaseTimeInMinutes",
      );
    });

    it("accepts the sizes Standard and Premium only", () => {
      assert.equal(validateSessionSize("size", "Standard"), "Standard");
      assert.equal(validateSessionSize("size", "Premium"), "Premium");
      throwsNaming(
        () => validateSessionSize("size", "standard"),
        RangeError,
        "size",
        '"Standard" or "Premium"',
      );
      throwsNaming(() => validateSessionSize("size", "Huge"), RangeError, "size");
      throwsNaming(() => validateSessionSize("size", undefined), TypeError, "size");
    });

    it("accepts absolute https storage container URLs only", () => {
      const ok = "https://store.blob.core.windows.net/input";
      assert.equal(validateStorageContainerUrl("storageContainerUrl", ok), ok);
      for (const bad of [
        "http://store.blob.core.windows.net/input",
        "store.blob.core.windows.net/input",
        "/input",
        "ftp://x/y",
        "",
      ]) {
        throwsNaming(
          () => validateStorageContainerUrl("storageContainerUrl", bad),
          RangeError,
          "storageContainerUrl",
          "https",
        );
      }
    });

    it("refuses a SAS or user info inside a storage container URL, naming the SAS field, not echoing it", () => {
      for (const bad of [
        "https://store.blob.core.windows.net/input?sv=2022-11-02&sig=SASSECRET",
        "https://store.blob.core.windows.net/input?SASSECRET",
        "https://store.blob.core.windows.net/input?",
        "https://user:SASSECRET@store.blob.core.windows.net/input",
        "https://SASSECRET@store.blob.core.windows.net/input",
      ]) {
        assert.throws(
          () =>
            validateStorageContainerUrl(
              "inputSettings.storageContainerUrl",
              bad,
              "storageContainerReadListSas",
            ),
          (error: unknown) => {
            assert.ok(error instanceof RangeError, String(error));
            assert.match(error.message, /inputSettings\.storageContainerUrl must be the container URL alone/);
            assert.match(error.message, /pass the access signature in storageContainerReadListSas/);
            assert.doesNotMatch(error.message, /SASSECRET|store\.blob/);
            return true;
          },
        );
      }
      assert.throws(
        () => validateStorageContainerUrl("storageContainerUrl", "http://user:SASSECRET@store/input"),
        (error: unknown) => error instanceof RangeError && !error.message.includes("SASSECRET"),
      );
    });

    it("leaves the query of a refused URL, which may carry a signature, out of the message", () => {
      const refusals: Array<() => unknown> = [
        () => validateStorageContainerUrl("storageContainerUrl", "http://s/c?sig=SASSECRET"),
        () => validateStorageContainerUrl("storageContainerUrl", "s/c?sig=SASSECRET"),
        () => validateServiceUrl("endpoint", "http://h?sig=SASSECRET"),
        () => validateServiceUrl("endpoint", "ftp://h/#SASSECRET"),
      ];
      for (const refuse of refusals) {
        assert.throws(refuse, (error: unknown) => {
          assert.ok(error instanceof RangeError);
          assert.doesNotMatch(error.message, /SASSECRET/);
          assert.match(error.message, /query left out/);
          return true;
        });
      }
    });

    it("accepts output file names ending with .arrAsset only", () => {
      assert.equal(validateOutputAssetFilename("outputAssetFilename", "house.arrAsset"), "house.arrAsset");
      for (const bad of ["house.fbx", "house.arrasset", ".arrAsset", "house.arrAsset.zip"]) {
        throwsNaming(
          () => validateOutputAssetFilename("outputAssetFilename", bad),
          RangeError,
          "outputAssetFilename",
          ".arrAsset",
        );
      }
    });

    it("accepts account ids that are UUIDs only", () => {
      assert.equal(validateAccountId(accountId), accountId);
      throwsNaming(() => validateAccountId("my-account"), RangeError, "accountId", "UUID");
      throwsNaming(() => validateAccountId(undefined), TypeError, "accountId");
    });

    it("refuses a bare region as account domain with a hint at the full domain", () => {
      assert.equal(validateAccountDomain(accountDomain), accountDomain);
      throwsNaming(
        () => validateAccountDomain("eastus"),
        RangeError,
        "accountDomain",
        "eastus.mixedreality.azure.com",
      );
      throwsNaming(
        () => validateAccountDomain("https://eastus.mixedreality.azure.com"),
        RangeError,
        "accountDomain",
      );
    });

    it("accepts http service URLs only with allowInsecureConnection, naming the option", () => {
      assert.equal(validateServiceUrl("endpoint", endpoint).origin, endpoint);
      throwsNaming(
        () => validateServiceUrl("endpoint", "http://127.0.0.1:8080"),
        RangeError,
        "endpoint",
        "allowInsecureConnection",
      );
      assert.equal(
        validateServiceUrl("endpoint", "http://127.0.0.1:8080", { allowInsecureConnection: true }).port,
        "8080",
      );
      throwsNaming(() => validateServiceUrl("endpoint", "not a url"), RangeError, "endpoint");
      throwsNaming(
        () => validateServiceUrl("endpoint", "https://user:pw@host.example"),
        RangeError,
        "endpoint",
      );
    });

    it("accepts polling intervals of at least 1 ms", () => {
      assert.equal(validateIntervalInMs("intervalInMs", 1), 1);
      throwsNaming(() => validateIntervalInMs("intervalInMs", 0), RangeError, "intervalInMs");
      throwsNaming(
        () => validateIntervalInMs("intervalInMs", Number.POSITIVE_INFINITY),
        RangeError,
        "intervalInMs",
      );
      throwsNaming(() => validateIntervalInMs("intervalInMs", "5"), TypeError, "intervalInMs");
    });

    it("builds regional endpoints and refuses malformed regions", () => {
      assert.equal(
        remoteRenderingEndpoint("eastus"),
        "https://remoterendering.eastus.mixedreality.azure.com",
      );
      assert.equal(
        remoteRenderingEndpoint("WestEurope"),
        "https://remoterendering.westeurope.mixedreality.azure.com",
      );
      throwsNaming(() => remoteRenderingEndpoint("east us"), RangeError, "region");
      throwsNaming(() => remoteRenderingEndpoint("eastus.mixedreality.azure.com"), RangeError, "region");
    });
  });

  describe("client constructor", () => {
    const key = new AzureKeyCredential(accountKey);

    it("refuses a bare region as accountDomain", () => {
      throwsNaming(
        () => new RemoteRenderingClient(endpoint, accountId, "eastus", key),
        RangeError,
        "eastus.mixedreality.azure.com",
      );
    });

    it("refuses an account id that is not a UUID", () => {
      throwsNaming(
        () => new RemoteRenderingClient(endpoint, "account", accountDomain, key),
        RangeError,
        "accountId",
        "UUID",
      );
    });

    it("refuses an http endpoint unless allowInsecureConnection is true", () => {
      throwsNaming(
        () => new RemoteRenderingClient("http://127.0.0.1:9000", accountId, accountDomain, key),
        RangeError,
        "allowInsecureConnection",
      );
      throwsNaming(
        () =>
          new RemoteRenderingClient(endpoint, accountId, accountDomain, key, {
            authenticationEndpointUrl: "http://127.0.0.1:9001",
          }),
        RangeError,
        "authenticationEndpointUrl",
        "allowInsecureConnection",
      );
      const local = new RemoteRenderingClient("http://127.0.0.1:9000/", accountId, accountDomain, key, {
        allowInsecureConnection: true,
        authenticationEndpointUrl: "http://127.0.0.1:9001",
      });
      assert.equal(local.endpoint, "http://127.0.0.1:9000");
    });

    it("refuses a missing or wrong credential", () => {
      throwsNaming(
        () =>
          new RemoteRenderingClient(endpoint, accountId, accountDomain, {} as unknown as AzureKeyCredential),
        TypeError,
        "AzureKeyCredential",
      );
      throwsNaming(
        () => new RemoteRenderingClient(endpoint, accountId, 42 as unknown as string, key),
        TypeError,
        "AccessToken",
      );
    });
  });

  describe("no request is sent for bad input", () => {
    it("rejects every bad argument of every method before any request", async () => {
      const requests = countRequests();
      const client = keyClient();
      const settings = conversionSettings;
      const withInput = (
        input: Partial<AssetConversionSettings["inputSettings"]>,
      ): AssetConversionSettings => ({
        ...settings,
        inputSettings: { ...settings.inputSettings, ...input } as AssetConversionSettings["inputSettings"],
      });
      const withOutput = (
        output: Partial<AssetConversionSettings["outputSettings"]>,
      ): AssetConversionSettings => ({
        ...settings,
        outputSettings: {
          ...settings.outputSettings,
          ...output,
        } as AssetConversionSettings["outputSettings"],
      });
      const syncCases: Array<[string, () => unknown, typeof TypeError | typeof RangeError, string]> = [
        [
          "session id",
          () => client.beginSession("bad id", { maxLeaseTimeInMinutes: 5, size: "Standard" }),
          RangeError,
          "sessionId",
        ],
        [
          "negative lease",
          () => client.beginSession("s1", { maxLeaseTimeInMinutes: -4, size: "Standard" }),
          RangeError,
          "maxLeaseTimeInMinutes",
        ],
        [
          "lease too long",
          () => client.beginSession("s1", { maxLeaseTimeInMinutes: 1441, size: "Standard" }),
          RangeError,
          "maxLeaseTimeInMinutes",
        ],
        [
          "size",
          () => client.beginSession("s1", { maxLeaseTimeInMinutes: 5, size: "Large" }),
          RangeError,
          "size",
        ],
        [
          "interval",
          () =>
            client.beginSession("s1", { maxLeaseTimeInMinutes: 5, size: "Standard" }, { intervalInMs: 0 }),
          RangeError,
          "intervalInMs",
        ],
        ["settings", () => client.beginSession("s1", undefined as never), TypeError, "settings"],
        [
          "conversion id",
          () => client.beginConversion("x".repeat(257), settings),
          RangeError,
          "conversionId",
        ],
        [
          "input url",
          () => client.beginConversion("c1", withInput({ storageContainerUrl: "http://store/input" })),
          RangeError,
          "inputSettings.storageContainerUrl",
        ],
        [
          "input url with a SAS",
          () =>
            client.beginConversion(
              "c1",
              withInput({ storageContainerUrl: "https://store.blob.core.windows.net/input?sig=x" }),
            ),
          RangeError,
          "settings.inputSettings.storageContainerReadListSas",
        ],
        [
          "output url with user info",
          () =>
            client.beginConversion(
              "c1",
              withOutput({ storageContainerUrl: "https://u:p@store.blob.core.windows.net/output" }),
            ),
          RangeError,
          "settings.outputSettings.storageContainerWriteSas",
        ],
        [
          "output url",
          () => client.beginConversion("c1", withOutput({ storageContainerUrl: "store/output" })),
          RangeError,
          "outputSettings.storageContainerUrl",
        ],
        [
          "asset path",
          () => client.beginConversion("c1", withInput({ relativeInputAssetPath: "" })),
          RangeError,
          "relativeInputAssetPath",
        ],
        [
          "file name",
          () => client.beginConversion("c1", withOutput({ outputAssetFilename: "box.glb" })),
          RangeError,
          "outputAssetFilename",
        ],
        ["conversion settings", () => client.beginConversion("c1", null as never), TypeError, "settings"],
        ["resume string", () => client.beginSession({ resumeFrom: "{}" }), TypeError, "resumeFrom"],
      ];
      for (const [name, run, type, word] of syncCases) {
        assert.throws(run, (error: unknown) => error instanceof type && error.message.includes(word), name);
      }
      const asyncCases: Array<
        [string, () => Promise<unknown>, typeof TypeError | typeof RangeError, string]
      > = [
        ["getSession", () => client.getSession("a b"), RangeError, "sessionId"],
        [
          "updateSession id",
          () => client.updateSession("", { maxLeaseTimeInMinutes: 5 }),
          RangeError,
          "sessionId",
        ],
        [
          "updateSession lease",
          () => client.updateSession("s1", { maxLeaseTimeInMinutes: 2000 }),
          RangeError,
          "maxLeaseTimeInMinutes",
        ],
        [
          "updateSession lease type",
          () => client.updateSession("s1", { maxLeaseTimeInMinutes: "5" as never }),
          TypeError,
          "maxLeaseTimeInMinutes",
        ],
        ["endSession", () => client.endSession("s/1"), RangeError, "sessionId"],
        ["getConversion", () => client.getConversion(7 as never), TypeError, "conversionId"],
      ];
      for (const [name, run, type, word] of asyncCases) {
        const error = await rejectionOf(run());
        assert.ok(error instanceof type && error.message.includes(word), `${name}: ${error.message}`);
      }
      assert.equal(requests.count(), 0);
    });
  });
});
