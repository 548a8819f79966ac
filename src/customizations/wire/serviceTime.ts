// The service writes times in ISO 8601 with up to 7 fractional digits and either "Z" or a numeric
// offset, for example "2021-01-29T16:04:29.1569219+00:00". JavaScript dates keep milliseconds, so
// extra digits are dropped (truncated, never rounded into the next second). Every session and
// conversion body carries one, so the text is read character by character (no regular expression,
// no intermediate strings or dates): the form accepted is
// `YYYY-MM-DD"T"hh:mm:ss[.fraction]("Z" | ("+" | "-")hh[:]mm)`, "T" and "Z" in either case,
// surrounding white space ignored.

const zero = 0x30;
const colon = 0x3a;
const dash = 0x2d;
const plus = 0x2b;
const dot = 0x2e;

/** The number written by `count` ASCII digits at `start`, or -1 when one of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index += 1) {
    const digit = text.charCodeAt(index) - zero;
    if (digit < 0 || digit > 9) {
      return -1;
    }
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The days of a month (1 to 12). Date.UTC reads the years 0 to 99 as 1900 to 1999, and so does this
 * check, so that a date is valid exactly when Date.UTC does not roll it over into another month.
 */
function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const fullYear = year <= 99 ? 1900 + year : year;
    const leap = fullYear % 4 === 0 && (fullYear % 100 !== 0 || fullYear % 400 === 0);
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The zone's offset from UTC in minutes ("Z", "+hh:mm", "-hhmm"), or undefined when it is not one. */
function offsetInMinutes(text: string, start: number): number | undefined {
  const length = text.length - start;
  const first = text.charCodeAt(start);
  if (length === 1 && (first === 0x5a || first === 0x7a)) {
    return 0;
  }
  if ((first !== plus && first !== dash) || (length !== 5 && length !== 6)) {
    return undefined;
  }
  const hours = digitsAt(text, start + 1, 2);
  const minutesStart = length === 6 ? start + 4 : start + 3;
  if (length === 6 && text.charCodeAt(start + 3) !== colon) {
    return undefined;
  }
  const minutes = digitsAt(text, minutesStart, 2);
  if (hours < 0 || minutes < 0) {
    return undefined;
  }
  const offset = hours * 60 + minutes;
  return first === dash ? -offset : offset;
}

/** Parses a service time stamp into a Date, or returns undefined when it is not a valid time. */
export function parseServiceTime(value: unknown): Date | undefined {
  if (typeof value !== "string") {
    return undefined;
  }
  const text = value.trim();
  // YYYY-MM-DDThh:mm:ss is 19 characters; a zone follows.
  if (
    text.length < 20 ||
    text.charCodeAt(4) !== dash ||
    text.charCodeAt(7) !== dash ||
    (text.charCodeAt(10) | 0x20) !== 0x74 ||
    text.charCodeAt(13) !== colon ||
    text.charCodeAt(16) !== colon
  ) {
    return undefined;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  let milliseconds = 0;
  let zoneStart = 19;
  if (text.charCodeAt(19) === dot) {
    // At least one digit; the first three are the milliseconds, the rest are dropped.
    let index = 20;
    while (index < text.length) {
      const digit = text.charCodeAt(index) - zero;
      if (digit < 0 || digit > 9) {
        break;
      }
      if (index < 23) {
        milliseconds += digit * (index === 20 ? 100 : index === 21 ? 10 : 1);
      }
      index += 1;
    }
    if (index === 20) {
      return undefined;
    }
    zoneStart = index;
  }
  const offset = zoneStart < text.length ? offsetInMinutes(text, zoneStart) : undefined;
  // Impossible calendar values (month 13, February 30, hour 24), which Date.UTC would roll over.
  if (
    offset === undefined ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offset * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
