// The three conversion operations.
import { CONVERSION_PROCESS_FAILED, namesMissingAsset } from "./conversionRules.js";
import {
  conversionsAfter,
  conversionStatusAt,
  conversionView,
  createConversion,
  findConversion,
  timeToNextPhaseInMs,
} from "../store/conversionStore.js";
import { EmulatorHttpError, conflict, notFound } from "../http/errors.js";
import type { OperationContext, OperationResult } from "../config/emulatorRuntime.js";
import { listPageLink } from "../http/listLinks.js";
import { decodeSkipToken, SKIP_TOKEN_PARAMETER, takePage } from "../http/paging.js";
import { decodeJsonBody } from "../http/requestBody.js";
import { NO_CACHE_HEADERS } from "../http/responseHeaders.js";
import { parseCreateConversionBody, type ParsedConversionRequest } from "./conversionRequest.js";
import type { WireConversionList, WireError } from "./wireTypes.js";
import { resourceKey, type StoredConversion } from "../store/state.js";
import { formatServiceTime } from "../store/serviceTime.js";

function conversionId(context: OperationContext): string {
  return context.parameters.conversion_id as string;
}

/** The service's (recorded) answer for containers it cannot reach. */
function delegatedResourceAccessError(): EmulatorHttpError {
  return new EmulatorHttpError(
    403,
    "DelegatedResourceAccessError",
    "Error accessing connected storage account due to insufficient permissions. " +
      "Check if the Mixed Reality resource has correct permissions assigned.",
    { minimalBody: true },
  );
}

/**
 * Outside the emulator's blob service, a container without a shared access signature must belong to
 * a storage account linked to the account; otherwise creation fails like the service's answer.
 * Containers in the blob service are checked for real (see ConversionStorage.checkAccess).
 */
function checkStorageAccess(context: OperationContext, request: ParsedConversionRequest): void {
  const account = context.runtime.accounts.get(context.parameters.account_id.toLowerCase());
  const linked = account?.linkedStorageAccounts ?? [];
  const storage = context.runtime.conversionStorage;
  const held = (uri: string): boolean => storage?.holds(uri) === true;
  const input = request.settings.inputLocation.storageContainerUri;
  const output = request.settings.outputLocation.storageContainerUri;
  const inputReachable = held(input) || request.hasReadListSas || linked.includes(request.inputStorageHost);
  const outputReachable = held(output) || request.hasWriteSas || linked.includes(request.outputStorageHost);
  if (!inputReachable || !outputReachable) throw delegatedResourceAccessError();
}

/** A failure known at creation: storage that cannot be reached, or a 403 thrown for denied access. */
async function storageFailure(
  context: OperationContext,
  request: ParsedConversionRequest,
): Promise<WireError | null> {
  const storage = context.runtime.conversionStorage;
  const { settings } = request;
  if (
    storage === undefined ||
    (!storage.holds(settings.inputLocation.storageContainerUri) &&
      !storage.holds(settings.outputLocation.storageContainerUri))
  ) {
    return null;
  }
  const access = await storage.checkAccess(settings, {
    inputSas: request.inputSas,
    outputSas: request.outputSas,
  });
  if (access.kind === "denied") throw delegatedResourceAccessError();
  return access.kind === "unreachable" ? access.error : null;
}

