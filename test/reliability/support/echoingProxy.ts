// A loopback HTTP proxy for the secrets scenario. It forwards requests to the emulator and records
// every Authorization header it sees (so the test knows each token and key that was sent). While
// `echo` is on, it answers data-plane requests itself with an error (the next status of a cycle)
// whose headers echo the Authorization header and whose body echoes it along with the URL and the
// request body: the worst a service or a proxy can do with secrets. (The core pipeline's log shows
// every response header in full, whatever the logging options allow.)
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import { listenOnLoopback } from "./loopbackServer";

export const ECHO_STATUSES = [400, 401, 403, 404, 409, 422, 500, 503] as const;

export interface EchoingProxy {
  readonly url: string;
  /** Authorization header values seen, without "Bearer ". */
  readonly credentials: Set<string>;
  echo: boolean;
  close(): Promise<void>;
}

function readBody(message: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on("data", (chunk: Buffer) => chunks.push(chunk));
    message.on("end", () => resolve(Buffer.concat(chunks)));
    message.on("error", reject);
  });
}

export async function startEchoingProxy(target: string): Promise<EchoingProxy> {
  const targetUrl = new URL(target);
  const credentials = new Set<string>();
  let next = 0;
  const proxy: { echo: boolean } = { echo: false };
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const authorization = request.headers.authorization ?? "";
      if (authorization !== "") credentials.add(authorization.replace(/^Bearer /i, ""));
      const isToken = /\/token(\?|$)/i.test(request.url ?? "");
      if (proxy.echo && !isToken) {
        const status = ECHO_STATUSES[next++ % ECHO_STATUSES.length] ?? 400;
        const echoed = `${authorization} ${request.url ?? ""} ${body.toString("utf8")}`;
        response.writeHead(status, {
          "Content-Type": "application/json",
          "MS-CV": "echo.0",
          "Retry-After": "0",
          "WWW-Authenticate": `Bearer error="${authorization}"`,
          "X-Echo": authorization,
        });
        response.end(
          JSON.stringify({
            error: {
              code: "Echo",
              message: `You sent ${echoed}`,
              target: authorization,
              details: [{ code: "EchoDetail", message: echoed }],
              innerError: { code: "EchoInner", message: echoed },
            },
          }),
        );
        return;
      }
      // Forwarded with its Host header, so the emulator's @nextLink points back at the proxy.
      const upstream = httpRequest({
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      });
      upstream.on("error", () => request.socket.destroy());
      upstream.on("response", (answer) => {
        void readBody(answer).then((answerBody) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(answerBody);
        });
      });
      upstream.end(body);
    })().catch(() => request.socket.destroy());
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    credentials,
    get echo() {
      return proxy.echo;
    },
    set echo(value: boolean) {
      proxy.echo = value;
    },
    close: listening.close,
  };
}
