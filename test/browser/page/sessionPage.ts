// The browser test's page: creates a client against the emulator named in the page's query string
// (?emulator=URL&account=ID&key=KEY), starts a session, waits until it is Ready and shows its status
// and host name. Bundled by esbuild (platform browser) from the installed tarball.
import { AzureKeyCredential, RemoteRenderingClient } from "remote-rendering-client";

function show(id: string, text: string): void {
  const element = document.getElementById(id);
  if (element !== null) element.textContent = text;
}

async function run(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const url = query.get("emulator") ?? "";
  const client = new RemoteRenderingClient(
    url,
    query.get("account") ?? "",
    "emulator.mixedreality.azure.com",
    new AzureKeyCredential(query.get("key") ?? ""),
    { allowInsecureConnection: true, authenticationEndpointUrl: url },
  );
  const poller = client.beginSession(
    "browser-session",
    { maxLeaseTimeInMinutes: 10, size: "Standard" },
    { intervalInMs: 250 },
  );
  show("status", "Starting");
  const session = await poller.pollUntilDone();
  show("status", session.status);
  show("host", session.status === "Ready" ? session.hostname : "");
}

run()
  .catch((error: unknown) =>
    show("error", error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
  )
  .finally(() => document.body.setAttribute("data-done", "true"));
