import assert from "node:assert/strict";
import { parseJwtExpiryInMs } from "../../../src/customizations/auth/stsTokenExchange";
import { makeJwt } from "../support/clientTestKit";

describe("parseJwtExpiryInMs", () => {
  it("reads the exp claim in milliseconds", () => {
    assert.equal(parseJwtExpiryInMs(makeJwt(1_700_000_000)), 1_700_000_000_000);
  });

  it("returns undefined for tokens without a readable numeric exp", () => {
    const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const bad of [
      "opaque-token",
      "a.b",
      `${encode({})}.${encode({ exp: "soon" })}.sig`,
      `${encode({})}.${encode({ sub: "x" })}.sig`,
      `${encode({})}.not-json.sig`,
      `${encode({})}.${encode(null)}.sig`,
    ]) {
      assert.equal(parseJwtExpiryInMs(bad), undefined, bad);
    }
  });
});
