import assert from "node:assert/strict";
import { formatServiceTime } from "../../../src/emulator/store/serviceTime";

describe("formatServiceTime", () => {
  const time = Date.UTC(2021, 0, 29, 16, 4, 29, 156);

  it("writes seven fractional digits with the session (+00:00) or conversion (Z) zone", () => {
    assert.equal(formatServiceTime(time, 9219, "offset"), "2021-01-29T16:04:29.1569219+00:00");
    assert.equal(formatServiceTime(time, 9219, "z"), "2021-01-29T16:04:29.1569219Z");
  });

  it("drops trailing zeros like the service (and the dot when nothing is left)", () => {
    assert.equal(formatServiceTime(time, 7600, "z"), "2021-01-29T16:04:29.15676Z");
    assert.equal(formatServiceTime(Date.UTC(2021, 0, 1), 0, "offset"), "2021-01-01T00:00:00+00:00");
  });

  it("round-trips through Date to the millisecond", () => {
    assert.equal(new Date(formatServiceTime(time, 1234, "offset")).getTime(), time);
  });

  it("refuses tick counts outside 0 to 9999", () => {
    assert.throws(() => formatServiceTime(time, 10_000, "z"), RangeError);
    assert.throws(() => formatServiceTime(time, -1, "z"), RangeError);
  });
});
