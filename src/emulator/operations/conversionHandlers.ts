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
import type { StoredConversion } from "../store/state.js";
import { parseCreateConversionBody, type ParsedConversionRequest } from "./conversionRequest.js";
import type { WireConversionList } from "./wireTypes.js";

function conversionId(context: OperationContext): string {
  return context.parameters.conversion_id as string;
}

/**
 * A container without a shared access signature must belong to a storage account linked to the
 * account; otherwise creation fails like the service's (recorded) answer.
 */
function checkStorageAccess(context: OperationContext, request: ParsedConversionRequest): void {
  const account = context.runtime.accounts.get(context.parameters.account_id.toLowerCase());
  const linked = account?.linkedStorageAccounts ?? [];
  const inputReachable = request.hasReadListSas || linked.includes(request.inputStorageHost);
  const outputReachable = request.hasWriteSas || linked.includes(request.outputStorageHost);
  if (!inputReachable || !outputReachable) {
    throw new EmulatorHttpError(
      403,
      "DelegatedResourceAccessError",
      "Error accessing connected storage account due to insufficient permissions. " +
        "Check if the Mixed Reality resource has correct permissions assigned.",
      { minimalBody: true },
    );
  }
}

export function handleCreateConversion(context: OperationContext): OperationResult {
  const { runtime, now } = context;
  const request = parseCreateConversionBody(decodeJsonBody(context.body, context.headers["content-type"]));
  checkStorageAccess(context, request);
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
      return injected || namesMissingAsset(request.settings.inputLocation.relativeInputAssetPath)
        ? CONVERSION_PROCESS_FAILED
        : null;
    },
  );
  if (outcome.kind === "conflict") {
    throw conflict(`A conversion with ID '${conversionId(context)}' already exists with other settings.`);
  }
  return {
    status: outcome.kind === "created" ? 201 : 200,
    body: conversionView(outcome.conversion, now),
    changedState: outcome.kind === "created",
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

export function handleGetConversion(context: OperationContext): OperationResult {
  const conversion = findConversion(
    context.runtime.state,
    context.parameters.account_id,
    conversionId(context),
  );
  if (conversion === undefined) {
    throw notFound(`No conversion with ID '${conversionId(context)}' exists in this account.`);
  }
  return {
    status: 200,
    body: conversionView(conversion, context.now),
    headers: { ...NO_CACHE_HEADERS, "Retry-After": String(retryAfterInSeconds(context, conversion)) },
  };
}

export function handleListConversions(context: OperationContext): OperationResult {
  const token = context.query.get(SKIP_TOKEN_PARAMETER);
  const after = token === null ? 0 : decodeSkipToken(token);
  const page = takePage(
    conversionsAfter(context.runtime.state, context.parameters.account_id, after),
    context.runtime.config.pageSize,
  );
  const body: WireConversionList = {
    conversions: page.items.map((conversion) => conversionView(conversion, context.now)),
    "@nextLink": page.nextToken === undefined ? null : listPageLink(context, "conversions", page.nextToken),
  };
  return { status: 200, body };
}
