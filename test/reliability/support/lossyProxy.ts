// A loopback HTTP proxy for the reliability tests that loses answers after the work was done: it
// forwards each request to the emulator, waits for the whole answer, and then, for requests picked
// by `dropAnswer` (with a seeded probability), destroys the client's connection instead of passing
// the answer on. The client sees a reset for a write that was applied. A reset of the emulator
// (its `reset` fault) is passed on as a reset too. The Host header passes through unchanged, so the
// emulator's @nextLink points at the proxy.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { listenOnLoopback } from "./loopbackServer";

export interface LossyProxyOptions {
  /** Fraction of the picked requests whose answer is lost. */
  dropProbability: number;
  /** Which requests may lose their answer (method, path without query). */
  dropAnswer(method: string, path: string): boolean;
  seed: number;
}

export interface LossyProxy {
  readonly url: string;
  /** Answers lost so far, as "METHOD path". */
  readonly dropped: string[];
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32), so a run repeats. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on("data", (chunk: Buffer) => chunks.push(chunk));
    message.on("end", () => resolve(Buffer.concat(chunks)));
    message.on("error", reject);
  });
}

export async function startLossyProxy(target: string, options: LossyProxyOptions): Promise<LossyProxy> {
  const targetUrl = new URL(target);
  const random = seededRandom(options.seed);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const dropped: string[] = [];

  const forward = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const upstream = httpRequest({
      host: targetUrl.hostname,
      port: targetUrl.port,
      method: request.method,
      path: request.url,
      headers: request.headers,
      agent,
    });
    upstream.on("error", () => request.socket.destroy()); // the emulator reset: reset the client too
    upstream.on("response", (answer) => {
      readBody(answer).then(
        (answerBody) => {
          const method = request.method ?? "GET";
          const path = (request.url ?? "/").split("?")[0] ?? "/";
          if (options.dropAnswer(method, path) && random() < options.dropProbability) {
            dropped.push(`${method} ${path}`);
            request.socket.destroy();
            return;
          }
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(answerBody);
        },
        () => request.socket.destroy(),
      );
    });
    upstream.end(body);
  };

  const server = createServer((request, response) => {
    forward(request, response).catch(() => request.socket.destroy());
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    dropped,
    close: async () => {
      agent.destroy();
      await listening.close();
    },
  };
}
