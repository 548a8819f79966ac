// Child process of bench/emulatorThroughput.ts: an emulator (logging to standard error, as
// `arr emulator` does) and a bare node:http server answering a fixed session body, both on
// 127.0.0.1. Prints one JSON line with their addresses and the account, then runs until killed.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator } from "../../src/emulator/index";

const SESSION_BODY = JSON.stringify({
  id: "bench-get",
  arrInspectorPort: 0,
  handshakePort: 0,
  elapsedTimeMinutes: 0,
  hostname: null,
  maxLeaseTimeMinutes: 60,
  size: "Standard",
  status: "Starting",
  teraflops: 0,
  error: null,
  creationTime: "2026-01-01T00:00:00+00:00",
});

async function main(): Promise<void> {
  const emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
  const bare = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      response.writeHead(request.method === "PUT" ? 201 : 200, { "Content-Type": "application/json" });
      response.end(SESSION_BODY);
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  const account = emulator.accounts[0];
  console.log(
    JSON.stringify({
      emulatorUrl: emulator.url,
      bareUrl: `http://127.0.0.1:${(bare.address() as AddressInfo).port}`,
      accountId: account?.accountId,
      accountKey: account?.accountKey,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
