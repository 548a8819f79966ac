// The token service pipeline talks to the token service only: a redirect to another host is never
// followed, even when the caller allows cross-origin redirects, so no credential goes there and no
// token comes from there.
import assert from "node:assert/strict";
import nock from "nock";
import { isRestError } from "../../../src/index";
import {
  accountId,
  endpoint,
  keyClient,
  rejectionOf,
  resetNock,
  sessionBody,
  sessionsPath,
  stsUrl,
} from "../support/clientTestKit";

describe("token service origin", () => {
  afterEach(resetNock);

  function mockRedirectingSts(): { foreign: Array<string | undefined>; service: number } {
    const record = { foreign: [] as Array<string | undefined>, service: 0 };
    nock(stsUrl)
      .get(`/Accounts/${accountId}/token`)
      .query(true)
      .times(4)
      .reply(307, "", { Location: "https://evil.example/token" });
    nock("https://evil.example")
      .get(() => true)
      .query(true)
      .times(4)
      .reply(function () {
        record.foreign.push(this.req.headers["authorization"] as string | undefined);
        return [200, { AccessToken: "forged.token.value" }];
      });
    nock(endpoint)
      .get(`${sessionsPath}/s1`)
      .query(true)
      .times(4)
      .reply(() => {
        record.service += 1;
        return [200, sessionBody("s1", "Starting")];
      });
    return record;
  }

  it("does not follow a token service redirect to another host by default", async () => {
    const record = mockRedirectingSts();
    const error = await rejectionOf(keyClient().getSession("s1"));
    assert.ok(isRestError(error) && error.statusCode === 307, error.message);
    assert.deepEqual(record.foreign, []);
    assert.equal(record.service, 0);
  });

  it("refuses it even when cross-origin redirects are allowed, and uses no token from there", async () => {
    const record = mockRedirectingSts();
    const client = keyClient({ redirectOptions: { allowCrossOriginRedirects: true } });
    const error = await rejectionOf(client.getSession("s1"));
    assert.match(error.message, /Refused to send a request to https:\/\/evil\.example/);
    assert.deepEqual(record.foreign, []);
    assert.equal(record.service, 0);
  });
});
