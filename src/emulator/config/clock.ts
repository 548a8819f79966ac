// The emulator's notion of "now". Every time-dependent rule (session start-up, lease expiry,
// conversion phases, token expiry) reads this clock, so tests can run minutes of service time in
// milliseconds, either with a faster clock or with one they advance by hand.

export interface EmulatorClock {
  /** Current emulated time, in milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Emulated milliseconds per real millisecond: 1 for the real clock, N for a clock N times faster.
   * A manual clock reports 1; it only moves when advanced.
   */
  readonly speed: number;
}

/**
 * The latest time any emulator clock may show: 9998-01-01T00:00:00Z. Every time derived from "now"
 * (start-up, lease end, token expiry: at most a year later) then still has a four-digit year, as
 * the service's time formats require.
 */
export const LATEST_CLOCK_TIME_IN_MS = Date.UTC(9998, 0, 1);
const LATEST_CLOCK_TIME = new Date(LATEST_CLOCK_TIME_IN_MS).toISOString();

/** The wall clock. */
export function createRealClock(): EmulatorClock {
  return { now: () => Date.now(), speed: 1 };
}

/** A clock that starts at the current time and runs `speed` times faster than real time. */
export function createScaledClock(speed: number): EmulatorClock {
  if (typeof speed !== "number" || !Number.isFinite(speed) || speed <= 0) {
    throw new RangeError(`clock.speed must be a finite number greater than 0; got ${String(speed)}.`);
  }
  const realStart = Date.now();
  return {
    now: () => Math.min(realStart + (Date.now() - realStart) * speed, LATEST_CLOCK_TIME_IN_MS),
    speed,
  };
}

/** A clock that stands still until `advance` or `set` moves it. */
export class ManualClock implements EmulatorClock {
  readonly speed = 1;
  private current: number;

  constructor(startInMs: number = Date.now()) {
    if (!Number.isFinite(startInMs) || startInMs < 0 || startInMs > LATEST_CLOCK_TIME_IN_MS) {
      throw new RangeError(
        `startInMs must be a time in milliseconds from 0 (1970) to ${LATEST_CLOCK_TIME_IN_MS} (${LATEST_CLOCK_TIME}); got ${String(startInMs)}.`,
      );
    }
    this.current = startInMs;
  }

  now(): number {
    return this.current;
  }

  /** The longest step `advance` accepts now: up to LATEST_CLOCK_TIME_IN_MS. */
  get maxAdvanceInMs(): number {
    return LATEST_CLOCK_TIME_IN_MS - this.current;
  }

  /** Moves the clock forward by `durationInMs` (0 or more, at most `maxAdvanceInMs`). */
  advance(durationInMs: number): void {
    if (!Number.isFinite(durationInMs) || durationInMs < 0 || durationInMs > this.maxAdvanceInMs) {
      throw new RangeError(
        `durationInMs must be a number of milliseconds from 0 to ${this.maxAdvanceInMs} ` +
          `(the clock may not pass ${LATEST_CLOCK_TIME}); got ${String(durationInMs)}.`,
      );
    }
    this.current += durationInMs;
  }

  /** Moves the clock to `timeInMs`, which may not be earlier than the current time. */
  set(timeInMs: number): void {
    if (!Number.isFinite(timeInMs) || timeInMs < this.current || timeInMs > LATEST_CLOCK_TIME_IN_MS) {
      throw new RangeError(
        `timeInMs must be a time from the clock's current time (${this.current}) to ${LATEST_CLOCK_TIME_IN_MS} ` +
          `(${LATEST_CLOCK_TIME}); got ${String(timeInMs)}.`,
      );
    }
    this.current = timeInMs;
  }
}

/** True for clocks that tests advance by hand (an admin endpoint uses this). */
export function isManualClock(clock: EmulatorClock): clock is ManualClock {
  return clock instanceof ManualClock;
}
