// The service writes times in ISO 8601 with up to 7 fractional digits and either "Z" or a numeric
// offset, for example "2021-01-29T16:04:29.1569219+00:00". JavaScript dates keep milliseconds, so
// extra digits are dropped (truncated, never rounded into the next second). Every session and
// conversion body carries one, so the form is checked by a regular expression without captures and
// the fields are read from their fixed places (no intermediate strings or dates).

const timeForm = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)$/i;

/** The number written by the ASCII digits from `start` to `end` (checked to be digits already). */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index += 1) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

/**
 * The days of a month (1 to 12). Date.UTC reads the years 0 to 99 as 1900 to 1999, and so does this
 * check, so that a date is valid exactly when Date.UTC does not roll it over into another month.
 */
function daysInMonth(year: number, month: number): number {
  const fullYear = year <= 99 ? 1900 + year : year;
  if (month === 2) return fullYear % 4 === 0 && (fullYear % 100 !== 0 || fullYear % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses a service time stamp into a Date, or returns undefined when it is not a valid time. */
export function parseServiceTime(value: unknown): Date | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (!timeForm.test(text)) return undefined;
  const [year, month, day] = [digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)];
  const [hour, minute, second] = [digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19)];
  // The fraction's first three digits, padded with zeros: ".5" is 500 ms, ".1569219" is 156 ms.
  let milliseconds = 0;
  for (let index = 20, scale = 100; scale >= 1 && text.charCodeAt(19) === 46; index += 1, scale /= 10) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) break;
    milliseconds += digit * scale;
  }
  // The zone is "Z", or the last 5 ("+hhmm") or 6 ("+hh:mm") characters.
  let offsetInMinutes = 0;
  const end = text.length;
  if ((text.charCodeAt(end - 1) | 0x20) !== 0x7a) {
    const start = text.charCodeAt(end - 3) === 58 ? end - 6 : end - 5;
    offsetInMinutes = digits(text, start + 1, start + 3) * 60 + digits(text, end - 2, end);
    if (text.charCodeAt(start) === 45) offsetInMinutes = -offsetInMinutes;
  }
  // Impossible calendar values (month 13, February 30, hour 24), which Date.UTC would roll over.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  // Years up to 9999 and offsets up to 99:99 always give a valid Date.
  return new Date(
    Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offsetInMinutes * 60_000,
  );
}
