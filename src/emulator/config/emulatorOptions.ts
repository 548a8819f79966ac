// Public option and handle types of the emulator.
import type { EmulatorAccount } from "../auth/accounts.js";
import type { EmulatorClock } from "./clock.js";
import type { FaultController } from "../faults/faultInjector.js";
import type { FaultRule } from "../faults/faultTypes.js";
import type { EmulatorLogSink } from "../http/requestLog.js";
import type { EmulatorStorageInfo, EmulatorStorageOption } from "../storage/blobStorage.js";

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Accounts served. Without any (here or in the data file) the default account is used. */
  accounts?: readonly EmulatorAccount[];
  /** Keep accounts, sessions and conversions in this file (a journal of JSON lines) across restarts. */
  dataFile?: string;
  /** Lifetime of issued access tokens, in emulated seconds; 86400 (24 hours) by default. */
  tokenLifetimeInSeconds?: number;
  /** Emulated start-up time per session size; Standard 10 s and Premium 20 s by default. */
  sessionStartupInSeconds?: { Standard?: number; Premium?: number };
  /** Emulated time a conversion spends NotStarted (default 2 s), then Running (default 10 s). */
  conversionPhasesInSeconds?: { notStarted?: number; running?: number };
  /**
   * Fixed `Retry-After` (seconds) on GetConversion. By default it is the real time left until the
   * conversion's status next changes, at least 1 while it runs, and 0 once it has ended.
   */
  conversionRetryAfterInSeconds?: number;
  /** Items per page of the list operations; 50 by default. */
  pageSize?: number;
  /** The real clock by default; `{ speed: 60 }` runs 60 times faster; a ManualClock moves when told. */
  clock?: EmulatorClock | { speed: number };
  /** Fault rules applied from the start (more can be added while running). */
  faults?: readonly FaultRule[];
  /** Seed for the made-up values (ports, host names) and fault probabilities; random by default. */
  seed?: number;
  /**
   * Time a client has to send a request's headers, from its first byte; 10 000 (10 s) by default.
   * A request still incomplete then gets 408 and the connection is closed.
   */
  headersTimeoutInMs?: number;
  /** Time a client has to send a whole request, body included; 30 000 (30 s) by default. */
  requestTimeoutInMs?: number;
  /** Largest accepted request body; 1 MiB by default. Larger bodies get 413. */
  maxBodySizeInBytes?: number;
  /**
   * Let web pages (requests with an `Origin` header, and their preflights) call the admin endpoints
   * under `/_emulator/`, which need no credentials. False by default: any page open in a browser
   * could otherwise change faults and the clock of an emulator running on this machine.
   */
  corsAdmin?: boolean;
  /**
   * Where the per-request log lines go: standard error by default (written in batches), `false` for
   * none, or a function called with each line. A sink made with `createBufferedLogSink` is flushed
   * when the emulator closes.
   */
  logger?: EmulatorLogSink | false;
  /**
   * Blob storage for conversions. `true` starts Azurite's blob service (in memory, on loopback) next
   * to the emulator; `{ blobEndpoint, accountKey? }` uses an existing one. Off by default.
   * Conversions read their input from it and write their output to it; every served account is
   * linked to it, so its containers need no SAS.
   */
  storage?: EmulatorStorageOption;
}

export interface RunningEmulator {
  /** Base URL of both the data plane and the token service, e.g. http://127.0.0.1:49731. */
  readonly url: string;
  /** The accounts served, with their keys. */
  readonly accounts: readonly EmulatorAccount[];
  /** True when no account was configured and the well-known default account is served. */
  readonly usesDefaultAccount: boolean;
  /** The blob service conversions use, with its account and key; undefined without storage. */
  readonly storage: EmulatorStorageInfo | undefined;
  readonly clock: EmulatorClock;
  readonly faults: FaultController;
  /** Stops listening, ends open connections and finishes pending writes of the data file. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}
