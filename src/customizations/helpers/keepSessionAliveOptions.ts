// The options of keepSessionAlive: their documented form, the check that runs before anything is
// sent (openRenderingSession runs it before it creates a session), and their defaults.
import type { AbortSignalLike } from "@azure/abort-controller";
import type { RenderingSession } from "../models/renderingSession.js";
import { maxLeaseTimeInMinutes as leaseLimitInMinutes } from "../serviceLimits.js";
import {
  validateAbortSignal,
  validateBooleanOption,
  validateCallback,
  validateOptionsBag,
} from "../models/validateOperationOptions.js";

export interface KeepSessionAliveOptions {
  /** Time between renewals; default 5 minutes. */
  intervalInMs?: number;
  /** Minutes added to the lease by each renewal; default the interval rounded up to whole minutes. */
  extensionInMinutes?: number;
  /** Whether stopping (stop(), abortSignal or disposal) also ends the session; default false. */
  endSessionOnStop?: boolean;
  /** Called after each renewal with the session as updated. */
  onRenewed?: (session: RenderingSession) => void;
  /** Called when a renewal fails for a reason that may pass (5xx, throttling, network); renewals go on. */
  onError?: (error: unknown) => void;
  /** Aborting it stops the keep-alive as stop() does. */
  abortSignal?: AbortSignalLike;
}

const DEFAULT_INTERVAL_IN_MS = 5 * 60_000;

/** The options of a keep-alive, checked and with their defaults. */
export interface ResolvedKeepSessionAliveOptions {
  intervalInMs: number;
  extensionInMinutes: number;
  endSessionOnStop: boolean;
  onRenewed: ((session: RenderingSession) => void) | undefined;
  onError: ((error: unknown) => void) | undefined;
  abortSignal: AbortSignalLike | undefined;
}

/**
 * Checks the options of keepSessionAlive (TypeError for a wrong type, RangeError for a value out of
 * range, each naming the option) and fills in the defaults. openRenderingSession calls it before it
 * creates anything.
 */
export function validateKeepSessionAliveOptions(
  value: unknown,
  name = "options",
): ResolvedKeepSessionAliveOptions {
  const options = validateOptionsBag(name, value, "KeepSessionAliveOptions");
  const rawInterval = options["intervalInMs"];
  if (rawInterval !== undefined && typeof rawInterval !== "number") {
    throw new TypeError(`${name}.intervalInMs must be a number of milliseconds; got ${typeof rawInterval}.`);
  }
  const intervalInMs = rawInterval ?? DEFAULT_INTERVAL_IN_MS;
  if (!Number.isFinite(intervalInMs) || intervalInMs < 1) {
    throw new RangeError(
      `intervalInMs must be a finite number of milliseconds, at least 1; got ${intervalInMs}.`,
    );
  }
  const rawExtension = options["extensionInMinutes"];
  if (rawExtension !== undefined && typeof rawExtension !== "number") {
    throw new TypeError(
      `${name}.extensionInMinutes must be a number of minutes; got ${typeof rawExtension}.`,
    );
  }
  const extensionInMinutes = rawExtension ?? Math.max(1, Math.ceil(intervalInMs / 60_000));
  if (
    !Number.isInteger(extensionInMinutes) ||
    extensionInMinutes < 1 ||
    extensionInMinutes > leaseLimitInMinutes
  ) {
    throw new RangeError(
      `extensionInMinutes must be an integer from 1 to ${leaseLimitInMinutes}; got ${extensionInMinutes}.`,
    );
  }
  validateCallback(`${name}.onRenewed`, options["onRenewed"]);
  validateCallback(`${name}.onError`, options["onError"]);
  return {
    intervalInMs,
    extensionInMinutes,
    endSessionOnStop: validateBooleanOption(`${name}.endSessionOnStop`, options["endSessionOnStop"]) === true,
    onRenewed: options["onRenewed"] as ResolvedKeepSessionAliveOptions["onRenewed"],
    onError: options["onError"] as ResolvedKeepSessionAliveOptions["onError"],
    abortSignal: validateAbortSignal(`${name}.abortSignal`, options["abortSignal"]),
  };
}
