// What request handlers share: configuration, state, accounts, secrets and fault rules.
import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorAccount } from "../auth/accounts.js";
import type { VerifiedTokenCache } from "../auth/verifiedTokenCache.js";
import type { EmulatorConfig } from "./emulatorConfig.js";
import type { FaultInjector } from "../faults/faultInjector.js";
import type { EmulatorOperation, FaultRule } from "../faults/faultTypes.js";
import type { RandomSource } from "../faults/randomSource.js";
import type { RouteParameters } from "../http/router.js";
import type { EmulatorState } from "../store/state.js";
import type { ConversionStorage } from "../storage/conversionStorage.js";

export interface EmulatorRuntime {
  readonly config: EmulatorConfig;
  readonly state: EmulatorState;
  /** Accounts by lower-case id. */
  readonly accounts: ReadonlyMap<string, EmulatorAccount>;
  readonly signingSecret: Buffer;
  /** Tokens signed with `signingSecret` and already verified. */
  readonly tokens: VerifiedTokenCache;
  readonly random: RandomSource;
  readonly faults: FaultInjector;
  /** Saves the state to the data file; undefined when running in memory. */
  readonly persist: (() => Promise<void>) | undefined;
  /** The blob service conversions read and write; undefined when storage is off. */
  readonly conversionStorage?: ConversionStorage | undefined;
  /** Aborted when the emulator closes (ends injected delays early). */
  readonly closing: AbortSignal;
}

/** One routed, authenticated request, as a handler sees it. */
export interface OperationContext {
  readonly runtime: EmulatorRuntime;
  readonly operation: EmulatorOperation;
  readonly parameters: RouteParameters;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** Scheme, host and port the client used, for links in answers. */
  readonly baseUrl: string;
  readonly apiVersion: string | undefined;
  readonly now: number;
  /** A creation fault named in this request's fault header, if any. */
  readonly headerFault: FaultRule | undefined;
}

export interface OperationResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** True when the state changed and must be saved before answering. */
  changedState?: boolean;
}
