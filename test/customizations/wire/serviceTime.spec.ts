import assert from "node:assert/strict";
import { parseServiceTime } from "../../../src/customizations/wire/serviceTime";

describe("parseServiceTime", () => {
  it("reads the service's 7 fractional digits and numeric offsets, truncating to milliseconds", () => {
    assert.equal(
      parseServiceTime("2021-01-29T16:04:29.1569219+00:00")?.toISOString(),
      "2021-01-29T16:04:29.156Z",
    );
    assert.equal(parseServiceTime("2021-01-29T15:50:24.931576Z")?.toISOString(), "2021-01-29T15:50:24.931Z");
    assert.equal(parseServiceTime("2021-01-29T15:50:24.9999999Z")?.toISOString(), "2021-01-29T15:50:24.999Z");
    assert.equal(parseServiceTime("2021-01-29T18:04:29+02:00")?.toISOString(), "2021-01-29T16:04:29.000Z");
    assert.equal(parseServiceTime("2021-01-29T14:34:29.5-0130")?.toISOString(), "2021-01-29T16:04:29.500Z");
  });

  it("returns undefined for text that is not a valid time", () => {
    for (const bad of [
      undefined,
      null,
      5,
      "",
      "yesterday",
      "2021-13-01T00:00:00Z",
      "2021-02-30T00:00:00Z",
      "2021-01-29 16:04:29Z",
    ]) {
      assert.equal(parseServiceTime(bad), undefined, String(bad));
    }
  });
});
