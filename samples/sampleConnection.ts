// Shared by the samples: clients for the service named by environment variables, or for a local
// emulator that the sample starts and closes itself when none is named.
//
//   ARR_ENDPOINT                 the service endpoint (an http address on loopback for an emulator)
//   ARR_ACCOUNT_ID, ARR_ACCOUNT_KEY
//   ARR_ACCOUNT_DOMAIN           default: emulator.mixedreality.azure.com
//   ARR_AUTHENTICATION_ENDPOINT  the token service; default: https://sts.{ARR_ACCOUNT_DOMAIN}
import { AzureKeyCredential, RemoteRenderingClient } from "remote-rendering-client";
import { DEFAULT_EMULATOR_ACCOUNT, startEmulator } from "remote-rendering-client/emulator";

export interface SampleConnection {
  /** A new client for the same service and account (a restarted program would make one too). */
  newClient(): RemoteRenderingClient;
  /** Stops the emulator the sample started, if it started one. */
  close(): Promise<void>;
}

function clientFor(
  endpoint: string,
  accountId: string,
  accountKey: string,
  accountDomain: string,
  authenticationEndpoint: string | undefined,
): RemoteRenderingClient {
  const local = /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(endpoint);
  return new RemoteRenderingClient(endpoint, accountId, accountDomain, new AzureKeyCredential(accountKey), {
    ...(authenticationEndpoint !== undefined ? { authenticationEndpointUrl: authenticationEndpoint } : {}),
    ...(local ? { allowInsecureConnection: true } : {}),
  });
}

export async function connect(): Promise<SampleConnection> {
  const endpoint = process.env["ARR_ENDPOINT"];
  const accountDomain = process.env["ARR_ACCOUNT_DOMAIN"] ?? "emulator.mixedreality.azure.com";
  if (endpoint !== undefined && endpoint !== "") {
    const accountId = process.env["ARR_ACCOUNT_ID"] ?? "";
    const accountKey = process.env["ARR_ACCOUNT_KEY"] ?? "";
    const sts = process.env["ARR_AUTHENTICATION_ENDPOINT"];
    return {
      newClient: () => clientFor(endpoint, accountId, accountKey, accountDomain, sts),
      close: async () => undefined,
    };
  }
  const emulator = await startEmulator({ port: 0, logger: false });
  console.log(`Started a local emulator at ${emulator.url}.`);
  const { accountId, accountKey } = DEFAULT_EMULATOR_ACCOUNT;
  return {
    newClient: () => clientFor(emulator.url, accountId, accountKey, accountDomain, emulator.url),
    close: () => emulator.close(),
  };
}
