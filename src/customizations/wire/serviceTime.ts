// The service writes times in ISO 8601 with up to 7 fractional digits and either "Z" or a numeric
// offset, for example "2021-01-29T16:04:29.1569219+00:00". JavaScript dates keep milliseconds, so
// extra digits are dropped (truncated, never rounded into the next second).

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/i;

/** Parses a service time stamp into a Date, or returns undefined when it is not a valid time. */
export function parseServiceTime(text: unknown): Date | undefined {
  if (typeof text !== "string") {
    return undefined;
  }
  const match = isoPattern.exec(text.trim());
  if (match === null) {
    return undefined;
  }
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
  // Reject impossible calendar values such as month 13 or February 30, which Date.UTC would roll over.
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
