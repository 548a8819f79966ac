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
  return { now: () => realStart + (Date.now() - realStart) * speed, speed };
}

/** A clock that stands still until `advance` or `set` moves it. */
export class ManualClock implements EmulatorClock {
  readonly speed = 1;
  private current: number;

  constructor(startInMs: number = Date.now()) {
    if (!Number.isFinite(startInMs)) {
      throw new RangeError(`startInMs must be a finite number of milliseconds; got ${String(startInMs)}.`);
    }
    this.current = startInMs;
  }

  now(): number {
    return this.current;
  }

  /** Moves the clock forward by `durationInMs` (0 or more). */
  advance(durationInMs: number): void {
    if (!Number.isFinite(durationInMs) || durationInMs < 0) {
      throw new RangeError(`durationInMs must be a finite number of 0 or more; got ${String(durationInMs)}.`);
    }
    this.current += durationInMs;
  }

  /** Moves the clock to `timeInMs`, which may not be earlier than the current time. */
  set(timeInMs: number): void {
    if (!Number.isFinite(timeInMs) || timeInMs < this.current) {
      throw new RangeError(
        `timeInMs must be a finite time not earlier than the clock's current time; got ${String(timeInMs)}.`,
      );
    }
    this.current = timeInMs;
  }
}

/** True for clocks that tests advance by hand (an admin endpoint uses this). */
export function isManualClock(clock: EmulatorClock): clock is ManualClock {
  return clock instanceof ManualClock;
}
