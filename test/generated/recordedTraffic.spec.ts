// Replays the .NET SDK's recordings of real Remote Rendering traffic (../shared/upstream-recordings)
// through the generated client: for every recorded exchange the client must build the recorded URL
// (path and api-version) from the path template and ids, send the recorded body, read the recorded
// answer, and classify it with isUnexpected as the spec says. Skips when the recordings are absent.
import assert from "node:assert/strict";
import type { PathUncheckedResponse } from "@azure-rest/core-client";
import nock from "nock";
import createClient, { isUnexpected as isUnexpectedTyped } from "../../src/generated/remoteRendering";
import {
  netRecordingNames,
  netRecordingsAvailable,
  netRecordingsFolder,
  readNetRecordingFile,
} from "../support/netRecordings";

/** Path templates of the spec, with the methods recorded on them. */
const routes: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/accounts\/([^/]+)\/conversions\/([^/]+)$/, "/accounts/{account_id}/conversions/{conversion_id}"],
  [/^\/accounts\/([^/]+)\/conversions$/, "/accounts/{account_id}/conversions"],
  [/^\/accounts\/([^/]+)\/sessions\/([^/]+)\/:stop$/, "/accounts/{account_id}/sessions/{session_id}/:stop"],
  [/^\/accounts\/([^/]+)\/sessions\/([^/]+)$/, "/accounts/{account_id}/sessions/{session_id}"],
  [/^\/accounts\/([^/]+)\/sessions$/, "/accounts/{account_id}/sessions"],
];

/** Expected codes per method and template, from the spec (x-ms-error-response codes are the others). */
const expectedCodes: Readonly<Record<string, readonly number[]>> = {
  "PUT /accounts/{account_id}/conversions/{conversion_id}": [200, 201],
  "GET /accounts/{account_id}/conversions/{conversion_id}": [200],
  "GET /accounts/{account_id}/conversions": [200],
  "PUT /accounts/{account_id}/sessions/{session_id}": [200, 201],
  "GET /accounts/{account_id}/sessions/{session_id}": [200],
  "PATCH /accounts/{account_id}/sessions/{session_id}": [200],
  "POST /accounts/{account_id}/sessions/{session_id}/:stop": [204],
  "GET /accounts/{account_id}/sessions": [200],
};

const isUnexpected = isUnexpectedTyped as (response: PathUncheckedResponse) => boolean;

describe("generated clients: replay of recorded service traffic", function () {
  before(function () {
    if (!netRecordingsAvailable()) {
      console.log(
        `      skipped: ${netRecordingsFolder} is absent (the reference folder ../shared is not here)`,
      );
      this.skip();
    }
  });

  afterEach(function () {
    nock.cleanAll();
  });

  it("rebuilds every recorded request and reads every recorded answer", async function () {
    const files = netRecordingNames();
    assert.ok(files.length >= 4, "recordings found");
    let exchanges = 0;
    for (const file of files) {
      const { Entries } = readNetRecordingFile(file);
      for (const entry of Entries) {
        const url = new URL(entry.RequestUri);
        const route = routes.find(([pattern]) => pattern.test(url.pathname));
        assert.ok(route !== undefined, `${file}: no route for ${url.pathname}`);
        const [pattern, template] = route;
        const ids = (pattern.exec(url.pathname) ?? []).slice(1).map(decodeURIComponent);
        let sentUrl = "";
        let sentBody: unknown;
        const empty = Array.isArray(entry.ResponseBody) && entry.ResponseBody.length === 0;
        const headers = Object.fromEntries(
          Object.entries(entry.ResponseHeaders).filter(([name]) => name.toLowerCase() !== "content-length"),
        );
        nock(url.origin)
          .intercept(url.pathname, entry.RequestMethod)
          .query(true)
          .reply(function (uri, body) {
            sentUrl = `${url.origin}${uri}`;
            sentBody = typeof body === "string" ? (body === "" ? null : (JSON.parse(body) as unknown)) : body;
            return [entry.StatusCode, empty ? "" : JSON.stringify(entry.ResponseBody), headers];
          });
        const client = createClient(url.origin, { retryOptions: { maxRetries: 0 } });
        const pathUnchecked = client.pathUnchecked as (
          template: string,
          ...pathParameters: string[]
        ) => ReturnType<typeof client.pathUnchecked>;
        const resource = pathUnchecked(template, ...ids);
        const method = entry.RequestMethod.toLowerCase() as "get" | "put" | "patch" | "post";
        const response = await resource[method](
          entry.RequestBody === null ? {} : { body: entry.RequestBody },
        );

        assert.equal(sentUrl, entry.RequestUri, `${file}: URL`);
        assert.deepEqual(sentBody, entry.RequestBody, `${file}: body sent`);
        assert.equal(response.status, String(entry.StatusCode), `${file}: status`);
        const expected = expectedCodes[`${entry.RequestMethod} ${template}`] ?? [];
        assert.equal(isUnexpected(response), !expected.includes(entry.StatusCode), `${file}: isUnexpected`);
        if (!empty) {
          assert.deepEqual(response.body, entry.ResponseBody, `${file}: body read`);
        }
        assert.equal(response.headers["ms-cv"], entry.ResponseHeaders["MS-CV"], `${file}: MS-CV`);
        exchanges += 1;
      }
    }
    assert.ok(exchanges > 20, `replayed ${exchanges} exchanges`);
  });
});
