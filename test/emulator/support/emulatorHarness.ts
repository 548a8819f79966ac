// Starts an emulator for a test on a manual clock and talks to it with plain fetch.
import {
  DEFAULT_EMULATOR_ACCOUNT,
  ManualClock,
  startEmulator,
  type EmulatorAccount,
  type EmulatorOptions,
  type RunningEmulator,
} from "../../../src/emulator/index";
import {
  remoteRenderingApiVersion as API_VERSION,
  stsApiVersion as STS_API_VERSION,
} from "../../../src/index";

export {
  remoteRenderingApiVersion as API_VERSION,
  stsApiVersion as STS_API_VERSION,
} from "../../../src/index";
/** 2026-01-01T00:00:00Z: tests start every manual clock here. */
export const START_TIME_IN_MS = Date.UTC(2026, 0, 1);
export const MINUTE_IN_MS = 60_000;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** null leaves the api-version out. */
  apiVersion?: string | null;
  query?: Record<string, string>;
}

export interface Harness {
  emulator: RunningEmulator;
  clock: ManualClock;
  account: EmulatorAccount;
  token: string;
  logs: string[];
  /** Calls `/accounts/{account}{path}` on the data plane. */
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  close(): Promise<void>;
}

export async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export async function fetchToken(url: string, account: EmulatorAccount): Promise<string> {
  const response = await fetch(`${url}/Accounts/${account.accountId}/token?api-version=${STS_API_VERSION}`, {
    headers: { Authorization: `Bearer ${account.accountId}:${account.accountKey}` },
  });
  const answer = await readAnswer(response);
  if (answer.status !== 200) throw new Error(`token request failed: ${answer.status} ${answer.text}`);
  return (answer.body as { AccessToken: string }).AccessToken;
}

export async function callUrl(method: string, url: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined && options.token !== null)
    headers["Authorization"] = `Bearer ${options.token}`;
  let body: string | Buffer | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["Content-Type"] ??= "application/json";
  }
  return readAnswer(await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) }));
}

export function dataPlaneUrl(
  base: string,
  accountId: string,
  path: string,
  options: CallOptions = {},
): string {
  const query = new URLSearchParams(options.query);
  const apiVersion = options.apiVersion === undefined ? API_VERSION : options.apiVersion;
  if (apiVersion !== null) query.set("api-version", apiVersion);
  const search = query.toString();
  return `${base}/accounts/${accountId}${path}${search === "" ? "" : `?${search}`}`;
}

/** Starts an emulator on a manual clock set to `startTimeInMs`; options override the test defaults. */
export async function startHarness(
  options: EmulatorOptions = {},
  startTimeInMs: number = START_TIME_IN_MS,
): Promise<Harness> {
  const clock = new ManualClock(startTimeInMs);
  const logs: string[] = [];
  const emulator = await startEmulator({
    clock,
    seed: 42,
    sessionStartupInSeconds: { Standard: 60, Premium: 120 },
    conversionPhasesInSeconds: { notStarted: 10, running: 30 },
    logger: (line) => logs.push(line),
    ...options,
  });
  const account = emulator.accounts[0] ?? DEFAULT_EMULATOR_ACCOUNT;
  const token = await fetchToken(emulator.url, account);
  return {
    emulator,
    clock,
    account,
    token,
    logs,
    call: (method, path, callOptions = {}) =>
      callUrl(method, dataPlaneUrl(emulator.url, account.accountId, path, callOptions), {
        token,
        ...callOptions,
      }),
    close: () => emulator.close(),
  };
}

export function errorOf(answer: Answer): { code: string; message: string; target?: string | null } {
  const body = answer.body as
    | { error?: { code: string; message: string; target?: string | null } }
    | undefined;
  if (body?.error === undefined)
    throw new Error(`expected an error_response, got ${answer.status} ${answer.text}`);
  return body.error;
}
