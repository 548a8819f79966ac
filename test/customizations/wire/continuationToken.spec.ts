// Resuming a listing: every page of listSessions() and listConversions() but the last carries a
// continuationToken, and byPage({ continuationToken }) - on the same client or a new one, as after a
// restart - goes on from there, against an emulator with pages of two items. A token naming another
// origin is refused before any request.
import assert from "node:assert/strict";
import { AzureKeyCredential, RemoteRenderingClient, type ContinuablePage } from "../../../src/index";
import { DEFAULT_EMULATOR_ACCOUNT, startEmulator, type RunningEmulator } from "../../../src/emulator/index";

async function collectPages<T>(pages: AsyncIterable<ContinuablePage<T>>): Promise<ContinuablePage<T>[]> {
  const collected: ContinuablePage<T>[] = [];
  for await (const page of pages) collected.push(page);
  return collected;
}

describe("byPage({ continuationToken })", () => {
  let emulator: RunningEmulator;
  const newClient = (): RemoteRenderingClient =>
    new RemoteRenderingClient(
      emulator.url,
      DEFAULT_EMULATOR_ACCOUNT.accountId,
      "emulator.mixedreality.azure.com",
      new AzureKeyCredential(DEFAULT_EMULATOR_ACCOUNT.accountKey),
      { allowInsecureConnection: true, authenticationEndpointUrl: emulator.url },
    );

  before(async () => {
    emulator = await startEmulator({ port: 0, logger: false, pageSize: 2 });
    const client = newClient();
    for (let i = 1; i <= 5; i++) {
      client.beginSession(`page-session-${i}`, { maxLeaseTimeInMinutes: 5, size: "Standard" });
      client.beginConversion(`page-conversion-${i}`, {
        inputSettings: {
          storageContainerUrl: "https://mystorage.blob.core.windows.net/input",
          relativeInputAssetPath: "box.fbx",
          storageContainerReadListSas: "sv=1&sig=x",
        },
        outputSettings: {
          storageContainerUrl: "https://mystorage.blob.core.windows.net/output",
          storageContainerWriteSas: "sv=1&sig=y",
        },
      });
    }
    // The creations are sent as the pollers start; wait until all ten exist.
    for (let tries = 0; tries < 100; tries++) {
      const sessions = await collectPages(client.listSessions().byPage());
      const conversions = await collectPages(client.listConversions().byPage());
      if (sessions.flat().length === 5 && conversions.flat().length === 5) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail("the five sessions and conversions were not all created");
  });
  after(async () => {
    await emulator.close();
  });

  for (const listing of ["listSessions", "listConversions"] as const) {
    it(`${listing}: pages carry a continuationToken that resumes the listing, also on a new client`, async () => {
      const all = await collectPages<unknown>(newClient()[listing]().byPage());
      assert.deepEqual(
        all.map((page) => page.length),
        [2, 2, 1],
      );
      assert.equal(typeof all[0]?.continuationToken, "string");
      assert.equal(typeof all[1]?.continuationToken, "string");
      assert.equal(all[2]?.continuationToken, undefined, "the last page has no token");

      const first = await newClient()[listing]().byPage().next();
      const token = (first.value as ContinuablePage<unknown>).continuationToken;
      const restarted = newClient();
      const rest = await collectPages<unknown>(
        restarted[listing]().byPage({ continuationToken: token ?? "" }),
      );
      assert.deepEqual(JSON.stringify(rest), JSON.stringify(all.slice(1)));
    });

    it(`${listing}: refuses a continuation token of another origin before sending anything`, async () => {
      const pages = newClient()[listing]().byPage({
        continuationToken: "https://elsewhere.example.com/accounts/x/sessions?$skipToken=a",
      });
      await assert.rejects(pages.next(), /elsewhere\.example\.com/);
    });
  }
});
