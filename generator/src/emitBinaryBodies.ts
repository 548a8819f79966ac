// The part of the factory file that makes binary answers arrive as bytes. core-client decodes every
// buffered body as text (a PNG would come back as a damaged string), while the response types say
// `Uint8Array`, as @autorest/typescript's do: for the operations that answer bytes, the factory
// wraps `client.path(...)` so that awaiting the call reads the body as a stream and hands over its
// bytes. `.asNodeStream()` and `.asBrowserStream()` are left as they are; `pathUnchecked` too.
import type { OperationModel } from "./clientModel";

/** `"GET /files/stream/nonempty": ["200"]`: the statuses whose declared answer is bytes, per route. */
export function binaryRoutes(operations: readonly OperationModel[]): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const operation of operations) {
    const statuses = operation.responses
      .filter((response) => response.binary)
      .map((response) => response.status);
    if (statuses.length > 0) {
      routes.set(`${operation.method.toUpperCase()} ${operation.path}`, statuses);
    }
  }
  return routes;
}

/** The declarations of the factory file (the route table and its helpers); empty without binary answers. */
export function binaryBodiesHelpers(operations: readonly OperationModel[]): string {
  const routes = binaryRoutes(operations);
  if (routes.size === 0) {
    return "";
  }
  const table = [...routes.entries()]
    .map(([route, statuses]) => `${JSON.stringify(route)}: ${JSON.stringify(statuses)},\n`)
    .join("");
  return [
    "/** The statuses whose answer is bytes, by method and path template. */\n",
    `const binaryResponses: Record<string, string[]> = {\n${table}};\n`,
    helpers,
  ].join("");
}

const helpers = `
type SendRequest = (options?: RequestParameters) => StreamableMethod;

/** The client whose \`path(...)\` resources answer the binary routes with bytes. */
function withBinaryBodies<TClient extends Client>(client: TClient): TClient {
  const path = client.path as (route: string, ...pathParameters: unknown[]) => Record<string, SendRequest>;
  const binaryPath = (route: string, ...pathParameters: unknown[]): Record<string, SendRequest> => {
    const resource = path(route, ...pathParameters);
    return Object.fromEntries(
      Object.entries(resource).map(([verb, send]): [string, SendRequest] => {
        const statuses = binaryResponses[\`\${verb.toUpperCase()} \${route}\`];
        return [verb, statuses === undefined ? send : (options) => bytesOf(send(options), statuses)];
      }),
    );
  };
  return { ...client, path: binaryPath as unknown as TClient["path"] };
}

/** The call, whose awaited answer carries bytes when its status and content type say so. */
function bytesOf(method: StreamableMethod, statuses: readonly string[]): StreamableMethod {
  let answer: Promise<PathUncheckedResponse> | undefined;
  const read = async (): Promise<PathUncheckedResponse> => {
    const runtime = globalThis as { process?: { versions?: { node?: unknown } } };
    const inNode = typeof runtime.process?.versions?.node === "string";
    const response = inNode ? await method.asNodeStream() : await method.asBrowserStream();
    const bytes = await readBytes(response.body);
    const mediaType = (response.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const isText = mediaType === "text/plain" || mediaType === "application/json" || mediaType.endsWith("+json");
    return { ...response, body: statuses.includes(response.status) && !isText ? bytes : parseText(bytes, mediaType) };
  };
  return {
    then: (onFulfilled, onRejected) => (answer ??= read()).then(onFulfilled, onRejected),
    asNodeStream: () => method.asNodeStream(),
    asBrowserStream: () => method.asBrowserStream(),
  };
}

/** Every byte of a Node.js or web stream. */
async function readBytes(body: unknown): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  if (body !== undefined && body !== null) {
    if (typeof (body as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === "function") {
      for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
        chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
      }
    } else {
      const reader = (body as { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } }).getReader();
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        chunks.push(part.value ?? new Uint8Array(0));
      }
    }
  }
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** A body that is not bytes (an error, or text), read as core-client reads it. */
function parseText(bytes: Uint8Array, mediaType: string): unknown {
  const text = new TextDecoder().decode(bytes);
  if (mediaType === "text/plain") {
    return text;
  }
  try {
    return text === "" ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}
`;
