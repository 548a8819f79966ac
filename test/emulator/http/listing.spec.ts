import assert from "node:assert/strict";
import type { WireConversionList, WireSessionList } from "../../../src/emulator/operations/wireTypes";
import { callUrl, errorOf, fetchToken, startHarness, type Harness } from "../support/emulatorHarness";

async function inBatches<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

describe("emulator lists and paging (raw HTTP)", () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  it("pages through 1,000 sessions with @nextLink, in creation order, leaving out stopped ones", async () => {
    harness = await startHarness({ pageSize: 100 });
    const ids = Array.from({ length: 1000 }, (_, i) => `paged-${String(i).padStart(4, "0")}`);
    // Created one batch after another, so creation order is the order of `ids`.
    await inBatches(ids, 50, async (id) => {
      const answer = await harness.call("PUT", `/sessions/${id}`, {
        body: { maxLeaseTimeMinutes: 30, size: "Standard" },
      });
      assert.equal(answer.status, 201);
    });
    harness.clock.advance(60_000);
    const stopped = new Set(ids.filter((_, i) => i % 100 === 7));
    await inBatches([...stopped], 10, async (id) => {
      assert.equal((await harness.call("POST", `/sessions/${id}/:stop`)).status, 204);
    });

    const seen: string[] = [];
    let pages = 0;
    let answer = await harness.call("GET", "/sessions");
    for (;;) {
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get("cache-control"), "no-store, no-cache");
      const page = answer.body as WireSessionList;
      pages += 1;
      assert.ok(page.sessions.length <= 100);
      seen.push(...page.sessions.map((session) => session.id));
      assert.ok(page.sessions.every((session) => session.status === "Ready"));
      const next = page["@nextLink"];
      if (next === undefined) break;
      assert.ok(
        next.startsWith(`${harness.emulator.url}/accounts/${harness.account.accountId}/sessions?`),
        next,
      );
      assert.equal(new URL(next).searchParams.get("api-version"), "2021-01-01");
      answer = await callUrl("GET", next, { token: harness.token });
    }
    assert.equal(pages, 10);
    assert.deepEqual(
      seen,
      ids.filter((id) => !stopped.has(id)),
    );
  });

  it("returns one page without @nextLink when everything fits", async () => {
    harness = await startHarness({ pageSize: 3 });
    const empty = await harness.call("GET", "/sessions");
    assert.deepEqual(empty.body, { sessions: [] });
    for (const id of ["one", "two", "three"]) {
      await harness.call("PUT", `/sessions/${id}`, { body: { maxLeaseTimeMinutes: 5, size: "Standard" } });
    }
    const page = (await harness.call("GET", "/sessions")).body as WireSessionList;
    assert.equal(page.sessions.length, 3);
    assert.equal("@nextLink" in page, false);
  });

  it("keeps pages stable when sessions are added between pages", async () => {
    harness = await startHarness({ pageSize: 2 });
    for (const id of ["s1", "s2", "s3"]) {
      await harness.call("PUT", `/sessions/${id}`, { body: { maxLeaseTimeMinutes: 5, size: "Standard" } });
    }
    const first = (await harness.call("GET", "/sessions")).body as WireSessionList;
    await harness.call("PUT", "/sessions/s4", { body: { maxLeaseTimeMinutes: 5, size: "Standard" } });
    const second = (await callUrl("GET", first["@nextLink"] as string, { token: harness.token }))
      .body as WireSessionList;
    assert.deepEqual(
      [...first.sessions, ...second.sessions].map((session) => session.id),
      ["s1", "s2", "s3", "s4"],
    );
  });

  it("builds @nextLink on the host the client called", async () => {
    harness = await startHarness({ pageSize: 1 });
    for (const id of ["h1", "h2"]) {
      await harness.call("PUT", `/sessions/${id}`, { body: { maxLeaseTimeMinutes: 5, size: "Standard" } });
    }
    const port = new URL(harness.emulator.url).port;
    const viaLocalhost = await callUrl(
      "GET",
      `http://localhost:${port}/accounts/${harness.account.accountId}/sessions?api-version=2021-01-01`,
      { token: harness.token },
    );
    if (viaLocalhost.status !== 200) return; // localhost may resolve to ::1 only on some machines
    assert.ok(
      ((viaLocalhost.body as WireSessionList)["@nextLink"] ?? "").startsWith(`http://localhost:${port}/`),
    );
  });

  it("refuses a $skipToken it did not issue", async () => {
    harness = await startHarness();
    for (const token of ["garbage", "YWZ0ZXI6eA", ""]) {
      const answer = await harness.call("GET", "/sessions", { query: { $skipToken: token } });
      assert.equal(answer.status, 400, token);
      assert.equal(errorOf(answer).target, "$skipToken");
    }
  });

  it("lists conversions of every status with @nextLink null on the last page", async () => {
    harness = await startHarness({ pageSize: 2 });
    const settings = (name: string) => ({
      settings: {
        inputLocation: {
          storageContainerUri: "https://contoso.blob.core.windows.net/input",
          storageContainerReadListSas: "sv=read",
          relativeInputAssetPath: name,
        },
        outputLocation: {
          storageContainerUri: "https://contoso.blob.core.windows.net/output",
          storageContainerWriteSas: "sv=write",
        },
      },
    });
    for (const [id, name] of [
      ["c1", "a.fbx"],
      ["c2", "missing.fbx"],
      ["c3", "c.glb"],
    ] as const) {
      assert.equal((await harness.call("PUT", `/conversions/${id}`, { body: settings(name) })).status, 201);
    }
    harness.clock.advance(60_000);
    const first = (await harness.call("GET", "/conversions")).body as WireConversionList;
    assert.deepEqual(
      first.conversions.map((conversion) => [conversion.id, conversion.status]),
      [
        ["c1", "Succeeded"],
        ["c2", "Failed"],
      ],
    );
    assert.equal(typeof first["@nextLink"], "string");
    const second = (await callUrl("GET", first["@nextLink"] as string, { token: harness.token }))
      .body as WireConversionList;
    assert.deepEqual(
      second.conversions.map((conversion) => conversion.id),
      ["c3"],
    );
    assert.equal(second["@nextLink"], null);
  });

  it("lists only the calling account's resources", async () => {
    const other = { accountId: "11111111-2222-4333-8444-555555555555", accountKey: "other-key" };
    const mine = { accountId: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", accountKey: "my-key" };
    harness = await startHarness({ accounts: [mine, other] });
    await harness.call("PUT", "/sessions/mine", { body: { maxLeaseTimeMinutes: 5, size: "Standard" } });
    const otherToken = await fetchToken(harness.emulator.url, other);
    const answer = await callUrl(
      "GET",
      `${harness.emulator.url}/accounts/${other.accountId}/sessions?api-version=2021-01-01`,
      { token: otherToken },
    );
    assert.deepEqual(answer.body, { sessions: [] });
  });
});