export async function handleCreateConversion(context: OperationContext): Promise<OperationResult> {
  const { runtime, now } = context;
  const request = parseCreateConversionBody(decodeJsonBody(context.body, context.headers["content-type"]));
  checkStorageAccess(context, request);
  const presetFailure = await storageFailure(context, request);
  const inputInStorage = runtime.conversionStorage?.holds(request.settings.inputLocation.storageContainerUri);
  const outcome = createConversion(
    runtime.state,
    {
      accountId: context.parameters.account_id,
      conversionId: conversionId(context),
      settings: request.settings,
    },
    now,
    runtime.config.conversionPhases,
    runtime.random,
    () => {
      const injected =
        context.headerFault?.kind === "conversion-failure" ||
        runtime.faults.takeCreationFault("conversion-failure");
      if (injected) return CONVERSION_PROCESS_FAILED;
      if (presetFailure !== null) return presetFailure;
      // The name rule applies only where no blob service is there to ask.
      return inputInStorage !== true &&
        namesMissingAsset(request.settings.inputLocation.relativeInputAssetPath)
        ? CONVERSION_PROCESS_FAILED
        : null;
    },
  );
  if (outcome.kind === "created") {
    runtime.conversionStorage?.track(resourceKey(outcome.conversion.accountId, outcome.conversion.id), {
      inputSas: request.inputSas,
      outputSas: request.outputSas,
    });
  }
  if (outcome.kind === "conflict") {
    throw conflict(`A conversion with ID '${conversionId(context)}' already exists with other settings.`);
  }
  // With no time to run (phases of 0 seconds) the conversion has already ended: settle it now.
  const settled = await settleIfEnded(context, outcome.conversion);
  return {
    status: outcome.kind === "created" ? 201 : 200,
    body: conversionView(outcome.conversion, now),
    changedState: outcome.kind === "created" || settled,
  };
}

/** Seconds a client should wait before polling again (see EmulatorOptions.conversionRetryAfterInSeconds). */
function retryAfterInSeconds(context: OperationContext, conversion: StoredConversion): number {
  const fixed = context.runtime.config.conversionRetryAfterInSeconds;
  if (fixed !== undefined) return fixed;
  const status = conversionStatusAt(conversion, context.now);
  if (status !== "NotStarted" && status !== "Running") return 0;
  const realMs = timeToNextPhaseInMs(conversion, context.now) / context.runtime.config.clock.speed;
  return Math.min(60, Math.max(1, Math.ceil(realMs / 1000)));
}

/**
 * Once a conversion created since start has ended, runs it against the blob service (reads the
 * input, writes the output files) before anyone sees its final status. True when its error changed.
 */
async function settleIfEnded(context: OperationContext, conversion: StoredConversion): Promise<boolean> {
  const storage = context.runtime.conversionStorage;
  const key = resourceKey(conversion.accountId, conversion.id);
  if (storage === undefined || !storage.isPending(key) || context.now < conversion.finishedAtInMs)
    return false;
  const failure = await storage.settle(key, {
    id: conversion.id,
    settings: conversion.settings,
    startedAt: formatServiceTime(conversion.runningAtInMs, 0, "z"),
    finishedAt: formatServiceTime(conversion.finishedAtInMs, 0, "z"),
    failure: conversion.failure,
  });
  if (JSON.stringify(failure) === JSON.stringify(conversion.failure)) return false;
  conversion.failure = failure;
  return true;
}

export async function handleGetConversion(context: OperationContext): Promise<OperationResult> {
  const conversion = findConversion(
    context.runtime.state,
    context.parameters.account_id,
    conversionId(context),
  );
  if (conversion === undefined) {
    throw notFound(`No conversion with ID '${conversionId(context)}' exists in this account.`);
  }
  const changedState = await settleIfEnded(context, conversion);
  return {
    status: 200,
    body: conversionView(conversion, context.now),
    headers: { ...NO_CACHE_HEADERS, "Retry-After": String(retryAfterInSeconds(context, conversion)) },
    changedState,
  };
}

export async function handleListConversions(context: OperationContext): Promise<OperationResult> {
  const token = context.query.get(SKIP_TOKEN_PARAMETER);
  const after = token === null ? 0 : decodeSkipToken(token);
  const page = takePage(
    conversionsAfter(context.runtime.state, context.parameters.account_id, after),
    context.runtime.config.pageSize,
  );
  const changes = await Promise.all(page.items.map((conversion) => settleIfEnded(context, conversion)));
  const body: WireConversionList = {
    conversions: page.items.map((conversion) => conversionView(conversion, context.now)),
    "@nextLink": page.nextToken === undefined ? null : listPageLink(context, "conversions", page.nextToken),
  };
  return { status: 200, body, changedState: changes.includes(true) };
}
