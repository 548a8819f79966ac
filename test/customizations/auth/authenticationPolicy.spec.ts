// originCheck, the per-request origin test of the authentication policy: its shortcut (a prefix test
// instead of parsing the URL) must decide exactly as hasOrigin, which parses.
import assert from "node:assert/strict";
import fc from "fast-check";
import { hasOrigin, originCheck } from "../../../src/customizations/auth/authenticationPolicy";

const origins = [
  "http://127.0.0.1:8080",
  "https://remoterendering.westeurope.mixedreality.azure.com",
  "http://[::1]:3000",
  "http://localhost",
];
/** Texts that are (or nearly are) an origin, but not serialized ones. */
const notSerialized = ["null", "http://127.0.0.1:8080/", "HTTP://localhost", "http://localhost:80", "x", ""];

/** URLs near the origins: same text with a path, other ports, user info, case, spaces, backslashes. */
const nearUrl = fc
  .tuple(
    fc.constantFrom(...origins, ...notSerialized, "http://127.0.0.1:80801", "https://evil.example"),
    fc.constantFrom(
      "",
      "/",
      "/accounts/a/sessions/s?api-version=1",
      "@evil.example/",
      ":443/",
      "\\x",
      "?q",
      "#f",
      ".evil/",
    ),
    fc.constantFrom("", " ", "\t", "%2F"),
  )
  .map(([origin, rest, noise]) => `${noise}${origin}${rest}`);

describe("originCheck", () => {
  it("decides as hasOrigin for URLs near the origin (paths, user info, ports, case, white space)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...origins, ...notSerialized),
        fc.oneof(nearUrl, fc.webUrl(), fc.string()),
        (origin, url) => {
          assert.equal(originCheck(origin)(url), hasOrigin(url, origin), `${origin} ${url}`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("accepts the endpoint's own URLs and refuses others", () => {
    const isAllowed = originCheck("http://127.0.0.1:8080");
    assert.equal(isAllowed("http://127.0.0.1:8080/accounts/a/sessions/s?api-version=2021-01-01"), true);
    assert.equal(isAllowed("http://127.0.0.1:8080@evil.example/accounts"), false);
    assert.equal(isAllowed("http://127.0.0.1:80801/accounts"), false);
    assert.equal(isAllowed("http://127.0.0.1:8080.evil.example/accounts"), false);
    assert.equal(isAllowed("not a url"), false);
  });
});
