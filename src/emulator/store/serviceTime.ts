// Time stamps in the service's style. The recordings show creation times with seven fractional
// digits (100-nanosecond ticks), trailing zeros dropped: sessions end in "+00:00"
// ("2021-01-29T16:04:29.1569219+00:00"), conversions in "Z" ("2021-01-29T15:50:24.931576Z").
// JavaScript clocks stop at milliseconds, so the emulator adds a sub-millisecond tick count.

export type TimeZoneStyle = "offset" | "z";

/**
 * Formats `timeInMs` plus `extraTicks` (0 to 9999 hundred-nanosecond ticks) like the service.
 */
export function formatServiceTime(timeInMs: number, extraTicks: number, style: TimeZoneStyle): string {
  if (!Number.isInteger(extraTicks) || extraTicks < 0 || extraTicks > 9999) {
    throw new RangeError(`extraTicks must be an integer from 0 to 9999; got ${String(extraTicks)}.`);
  }
  const iso = new Date(Math.floor(timeInMs)).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const milliseconds = iso.slice(20, 23);
  const fraction = `${milliseconds}${String(extraTicks).padStart(4, "0")}`.replace(/0+$/, "");
  const seconds = iso.slice(0, 19);
  const zone = style === "offset" ? "+00:00" : "Z";
  return fraction.length > 0 ? `${seconds}.${fraction}${zone}` : `${seconds}${zone}`;
}
