import assert from "node:assert/strict";
import fc from "fast-check";
import { parseServiceTime } from "../../../src/customizations/wire/serviceTime";

/**
 * The parser as it was written before it read characters one by one (a regular expression, then
 * Date.UTC and a round trip to reject rolled-over dates): the rewrite must accept and reject exactly
 * the same texts and give the same times.
 */
function regexParseServiceTime(text: unknown): Date | undefined {
  if (typeof text !== "string") return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/i.exec(
    text.trim(),
  );
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const milliseconds = Number((fraction ?? "").padEnd(3, "0").slice(0, 3));
  let offsetInMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== "Z") {
    const digits = zone.replace(":", "");
    const sign = digits.startsWith("-") ? -1 : 1;
    offsetInMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    milliseconds,
  );
  const date = new Date(utc - offsetInMinutes * 60_000);
  const check = new Date(utc);
  if (
    Number.isNaN(date.getTime()) ||
    check.getUTCMonth() !== Number(month) - 1 ||
    check.getUTCDate() !== Number(day) ||
    check.getUTCHours() !== Number(hour) ||
    check.getUTCMinutes() !== Number(minute) ||
    check.getUTCSeconds() !== Number(second)
  ) {
    return undefined;
  }
  return date;
}

const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0"));
/** Mostly a value in range, sometimes any two digits or one of the edge texts. */
function field(min: number, max: number, ...edges: string[]): fc.Arbitrary<string> {
  const inRange = fc.integer({ min, max }).map((n) => String(n).padStart(2, "0"));
  return fc.oneof({ arbitrary: inRange, weight: 8 }, twoDigits, fc.constantFrom(...edges));
}
/** Texts near the accepted form: valid and invalid fields, every zone form, stray characters. */
const timeLike = fc
  .record({
    year: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0")), weight: 4 },
      fc.constantFrom("1900", "2000", "2024", "2100", "0004", "0000", "99", "20x1"),
    ),
    month: field(1, 12, "02", "13", "00", "1"),
    day: field(1, 31, "28", "29", "30", "31", "00"),
    separator: fc.constantFrom("T", "T", "T", "t", " ", "X"),
    hour: field(0, 23, "23", "24"),
    minute: field(0, 59, "59", "60"),
    second: field(0, 59, "59", "60"),
    fraction: fc.oneof(
      fc.constant(""),
      fc.constant("."),
      fc.stringMatching(/^\.[0-9]{1,9}$/),
      fc.constantFrom(".5", ".12", ".1569219", ".9999999", ".1a"),
    ),
    zone: fc.oneof(
      fc.constantFrom("Z", "z", "", "+00:00", "-0130", "+1:00", "+01:0", "+0100Z", "UTC", "+01:000", "-"),
      fc
        .tuple(fc.constantFrom("+", "-"), twoDigits, fc.constantFrom(":", ""), twoDigits)
        .map((parts) => parts.join("")),
    ),
    padding: fc.constantFrom("", "", "", " ", "\n", "\t ", "\u00a0"),
  })
  .map(
    (t) =>
      `${t.padding}${t.year}-${t.month}-${t.day}${t.separator}${t.hour}:${t.minute}:${t.second}${t.fraction}${t.zone}${t.padding}`,
  );

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

  it("accepts each form it accepted before: any fraction length, z/t in lower case, +hhmm, white space around", () => {
    const cases: Array<[string, string]> = [
      ["2021-01-29T16:04:29Z", "2021-01-29T16:04:29.000Z"],
      ["2021-01-29t16:04:29z", "2021-01-29T16:04:29.000Z"],
      ["2021-01-29T16:04:29.1Z", "2021-01-29T16:04:29.100Z"],
      ["2021-01-29T16:04:29.12Z", "2021-01-29T16:04:29.120Z"],
      ["2021-01-29T16:04:29.123456789012Z", "2021-01-29T16:04:29.123Z"],
      ["2021-01-29T16:04:29+0100", "2021-01-29T15:04:29.000Z"],
      ["2021-01-29T00:30:00+01:00", "2021-01-28T23:30:00.000Z"],
      ["2021-01-29T23:30:00-01:00", "2021-01-30T00:30:00.000Z"],
      ["  2021-01-29T16:04:29Z\n", "2021-01-29T16:04:29.000Z"],
      ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
      ["2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000Z"],
      ["2021-12-31T23:59:59.999Z", "2021-12-31T23:59:59.999Z"],
      // Date.UTC reads two-digit years as 19xx; the parser always did the same.
      ["0050-01-01T00:00:00Z", "1950-01-01T00:00:00.000Z"],
    ];
    for (const [text, iso] of cases) {
      assert.equal(parseServiceTime(text)?.toISOString(), iso, text);
    }
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
      "2023-02-29T00:00:00Z",
      "1900-02-29T00:00:00Z",
      "2021-04-31T00:00:00Z",
      "2021-00-10T00:00:00Z",
      "2021-01-00T00:00:00Z",
      "2021-01-29T24:00:00Z",
      "2021-01-29T16:60:00Z",
      "2021-01-29T16:04:60Z",
      "2021-01-29 16:04:29Z",
      "2021-01-29T16:04:29",
      "2021-01-29T16:04:29.Z",
      "2021-01-29T16:04:29.5",
      "2021-01-29T16:04:29+1:00",
      "2021-01-29T16:04:29+01:000",
      "2021-01-29T16:04:29ZZ",
      "2021-01-29T16:04:29UTC",
      "21-01-29T16:04:29Z",
      "2021-1-29T16:04:29Z",
      "２０２１-01-29T16:04:29Z",
    ]) {
      assert.equal(parseServiceTime(bad), undefined, String(bad));
    }
  });

  it("accepts, rejects and reads every text exactly as the regular-expression parser did", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: timeLike, weight: 4 }, fc.string({ maxLength: 40 })), (text) => {
        const expected = regexParseServiceTime(text)?.getTime();
        if (expected !== undefined) accepted += 1;
        assert.equal(parseServiceTime(text)?.getTime(), expected, JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
    // The generator reaches both sides (a property that only ever compared rejections would be weak).
    assert.ok(accepted > 500, `only ${accepted} generated texts were valid times`);
  });
});
