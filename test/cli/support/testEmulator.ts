// An emulator for command-line tests, in the test process, plus the environment that points a
// child `arr` at it and a client for checking what the commands did.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../../src/emulator";
import { AzureKeyCredential, RemoteRenderingClient } from "../../../src/index";

export const TEST_ACCOUNT = {
  accountId: "4f0b6f38-0f4e-4c61-9a53-3c3b2f8a9d10",
  accountKey: "dGVzdC1hY2NvdW50LWtleS1mb3ItY2xp",
  linkedStorageAccounts: ["contoso.blob.core.windows.net"],
};

/** A container of the linked storage account (no SAS needed) and one of another account. */
export const LINKED_CONTAINER = "https://contoso.blob.core.windows.net/input";
export const LINKED_OUTPUT_CONTAINER = "https://contoso.blob.core.windows.net/output";
export const UNLINKED_CONTAINER = "https://fabrikam.blob.core.windows.net/input";

export interface TestEmulator {
  readonly emulator: RunningEmulator;
  /** ARR_ENDPOINT, ARR_ACCOUNT_ID and ARR_ACCOUNT_KEY for a child `arr`. */
  readonly env: Record<string, string>;
  readonly client: RemoteRenderingClient;
  close(): Promise<void>;
}

export function testClient(url: string): RemoteRenderingClient {
  return new RemoteRenderingClient(
    url,
    TEST_ACCOUNT.accountId,
    "localhost.mixedreality.azure.com",
    new AzureKeyCredential(TEST_ACCOUNT.accountKey),
    {
      allowInsecureConnection: true,
      authenticationEndpointUrl: url,
      retryOptions: { maxRetries: 1, retryDelayInMs: 5 },
    },
  );
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ logger: false, accounts: [TEST_ACCOUNT], ...options });
  return {
    emulator,
    env: {
      ARR_ENDPOINT: emulator.url,
      ARR_ACCOUNT_ID: TEST_ACCOUNT.accountId,
      ARR_ACCOUNT_KEY: TEST_ACCOUNT.accountKey,
    },
    client: testClient(emulator.url),
    close: () => emulator.close(),
  };
}
