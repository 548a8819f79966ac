// A loopback HTTP proxy in front of the test emulator that can lose an answer: the request is
// forwarded and applied, then the client's connection is reset instead of answered, as a proxy or
// network that drops responses does. Used to show that retried writes stay correct.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface LossyProxy {
  /** The proxy's base URL, such as http://127.0.0.1:54321. */
  readonly url: string;
  /** Drops the answer of the next `count` requests with this method (after they reached the target). */
  loseAnswers(method: string, count?: number): void;
  /** Requests forwarded so far, as "METHOD path". */
  readonly forwarded: readonly string[];
  close(): Promise<void>;
}

export async function startLossyProxy(target: string): Promise<LossyProxy> {
  const targetUrl = new URL(target);
  const losses = new Map<string, number>();
  const forwarded: string[] = [];
  const server = http.createServer((request, response) => {
    const method = request.method ?? "GET";
    forwarded.push(`${method} ${request.url ?? ""}`);
    const lose = (losses.get(method) ?? 0) > 0;
    if (lose) losses.set(method, (losses.get(method) ?? 0) - 1);
    const upstream = http.request(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method,
        path: request.url,
        headers: { ...request.headers, host: targetUrl.host },
      },
      (answer) => {
        if (lose) {
          answer.resume();
          answer.on("end", () => request.socket.destroy());
          return;
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => request.socket.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    loseAnswers(method, count = 1) {
      losses.set(method.toUpperCase(), count);
    },
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
