// Emulators and clients of the reliability tests: an emulator on loopback (manual clock unless told
// otherwise, log lines kept), a client of it with the retry policy the tests rely on, and a look at
// the sessions left running, read with plain HTTP.
import {
  AzureKeyCredential,
  RemoteRenderingClient,
  type RemoteRenderingClientOptions,
} from "../../../src/index";
import {
  ManualClock,
  startEmulator,
  type EmulatorAccount,
  type EmulatorOptions,
  type RunningEmulator,
} from "../../../src/emulator/index";

export const ACCOUNT_DOMAIN = "emulator.mixedreality.azure.com";
export const API_VERSION = "2021-01-01";
export const STS_API_VERSION = "2019-02-28-preview";
/** Now, to the minute: tokens are issued on the emulator clock, and the client checks them against the real one. */
export const START_TIME_IN_MS = Math.floor(Date.now() / 60_000) * 60_000;

/** Retries enough for 25% failed attempts (0.25^11 per call), with millisecond delays. */
export const PATIENT_RETRIES: RemoteRenderingClientOptions = {
  retryOptions: { maxRetries: 10, retryDelayInMs: 1, maxRetryDelayInMs: 8 },
};

export interface ReliabilityEmulator {
  readonly emulator: RunningEmulator;
  readonly account: EmulatorAccount;
  readonly clock: ManualClock | undefined;
  readonly logs: string[];
  /** A client of `url` (the emulator's own by default) for its data plane and token service. */
  client(options?: RemoteRenderingClientOptions, url?: string): RemoteRenderingClient;
  token(): Promise<string>;
  /** Ids of the sessions still Starting or Ready (every page, read with plain HTTP; clear faults first). */
  runningSessions(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startReliabilityEmulator(options: EmulatorOptions = {}): Promise<ReliabilityEmulator> {
  const clock = options.clock === undefined ? new ManualClock(START_TIME_IN_MS) : undefined;
  const logs: string[] = [];
  const emulator = await startEmulator({
    seed: 11,
    logger: (line) => logs.push(line),
    ...(clock === undefined ? {} : { clock }),
    ...options,
  });
  const account = emulator.accounts[0];
  if (account === undefined) throw new Error("the emulator has no account");
  const token = async (): Promise<string> => {
    const answer = await fetch(
      `${emulator.url}/Accounts/${account.accountId}/token?api-version=${STS_API_VERSION}`,
      { headers: { Authorization: `Bearer ${account.accountId}:${account.accountKey}` } },
    );
    if (answer.status !== 200) throw new Error(`token request: ${answer.status}`);
    return ((await answer.json()) as { AccessToken: string }).AccessToken;
  };
  return {
    emulator,
    account,
    clock,
    logs,
    client: (clientOptions = {}, url = emulator.url) =>
      new RemoteRenderingClient(
        url,
        account.accountId,
        ACCOUNT_DOMAIN,
        new AzureKeyCredential(account.accountKey),
        {
          authenticationEndpointUrl: url,
          allowInsecureConnection: true,
          ...clientOptions,
        },
      ),
    token,
    runningSessions: async () => {
      const bearer = await token();
      const ids: string[] = [];
      let next: string | undefined =
        `${emulator.url}/accounts/${account.accountId}/sessions?api-version=${API_VERSION}`;
      while (next !== undefined) {
        const answer = await fetch(next, { headers: { Authorization: `Bearer ${bearer}` } });
        if (answer.status !== 200) throw new Error(`list sessions: ${answer.status}`);
        const page = (await answer.json()) as { sessions: Array<{ id: string }>; "@nextLink"?: string };
        ids.push(...page.sessions.map((session) => session.id));
        next = page["@nextLink"];
      }
      return ids;
    },
    close: () => emulator.close(),
  };
}
