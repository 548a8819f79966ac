// The five session operations.
import { conflict, notFound, unprocessable } from "../http/errors.js";
import type { OperationContext, OperationResult } from "../config/emulatorRuntime.js";
import { listPageLink } from "../http/listLinks.js";
import { decodeSkipToken, SKIP_TOKEN_PARAMETER, takePage } from "../http/paging.js";
import {
  createSession,
  findSession,
  listableSessionsAfter,
  sessionView,
  stopSession,
  updateSessionLease,
} from "../store/sessionStore.js";
import { parseCreateSessionBody, parseUpdateSessionBody } from "./validation.js";
import { decodeJsonBody } from "../http/requestBody.js";
import { NO_CACHE_HEADERS } from "../http/responseHeaders.js";
import type { WireError, WireSessionList } from "./wireTypes.js";

/**
 * The error of a session that fails to start (an injected fault). The service's own code for this
 * case is not in the recordings; this one is the emulator's.
 */
export const SESSION_START_FAILURE: WireError = {
  code: "SessionStartFailed",
  message: "The rendering session could not be started. Create a new session to try again.",
};

function sessionId(context: OperationContext): string {
  return context.parameters.session_id as string;
}

function missing(context: OperationContext): never {
  throw notFound(`No session with ID '${sessionId(context)}' exists in this account.`);
}

export function handleCreateSession(context: OperationContext): OperationResult {
  const { runtime, now } = context;
  const settings = parseCreateSessionBody(decodeJsonBody(context.body, context.headers["content-type"]));
  const outcome = createSession(
    runtime.state,
    { accountId: context.parameters.account_id, sessionId: sessionId(context), ...settings },
    now,
    runtime.config.sessions,
    runtime.random,
    () =>
      context.headerFault?.kind === "session-start-failure" ||
      runtime.faults.takeCreationFault("session-start-failure")
        ? SESSION_START_FAILURE
        : null,
  );
  if (outcome.kind === "conflict") {
    throw conflict(
      `A session with ID '${sessionId(context)}' already exists with other settings ` +
        `(size ${outcome.session.size}, maxLeaseTimeMinutes ${outcome.session.requestedLeaseInMinutes}).`,
    );
  }
  return {
    status: outcome.kind === "created" ? 201 : 200,
    body: sessionView(outcome.session, now),
    changedState: outcome.kind === "created",
  };
}

export function handleGetSession(context: OperationContext): OperationResult {
  const session = findSession(context.runtime.state, context.parameters.account_id, sessionId(context));
  if (session === undefined) missing(context);
  return { status: 200, body: sessionView(session, context.now) };
}

export function handleUpdateSession(context: OperationContext): OperationResult {
  const { maxLeaseTimeMinutes } = parseUpdateSessionBody(
    decodeJsonBody(context.body, context.headers["content-type"]),
  );
  const outcome = updateSessionLease(
    context.runtime.state,
    context.parameters.account_id,
    sessionId(context),
    maxLeaseTimeMinutes,
    context.now,
  );
  switch (outcome.kind) {
    case "not-found":
      return missing(context);
    case "terminal":
      throw unprocessable(
        `The session is ${outcome.status}; the lease of an ended session cannot be changed.`,
      );
    case "not-larger":
      throw unprocessable(
        `The maxLeaseTimeMinutes value must be larger than the current value (${outcome.currentInMinutes}).`,
        "maxLeaseTimeMinutes",
      );
    case "updated":
      return { status: 200, body: sessionView(outcome.session, context.now), changedState: true };
  }
}

export function handleStopSession(context: OperationContext): OperationResult {
  const outcome = stopSession(
    context.runtime.state,
    context.parameters.account_id,
    sessionId(context),
    context.now,
  );
  if (outcome.kind === "not-found") missing(context);
  return { status: 204, changedState: outcome.kind === "stopped" };
}

export function handleListSessions(context: OperationContext): OperationResult {
  const token = context.query.get(SKIP_TOKEN_PARAMETER);
  const after = token === null ? 0 : decodeSkipToken(token);
  const page = takePage(
    listableSessionsAfter(context.runtime.state, context.parameters.account_id, after, context.now),
    context.runtime.config.pageSize,
  );
  const body: WireSessionList = { sessions: page.items.map((session) => sessionView(session, context.now)) };
  if (page.nextToken !== undefined) body["@nextLink"] = listPageLink(context, "sessions", page.nextToken);
  return { status: 200, body, headers: { ...NO_CACHE_HEADERS } };
}
