// paginate() of the generated Remote Rendering client: the spec's item names (`conversions`,
// `sessions`) and next-link name (`@nextLink`), absolute and relative links, byPage() with a
// continuation token, and a RestError for a failed page.
import assert from "node:assert/strict";
import nock from "nock";
import { isUnexpected, paginate } from "../../src/generated/remoteRendering";
import type { ConversionOutput, SessionPropertiesOutput } from "../../src/generated/remoteRendering";
import { accountId, conversionBody, endpoint, remoteRenderingClient, sessionBody } from "./testClients";

const sessions = `/accounts/${accountId}/sessions`;
const conversions = `/accounts/${accountId}/conversions`;

describe("generated clients: paginate", function () {
  afterEach(function () {
    nock.cleanAll();
  });

  it("lists sessions across pages linked by absolute and relative @nextLink", async function () {
    const api = nock(endpoint);
    api
      .get(sessions)
      .query({ "api-version": "2021-01-01" })
      .reply(200, { sessions: [{ ...sessionBody, id: "s1" }], "@nextLink": `${endpoint}${sessions}?skip=1` });
    api
      .get(sessions)
      .query({ skip: "1", "api-version": "2021-01-01" })
      .reply(200, { sessions: [{ ...sessionBody, id: "s2" }], "@nextLink": `${sessions}?skip=2` });
    api
      .get(sessions)
      .query({ skip: "2", "api-version": "2021-01-01" })
      .reply(200, { sessions: [{ ...sessionBody, id: "s3" }] });
    const client = remoteRenderingClient();
    const first = await client.path("/accounts/{account_id}/sessions", accountId).get();
    assert.equal(isUnexpected(first), false);
    if (isUnexpected(first)) {
      return;
    }
    const ids: string[] = [];
    for await (const session of paginate(client, first)) {
      const typed: SessionPropertiesOutput = session;
      ids.push(typed.id);
    }
    assert.deepEqual(ids, ["s1", "s2", "s3"]);
    assert.ok(api.isDone());
  });

  it("pages conversions with byPage() and resumes from a continuation token", async function () {
    const api = nock(endpoint);
    api
      .get(conversions)
      .query(true)
      .reply(200, { conversions: [conversionBody], "@nextLink": `${endpoint}${conversions}?page=2` });
    api
      .get(conversions)
      .query({ page: "2", "api-version": "2021-01-01" })
      .twice()
      .reply(200, {
        conversions: [
          { ...conversionBody, id: "c2" },
          { ...conversionBody, id: "c3" },
        ],
      });
    const client = remoteRenderingClient();
    const first = await client.path("/accounts/{account_id}/conversions", accountId).get();
    if (isUnexpected(first)) {
      assert.fail(`unexpected ${first.status}`);
    }
    const pages: string[][] = [];
    for await (const page of paginate(client, first).byPage()) {
      pages.push(page.map((conversion: ConversionOutput) => conversion.id));
    }
    assert.deepEqual(pages, [[conversionBody.id], ["c2", "c3"]]);

    const resumed: string[][] = [];
    const continuationToken = `${endpoint}${conversions}?page=2`;
    for await (const page of paginate(client, first).byPage({ continuationToken })) {
      resumed.push(page.map((conversion) => conversion.id));
    }
    assert.deepEqual(resumed, [["c2", "c3"]]);
    assert.ok(api.isDone());
  });

  it("throws a RestError with the status when a later page fails", async function () {
    nock(endpoint)
      .get(sessions)
      .query(true)
      .reply(200, { sessions: [sessionBody], "@nextLink": `${endpoint}${sessions}?skip=1` })
      .get(sessions)
      .query({ skip: "1", "api-version": "2021-01-01" })
      .reply(403, "");
    const client = remoteRenderingClient();
    const first = await client.path("/accounts/{account_id}/sessions", accountId).get();
    const seen: string[] = [];
    await assert.rejects(
      async () => {
        for await (const session of paginate(client, first)) {
          seen.push((session as SessionPropertiesOutput).id);
        }
      },
      (error: Error & { statusCode?: number }) => error.name === "RestError" && error.statusCode === 403,
    );
    assert.deepEqual(seen, [sessionBody.id]);
  });

  it("throws at once when the first response is an error", async function () {
    nock(endpoint).get(sessions).query(true).reply(401, "", { "WWW-Authenticate": "Bearer" });
    const client = remoteRenderingClient();
    const first = await client.path("/accounts/{account_id}/sessions", accountId).get();
    const iterator = paginate(client, first);
    await assert.rejects(
      iterator.next(),
      (error: Error & { statusCode?: number }) => error.statusCode === 401,
    );
  });
});
