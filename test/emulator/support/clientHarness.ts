// Connects the public RemoteRenderingClient to an emulator, with small retry delays.
import {
  AzureKeyCredential,
  RemoteRenderingClient,
  type RemoteRenderingClientOptions,
} from "../../../src/index";
import type { Harness } from "./emulatorHarness";

export const ACCOUNT_DOMAIN = "emulator.mixedreality.azure.com";

export function clientFor(
  harness: Harness,
  options: RemoteRenderingClientOptions = {},
): RemoteRenderingClient {
  return new RemoteRenderingClient(
    harness.emulator.url,
    harness.account.accountId,
    ACCOUNT_DOMAIN,
    new AzureKeyCredential(harness.account.accountKey),
    {
      authenticationEndpointUrl: harness.emulator.url,
      allowInsecureConnection: true,
      retryOptions: { maxRetries: 4, retryDelayInMs: 1, maxRetryDelayInMs: 10 },
      ...options,
    },
  );
}

/** Log lines of the emulator for one operation, e.g. "PUT" and "/sessions/x". */
export function requestLines(harness: Harness, method: string, pathEnd: string): string[] {
  return harness.logs.filter((line) => {
    const [, loggedMethod, target] = line.split(" ");
    return loggedMethod === method && (target ?? "").split("?")[0]?.endsWith(pathEnd);
  });
}
