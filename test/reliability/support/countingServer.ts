// A loopback HTTP server that counts every request it gets and answers each with 400, so a client
// pointed at it (data plane and token service) shows whether anything was sent.
import { createServer } from "node:http";
import { listenOnLoopback } from "./loopbackServer";

export interface CountingServer {
  readonly url: string;
  /** Requests received so far, as "METHOD url". */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startCountingServer(): Promise<CountingServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    request.resume();
    response.writeHead(400, { "Content-Type": "application/json", Connection: "close" });
    response.end(JSON.stringify({ error: { code: "BadRequest", message: "counting server" } }));
  });
  const { url, close } = await listenOnLoopback(server);
  return { url, requests, close };
}
