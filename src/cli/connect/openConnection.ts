// Builds the RemoteRenderingClient for a command: for a configured account (key or Microsoft Entra
// ID), or for a local emulator when nothing is configured.
import type { RemoteRenderingClient } from "../../index.js";
import { UsageError } from "../cliErrors.js";
import type { ConnectionTarget, ServiceTarget } from "../config/resolveConnection.js";
import { LOCAL_ACCOUNT_DOMAIN } from "../config/resolveConnection.js";
import { clientLibrary, identityModule } from "../lazyModules.js";
import { connectLocalEmulator, type LocalBlobStorage } from "./localEmulator.js";

export interface Connection {
  readonly client: RemoteRenderingClient;
  /** The local emulator's blob service, when connected to a local emulator that has one. */
  readonly localStorage: LocalBlobStorage | undefined;
  /** Stops what the connection started (an emulator run for this command); safe to call twice. */
  close(): Promise<void>;
}

export interface OpenConnectionOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where to say which target is used when it was not configured (stderr). */
  readonly note: (text: string) => void;
  /** An emulator started for this command gets a blob service. */
  readonly storage?: boolean;
}

export async function openConnection(
  target: ConnectionTarget,
  options: OpenConnectionOptions,
): Promise<Connection> {
  if (target.kind === "service") {
    if (target.accountKey === undefined) {
      options.note("No account key given: authenticating with Microsoft Entra ID (DefaultAzureCredential).");
    }
    return { client: createServiceClient(target), localStorage: undefined, close: async () => undefined };
  }
  const emulator = await connectLocalEmulator(options);
  const client = createServiceClient({
    kind: "service",
    endpoint: emulator.url,
    accountId: emulator.accountId,
    accountDomain: LOCAL_ACCOUNT_DOMAIN,
    accountKey: emulator.accountKey,
    authenticationEndpoint: emulator.url,
    allowInsecureConnection: emulator.url.startsWith("http:"),
  });
  return { client, localStorage: emulator.storage, close: () => emulator.close() };
}

/** A client for a resolved target; invalid settings become usage errors (nothing is sent). */
export function createServiceClient(target: ServiceTarget): RemoteRenderingClient {
  const options = {
    // A command line should not go quiet for long: three retries of 429/5xx answers and network
    // errors, the exponential delays starting at 0.5 s and capped at 5 s (Retry-After still applies).
    retryOptions: { maxRetries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 5000 },
    ...(target.authenticationEndpoint !== undefined
      ? { authenticationEndpointUrl: target.authenticationEndpoint }
      : {}),
    ...(target.allowInsecureConnection ? { allowInsecureConnection: true } : {}),
  };
  const { AzureKeyCredential, RemoteRenderingClient } = clientLibrary();
  try {
    const credential =
      target.accountKey !== undefined
        ? new AzureKeyCredential(target.accountKey)
        : new (identityModule().DefaultAzureCredential)();
    return new RemoteRenderingClient(
      target.endpoint,
      target.accountId,
      target.accountDomain,
      credential,
      options,
    );
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) {
      throw new UsageError(`Invalid account settings: ${error.message}`);
    }
    throw error;
  }
}
