// Turns EmulatorOptions into a complete configuration, checking every value. Errors name the
// option and the allowed form.
import { randomInt } from "node:crypto";
import { createRealClock, createScaledClock, type EmulatorClock } from "./clock.js";
import type { ConversionPhases } from "../store/conversionStore.js";
import type { EmulatorOptions } from "./emulatorOptions.js";
import type { EmulatorLogSink } from "../http/requestLog.js";
import { writeToStderr } from "../http/requestLog.js";
import type { SessionSettings } from "../store/sessionStore.js";

export interface EmulatorConfig {
  port: number;
  host: string;
  dataFile: string | undefined;
  tokenLifetimeInSeconds: number;
  sessions: SessionSettings;
  conversionPhases: ConversionPhases;
  conversionRetryAfterInSeconds: number | undefined;
  pageSize: number;
  clock: EmulatorClock;
  seed: number;
  maxBodySizeInBytes: number;
  headersTimeoutInMs: number;
  requestTimeoutInMs: number;
  log: EmulatorLogSink | undefined;
  corsAdmin: boolean;
}

/** Teraflops shown for Ready sessions: Standard as recorded; Premium is our own choice. */
export const TERAFLOPS = { Standard: 10.6, Premium: 33.2 } as const;

function checkNumber(value: unknown, name: string, min: number, max: number, integer: boolean): number {
  if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`${name} must be a number.`);
  if ((integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new RangeError(
      `${name} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}; got ${value}.`,
    );
  }
  return value;
}

function optionalNumber(
  value: unknown,
  fallback: number,
  name: string,
  min: number,
  max: number,
  integer = false,
): number {
  return value === undefined ? fallback : checkNumber(value, name, min, max, integer);
}

const DAY_IN_SECONDS = 86_400;

function resolveClock(clock: EmulatorOptions["clock"]): EmulatorClock {
  if (clock === undefined) return createRealClock();
  if (typeof clock === "object" && clock !== null && typeof (clock as EmulatorClock).now === "function") {
    return clock as EmulatorClock;
  }
  if (typeof clock === "object" && clock !== null && "speed" in clock) return createScaledClock(clock.speed);
  throw new TypeError("clock must be an EmulatorClock (such as a ManualClock) or { speed: number }.");
}

export function resolveEmulatorConfig(options: EmulatorOptions): EmulatorConfig {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object.");
  const host = options.host ?? "127.0.0.1";
  if (typeof host !== "string" || host === "")
    throw new TypeError("host must be a non-empty host name or address.");
  if (options.dataFile !== undefined && (typeof options.dataFile !== "string" || options.dataFile === "")) {
    throw new TypeError("dataFile must be a non-empty file path.");
  }
  if (options.logger !== undefined && options.logger !== false && typeof options.logger !== "function") {
    throw new TypeError("logger must be a function taking one line of text, or false.");
  }
  if (options.corsAdmin !== undefined && typeof options.corsAdmin !== "boolean") {
    throw new TypeError("corsAdmin must be true or false.");
  }
  const startup = options.sessionStartupInSeconds ?? {};
  const phases = options.conversionPhasesInSeconds ?? {};
  const week = 7 * DAY_IN_SECONDS;
  const headersTimeoutInMs = optionalNumber(
    options.headersTimeoutInMs,
    10_000,
    "headersTimeoutInMs",
    100,
    600_000,
    true,
  );
  return {
    port: optionalNumber(options.port, 0, "port", 0, 65535, true),
    host,
    dataFile: options.dataFile,
    tokenLifetimeInSeconds: optionalNumber(
      options.tokenLifetimeInSeconds,
      DAY_IN_SECONDS,
      "tokenLifetimeInSeconds",
      1,
      365 * DAY_IN_SECONDS,
      true,
    ),
    sessions: {
      startupInMs: {
        Standard: 1000 * optionalNumber(startup.Standard, 10, "sessionStartupInSeconds.Standard", 0, week),
        Premium: 1000 * optionalNumber(startup.Premium, 20, "sessionStartupInSeconds.Premium", 0, week),
      },
      teraflops: TERAFLOPS,
    },
    conversionPhases: {
      notStartedInMs:
        1000 * optionalNumber(phases.notStarted, 2, "conversionPhasesInSeconds.notStarted", 0, week),
      runningInMs: 1000 * optionalNumber(phases.running, 10, "conversionPhasesInSeconds.running", 0, week),
    },
    conversionRetryAfterInSeconds:
      options.conversionRetryAfterInSeconds === undefined
        ? undefined
        : checkNumber(options.conversionRetryAfterInSeconds, "conversionRetryAfterInSeconds", 0, 3600, true),
    pageSize: optionalNumber(options.pageSize, 50, "pageSize", 1, 10_000, true),
    clock: resolveClock(options.clock),
    seed: optionalNumber(options.seed, randomInt(0, 2 ** 31), "seed", 0, 2 ** 32 - 1, true),
    maxBodySizeInBytes: optionalNumber(
      options.maxBodySizeInBytes,
      1024 * 1024,
      "maxBodySizeInBytes",
      1024,
      64 * 1024 * 1024,
      true,
    ),
    headersTimeoutInMs,
    requestTimeoutInMs: optionalNumber(
      options.requestTimeoutInMs,
      Math.max(30_000, headersTimeoutInMs),
      "requestTimeoutInMs (at least headersTimeoutInMs)",
      headersTimeoutInMs,
      3_600_000,
      true,
    ),
    log: options.logger === false ? undefined : (options.logger ?? writeToStderr),
    corsAdmin: options.corsAdmin ?? false,
  };
}
