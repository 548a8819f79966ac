// The units of work of the load scenarios: a session cycle (create and wait for Ready, read, extend
// the lease, list, end) and a conversion cycle (start and wait for Succeeded, read), each checking
// what it gets back. Both return the number of client operations they made.
import assert from "node:assert/strict";
import type { RemoteRenderingClient } from "../../../src/index";

export const SAS = "sv=2020-08-04&sr=c&sig=reliability";

/** A session cycle: 5 operations. */
export async function sessionCycle(client: RemoteRenderingClient, id: string): Promise<number> {
  const ready = await client.beginSession(
    id,
    { maxLeaseTimeInMinutes: 30, size: "Standard" },
    { intervalInMs: 1 },
  );
  assert.equal(ready.status, "Ready");
  assert.equal((await client.getSession(id)).status, "Ready");
  const extended = await client.updateSession(id, { maxLeaseTimeInMinutes: 45 });
  assert.equal(extended.maxLeaseTimeInMinutes, 45);
  const firstPage = await client.listSessions().byPage().next();
  assert.equal(firstPage.done, false);
  await client.endSession(id);
  return 5;
}

export async function conversionCycle(client: RemoteRenderingClient, id: string): Promise<number> {
  const done = await client.beginConversion(
    id,
    {
      inputSettings: {
        storageContainerUrl: "https://reliability.blob.core.windows.net/input",
        relativeInputAssetPath: "box.fbx",
        storageContainerReadListSas: SAS,
      },
      outputSettings: {
        storageContainerUrl: "https://reliability.blob.core.windows.net/output",
        storageContainerWriteSas: SAS,
      },
    },
    { intervalInMs: 1 },
  );
  assert.equal(done.status, "Succeeded");
  assert.equal((await client.getConversion(id)).status, "Succeeded");
  return 2;
}
