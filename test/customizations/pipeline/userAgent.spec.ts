// The user agent of both pipelines (service and token service): the Azure SDK's
// `azsdk-js-remote-rendering/<version>` after the caller's own prefix; the version is package.json's.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import nock from "nock";
import { packageVersion, sdkUserAgent } from "../../../src/customizations/pipeline/packageInfo";
import {
  accountId,
  apiQuery,
  freshJwt,
  keyClient,
  resetNock,
  sessionsPath,
  stsUrl,
  endpoint,
} from "../support/clientTestKit";

describe("user agent", () => {
  afterEach(resetNock);

  it("is package.json's version", () => {
    const pkg = JSON.parse(
      readFileSync(path.resolve(__dirname, "..", "..", "..", "package.json"), "utf8"),
    ) as {
      version: string;
    };
    assert.equal(packageVersion, pkg.version);
    assert.equal(sdkUserAgent, `azsdk-js-remote-rendering/${pkg.version}`);
  });

  it("starts with the caller's prefix, then azsdk-js-remote-rendering/<version>, on both pipelines", async () => {
    const seen: Record<string, string | undefined> = {};
    nock(stsUrl)
      .get(`/Accounts/${accountId}/token`)
      .query({ "api-version": "2019-02-28-preview" })
      .reply(function () {
        seen["sts"] = String(this.req.headers["user-agent"]);
        return [200, { AccessToken: freshJwt("sts") }];
      });
    nock(endpoint)
      .get(`${sessionsPath}/s1`)
      .query(apiQuery)
      .reply(function () {
        seen["service"] = String(this.req.headers["user-agent"]);
        return [404, { error: { code: "NotFound", message: "no session" } }];
      });
    const client = keyClient({ userAgentOptions: { userAgentPrefix: "my-app/2.0" } });
    const error = await client.getSession("s1").then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal((error as { statusCode?: number }).statusCode, 404, String(error));
    for (const pipeline of ["sts", "service"]) {
      assert.match(
        seen[pipeline] ?? "",
        new RegExp(`^my-app/2\\.0 azsdk-js-remote-rendering/${packageVersion.replace(/\./g, "\\.")}( |$)`),
        `${pipeline}: ${seen[pipeline]}`,
      );
    }
  });
});
