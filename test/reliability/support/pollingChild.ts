// A child process for the crash-and-resume scenario: it polls a session of the emulator at argv[2]
// until it is Ready, printing each saved state (`poller.serialize()`) as a JSON line {"state": ...}
// and finally {"done": status}. Without a saved state (argv[6]) it creates the session; with one, it
// resumes from it. The test kills it (SIGKILL) in the middle of polling.
import { AzureKeyCredential, RemoteRenderingClient } from "../../../src/index";

export const POLL_INTERVAL_IN_MS = 20;

function write(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function main(argv: readonly string[]): Promise<void> {
  const [url, accountId, accountKey, sessionId, savedState] = argv;
  if (url === undefined || accountId === undefined || accountKey === undefined || sessionId === undefined) {
    throw new Error("usage: pollingChild.ts <url> <account id> <account key> <session id> [saved state]");
  }
  const client = new RemoteRenderingClient(
    url,
    accountId,
    "emulator.mixedreality.azure.com",
    new AzureKeyCredential(accountKey),
    { authenticationEndpointUrl: url, allowInsecureConnection: true },
  );
  const poller =
    savedState === undefined
      ? client.beginSession(
          sessionId,
          { maxLeaseTimeInMinutes: 30, size: "Standard" },
          { intervalInMs: POLL_INTERVAL_IN_MS },
        )
      : client.beginSession({ resumeFrom: savedState, intervalInMs: POLL_INTERVAL_IN_MS });
  poller.onProgress(() => {
    void poller.serialize().then((state) => write({ state }));
  });
  await poller.submitted();
  write({ state: await poller.serialize() });
  const session = await poller.pollUntilDone();
  write({ done: session.status, sessionId: session.sessionId });
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    write({ error: String(error) });
    process.exitCode = 1;
  });
}
