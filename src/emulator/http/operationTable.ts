// Which handler serves which operation.
import {
  handleCreateConversion,
  handleGetConversion,
  handleListConversions,
} from "../operations/conversionHandlers.js";
import type { OperationContext, OperationResult } from "../config/emulatorRuntime.js";
import type { EmulatorOperation } from "../faults/faultTypes.js";
import {
  handleCreateSession,
  handleGetSession,
  handleListSessions,
  handleStopSession,
  handleUpdateSession,
} from "../operations/sessionHandlers.js";
import { handleGetToken } from "../operations/tokenHandler.js";

export type OperationHandler = (context: OperationContext) => OperationResult | Promise<OperationResult>;

export const OPERATION_HANDLERS: Readonly<Record<EmulatorOperation, OperationHandler>> = {
  GetToken: handleGetToken,
  CreateSession: handleCreateSession,
  GetSession: handleGetSession,
  UpdateSession: handleUpdateSession,
  StopSession: handleStopSession,
  ListSessions: handleListSessions,
  CreateConversion: handleCreateConversion,
  GetConversion: handleGetConversion,
  ListConversions: handleListConversions,
};

/** Operations that need a request body. */
export const OPERATIONS_WITH_BODY: ReadonlySet<EmulatorOperation> = new Set([
  "CreateSession",
  "UpdateSession",
  "CreateConversion",
]);
