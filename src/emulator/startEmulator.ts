// Starting and stopping the emulator: configuration, state (from the data file if any), the HTTP
// server, and the handle returned to the caller.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { VerifiedTokenCache } from "./auth/verifiedTokenCache.js";
import { flushLogSink } from "./http/bufferedLogSink.js";
import { DEFAULT_EMULATOR_ACCOUNT, validateAccounts, type EmulatorAccount } from "./auth/accounts.js";
import { resolveEmulatorConfig } from "./config/emulatorConfig.js";
import type { EmulatorOptions, RunningEmulator } from "./config/emulatorOptions.js";
import type { EmulatorRuntime } from "./config/emulatorRuntime.js";
import { FaultInjector } from "./faults/faultInjector.js";
import { guardConnections, serverTimeouts } from "./http/rawConnections.js";
import { createRandomSource } from "./faults/randomSource.js";
import { createRequestListener } from "./http/requestPipeline.js";
import { createEmptyState } from "./store/state.js";
import { StateJournal, loadStateFile, removeStaleTemporaryFiles } from "./store/stateJournal.js";
import { openBlobStorage, validateStorageOption } from "./storage/blobStorage.js";
import { ConversionStorage } from "./storage/conversionStorage.js";

function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function isDefaultAccount(accounts: readonly EmulatorAccount[]): boolean {
  const [only] = accounts;
  return (
    accounts.length === 1 &&
    only?.accountId === DEFAULT_EMULATOR_ACCOUNT.accountId &&
    only.accountKey === DEFAULT_EMULATOR_ACCOUNT.accountKey
  );
}

/**
 * Starts the emulator. Resolves once it listens; rejects for bad options (TypeError or
 * RangeError naming the option), an unusable data file, or a port that is taken.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveEmulatorConfig(options);
  if (options.faults !== undefined && !Array.isArray(options.faults)) {
    throw new TypeError('faults must be an array of fault rules such as { kind: "throttle", count: 1 }.');
  }
  validateStorageOption(options.storage);
  const configured =
    options.accounts === undefined ? undefined : validateAccounts(options.accounts, "accounts");
  if (config.dataFile !== undefined) await removeStaleTemporaryFiles(config.dataFile);
  const persisted = config.dataFile === undefined ? undefined : await loadStateFile(config.dataFile);
  // Accounts in the file were checked when it was read.
  const fromFile =
    persisted === undefined || persisted.accounts.length === 0 ? undefined : persisted.accounts;
  const accounts: EmulatorAccount[] = configured ??
    fromFile ?? [{ ...DEFAULT_EMULATOR_ACCOUNT, linkedStorageAccounts: [] }];
  const signingSecret = persisted?.signingSecret ?? randomBytes(32);
  const state = persisted?.state ?? createEmptyState();
  const random = createRandomSource(config.seed);
  const faults = new FaultInjector(random, options.faults ?? []);
  const closing = new AbortController();
  const journal =
    config.dataFile === undefined
      ? undefined
      : await StateJournal.open(config.dataFile, { accounts, signingSecret, state });

  const runtime: EmulatorRuntime = {
    config,
    state,
    accounts: new Map(accounts.map((account) => [account.accountId, account])),
    signingSecret,
    tokens: new VerifiedTokenCache(signingSecret),
    random,
    faults,
    persist: journal === undefined ? undefined : () => journal.save(),
    // Set once the server listens (a taken port is reported before a blob service is started).
    conversionStorage: undefined,
    closing: closing.signal,
  };
  let url = "";
  const server = http.createServer(
    serverTimeouts(config),
    createRequestListener(runtime, () => url),
  );
  guardConnections(server, () => config.log);
  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    await journal?.close();
    throw error;
  }
  let blobStorage: Awaited<ReturnType<typeof openBlobStorage>>;
  try {
    blobStorage = await openBlobStorage(options.storage, config.host);
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await journal?.close();
    throw error;
  }
  const conversionStorage = blobStorage === undefined ? undefined : new ConversionStorage(blobStorage);
  (runtime as { conversionStorage: ConversionStorage | undefined }).conversionStorage = conversionStorage;
  const { port } = server.address() as AddressInfo;
  url = `http://${urlHost(config.host)}:${port}`;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing.abort();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopped;
      await conversionStorage?.close();
      await journal?.close();
      flushLogSink(config.log);
    })();
    return closed;
  };
  return {
    url,
    accounts: accounts.map((account) => ({ ...account })),
    usesDefaultAccount: isDefaultAccount(accounts),
    storage: blobStorage?.info,
    clock: config.clock,
    faults,
    close,
    [Symbol.asyncDispose]: close,
  };
}
