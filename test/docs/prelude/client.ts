// Prelude of the documentation examples: `client`, connected to the test's emulator (EMULATOR_URL)
// with its default account.
import { AzureKeyCredential, RemoteRenderingClient } from "remote-rendering-client";
import { DEFAULT_EMULATOR_ACCOUNT } from "remote-rendering-client/emulator";

const url = process.env["EMULATOR_URL"] ?? "";
export const client = new RemoteRenderingClient(
  url,
  DEFAULT_EMULATOR_ACCOUNT.accountId,
  "emulator.mixedreality.azure.com",
  new AzureKeyCredential(DEFAULT_EMULATOR_ACCOUNT.accountKey),
  { allowInsecureConnection: true, authenticationEndpointUrl: url },
);
