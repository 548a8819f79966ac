// The clients generated from the fixture specs, run against nock: what they send, how isUnexpected
// classifies every kind of status, and how paginate follows custom item and next-link names.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import type { PathUncheckedResponse } from "@azure-rest/core-client";
import type { TokenCredential } from "@azure/core-auth";
import type { PagedAsyncIterableIterator } from "@azure/core-paging";
import nock from "nock";
import type { FixtureRun } from "./generationRuns";
import { fixtureGeneration, startGenerationRuns } from "./generationRuns";
import { tail } from "./runAutorest";

type Verb = (options?: Record<string, unknown>) => Promise<PathUncheckedResponse>;

interface RestClientLike {
  path(path: string, ...pathParameters: string[]): Record<string, Verb>;
}

/** The part of a generated client's index module these tests use. */
interface ClientModule {
  default: (...args: unknown[]) => RestClientLike;
  isUnexpected(response: PathUncheckedResponse): boolean;
  paginate?(client: RestClientLike, response: PathUncheckedResponse): PagedAsyncIterableIterator<unknown>;
}

const loadModule = createRequire(__filename);

const widgetId = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("generator: fixture clients at run time", function () {
  let run: FixtureRun;

  function load(name: string): ClientModule {
    return loadModule(path.join(run.outputs.get(name) as string, "index.ts")) as ClientModule;
  }

  before(async function () {
    this.timeout(600_000);
    startGenerationRuns();
    run = await fixtureGeneration();
    assert.equal(run.exitCode, 0, `AutoRest failed on the fixtures:\n${tail(run.output)}`);
  });

  afterEach(function () {
    nock.cleanAll();
  });

  it("sends path, query, header and body parameters, below the host's base path", async function () {
    this.timeout(20_000);
    const operations = load("operations");
    const scope = nock("https://widgets.example.test", {
      reqheaders: {
        "x-request-id": "req-1",
        "if-match": '"e1"',
        "content-type": /application\/json/,
        "user-agent": /fixture-operations-rest\/2\.0\.0/,
      },
    })
      .put(`/api/shelves/top%20shelf/widgets/${widgetId}`, { name: "w", weight: 1.5 })
      .query({ mode: "safe", dryRun: "true", "api-version": "2024-05-01" })
      .reply(
        201,
        { id: "server-id", name: "w", weight: 1.5 },
        { ETag: '"e2"', "x-ms-request-charge": "2.5" },
      );
    const client = operations.default("https://widgets.example.test");
    const response = await client.path("/shelves/{shelfName}/widgets/{widgetId}", "top shelf", widgetId).put!(
      {
        queryParameters: { mode: "safe", dryRun: true },
        headers: { "x-request-id": "req-1", "If-Match": '"e1"' },
        body: { name: "w", weight: 1.5 },
      },
    );
    assert.equal(response.status, "201");
    assert.deepEqual(response.body, { id: "server-id", name: "w", weight: 1.5 });
    assert.equal(response.headers["etag"], '"e2"');
    assert.equal(operations.isUnexpected(response), false);
    assert.ok(scope.isDone());

    nock("https://widgets.example.test").post("/v2/shelves/s/widgets:batch").query(true).reply(200, { a: 1 });
    const other = operations.default("https://widgets.example.test", "v2");
    const batch = await other.path("/shelves/{shelfName}/widgets:batch", "s").post!({
      body: [{ name: "a" }],
    });
    assert.deepEqual(batch.body, { a: 1 });
  });

  it("isUnexpected: declared successes are expected; error responses, default and undeclared codes are not", async function () {
    const operations = load("operations");
    const client = operations.default("https://widgets.example.test", undefined, {
      retryOptions: { maxRetries: 0 },
    });
    const widget = client.path("/shelves/{shelfName}/widgets/{widgetId}", "s", widgetId);
    const archive = client.path("/shelves/{shelfName}/widgets/{widgetId}:archive", "s", widgetId);
    const cases: Array<[string, Verb, string, number, boolean]> = [
      ["GET", widget.get!, "", 200, false],
      ["GET", widget.get!, "", 304, false],
      ["GET", widget.get!, "", 410, false], // declared without x-ms-error-response
      ["GET", widget.get!, "", 404, true],
      ["GET", widget.get!, "", 418, true], // not declared
      ["DELETE", widget.delete!, "", 204, false],
      ["DELETE", widget.delete!, "", 404, true],
      ["POST", archive.post!, ":archive", 202, false],
      ["POST", archive.post!, ":archive", 409, true],
      ["PATCH", widget.patch!, "", 200, false],
      ["PATCH", widget.patch!, "", 201, true],
    ];
    for (const [method, send, suffix, status, unexpected] of cases) {
      nock("https://widgets.example.test")
        .intercept(`/api/shelves/s/widgets/${widgetId}${suffix}`, method)
        .query(true)
        .reply(status, status === 304 || status === 204 ? undefined : {});
      const response = await send({});
      assert.equal(response.status, String(status));
      assert.equal(operations.isUnexpected(response), unexpected, `${method} ${status}`);
    }
  });

  it("paginate follows a custom next-link name and collects a custom item name", async function () {
    const paging = load("paging");
    const scopes: string[][] = [];
    const credential: TokenCredential = {
      getToken: async (scope) => {
        scopes.push(Array.isArray(scope) ? scope : [scope]);
        return { token: "token-1", expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const api = nock("https://paging.example.com", { reqheaders: { authorization: "Bearer token-1" } });
    api
      .get("/base/entries")
      .query({ top: "2", "api-version": "2023-01-01" })
      .reply(200, {
        entries: [{ key: "a" }, { key: "b" }],
        continuation: "https://paging.example.com/base/entries?page=2",
      });
    api
      .get("/base/entries")
      .query({ page: "2", "api-version": "2023-01-01" })
      .reply(200, { entries: [{ key: "c" }] });
    const client = paging.default(credential);
    const first = await client.path("/entries").get!({ queryParameters: { top: 2 } });
    const keys: unknown[] = [];
    for await (const entry of paging.paginate!(client, first)) {
      keys.push((entry as { key: string }).key);
    }
    assert.deepEqual(keys, ["a", "b", "c"]);
    assert.deepEqual(scopes[0], ["https://paging.example.com/.default"]);
    assert.ok(api.isDone());
  });

  it("paginate reads the default item name, stops without a next link, and throws on a failed page", async function () {
    const paging = load("paging");
    const credential: TokenCredential = {
      getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
    const client = paging.default(credential, { retryOptions: { maxRetries: 0 } });

    nock("https://paging.example.com")
      .get("/base/snapshot")
      .query(true)
      .reply(200, { items: ["x", "y"] });
    const snapshot = await client.path("/snapshot").get!();
    const items: unknown[] = [];
    for await (const page of paging.paginate!(client, snapshot).byPage()) {
      items.push(page);
    }
    assert.deepEqual(items, [["x", "y"]]);

    const api = nock("https://paging.example.com");
    api
      .get("/base/values")
      .query(true)
      .reply(200, { value: [1, 2], nextLink: "/base/values?skip=2" });
    api.get("/base/values").query({ skip: "2", "api-version": "2023-01-01" }).reply(500, { code: "Boom" });
    const values = await client.path("/values").get!();
    const seen: unknown[] = [];
    await assert.rejects(
      async () => {
        for await (const value of paging.paginate!(client, values)) {
          seen.push(value);
        }
      },
      (error: Error & { statusCode?: number }) => error.name === "RestError" && error.statusCode === 500,
    );
    assert.deepEqual(seen, [1, 2]);
  });
});
