// Conversion state transitions over an EmulatorState, and the view a client sees at a given time.
import { outputAssetUri } from "../operations/conversionRules.js";
import type { RandomSource } from "../faults/randomSource.js";
import { formatServiceTime } from "./serviceTime.js";
import { resourceKey, type EmulatorState, type StoredConversion } from "./state.js";
import type {
  WireConversion,
  WireConversionSettings,
  WireConversionStatus,
  WireError,
} from "../operations/wireTypes.js";

export interface ConversionPhases {
  /** How long a new conversion stays NotStarted, in emulated milliseconds. */
  notStartedInMs: number;
  /** How long it then stays Running before it ends. */
  runningInMs: number;
}

export interface CreateConversionRequest {
  accountId: string;
  conversionId: string;
  /** Already normalized (see conversionRules), without shared access signatures. */
  settings: WireConversionSettings;
}

export type CreateConversionOutcome =
  | { kind: "created"; conversion: StoredConversion }
  | { kind: "existing"; conversion: StoredConversion }
  | { kind: "conflict"; conversion: StoredConversion };

export function findConversion(
  state: EmulatorState,
  accountId: string,
  conversionId: string,
): StoredConversion | undefined {
  return state.conversions.get(resourceKey(accountId, conversionId));
}

/**
 * Creates a conversion, or finds the one a retried request created (same normalized settings).
 * `decideFailure` runs only when a new conversion is created.
 */
export function createConversion(
  state: EmulatorState,
  request: CreateConversionRequest,
  now: number,
  phases: ConversionPhases,
  random: RandomSource,
  decideFailure: () => WireError | null,
): CreateConversionOutcome {
  const existing = findConversion(state, request.accountId, request.conversionId);
  if (existing !== undefined) {
    const identical = JSON.stringify(existing.settings) === JSON.stringify(request.settings);
    return { kind: identical ? "existing" : "conflict", conversion: existing };
  }
  const conversion: StoredConversion = {
    accountId: request.accountId.toLowerCase(),
    id: request.conversionId,
    sequence: state.nextSequence,
    createdAtInMs: now,
    creationTime: formatServiceTime(now, random.integer(0, 9999), "z"),
    settings: request.settings,
    runningAtInMs: now + phases.notStartedInMs,
    finishedAtInMs: now + phases.notStartedInMs + phases.runningInMs,
    failure: decideFailure(),
  };
  state.nextSequence += 1;
  state.conversions.set(resourceKey(conversion.accountId, conversion.id), conversion);
  return { kind: "created", conversion };
}

export function conversionStatusAt(conversion: StoredConversion, now: number): WireConversionStatus {
  if (now < conversion.runningAtInMs) return "NotStarted";
  if (now < conversion.finishedAtInMs) return "Running";
  return conversion.failure === null ? "Succeeded" : "Failed";
}

export function conversionView(conversion: StoredConversion, now: number): WireConversion {
  const status = conversionStatusAt(conversion, now);
  return {
    id: conversion.id,
    creationTime: conversion.creationTime,
    settings: conversion.settings,
    ...(status === "Succeeded" ? { output: { outputAssetUri: outputAssetUri(conversion.settings) } } : {}),
    error: status === "Failed" ? conversion.failure : null,
    status,
  };
}

/** Emulated milliseconds until the conversion's status next changes (0 once it has ended). */
export function timeToNextPhaseInMs(conversion: StoredConversion, now: number): number {
  if (now < conversion.runningAtInMs) return conversion.runningAtInMs - now;
  if (now < conversion.finishedAtInMs) return conversion.finishedAtInMs - now;
  return 0;
}

/** The conversions of an account (every status) created after `afterSequence`, in creation order. */
export function conversionsAfter(
  state: EmulatorState,
  accountId: string,
  afterSequence: number,
): Iterable<StoredConversion> {
  return state.conversions.openAfter(accountId, afterSequence);
}
