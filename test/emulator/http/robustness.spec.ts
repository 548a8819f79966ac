import assert from "node:assert/strict";
import net from "node:net";
import type { WireSession } from "../../../src/emulator/operations/wireTypes";
import {
  callUrl,
  dataPlaneUrl,
  errorOf,
  startHarness,
  type Answer,
  type Harness,
} from "../support/emulatorHarness";

const MS_CV = /^[A-Za-z0-9+/]{22}\.0$/;

/** Sends raw bytes and returns whatever comes back before the server closes the connection. */
function rawExchange(url: string, payload: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(Buffer.from(payload, "latin1")));
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("utf8")));
    socket.on("end", () => resolve(received));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

/**
 * Sends `payload` and never finishes the request. Resolves with what came back once the server has
 * closed the connection for good: the client keeps its side open and probes with writes, which fail
 * only when the server's socket is gone (a half-closed socket that is held accepts them).
 */
function slowExchange(url: string, payload: string): Promise<{ reply: string; closedAfterInMs: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port: Number(port), host: hostname, allowHalfOpen: true }, () =>
      socket.write(payload),
    );
    let received = "";
    let probe: NodeJS.Timeout | undefined;
    const timeout = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server still holds the connection; received ${JSON.stringify(received)}`));
    }, 5000);
    const done = (): void => {
      clearTimeout(timeout);
      clearInterval(probe);
      socket.destroy();
      resolve({ reply: received, closedAfterInMs: Date.now() - started });
    };
    socket.on("data", (chunk) => (received += chunk.toString("utf8")));
    socket.on("end", () => {
      probe = setInterval(() => socket.write("x"), 50);
    });
    socket.on("error", done);
    socket.on("close", done);
  });
}

describe("emulator robustness (raw HTTP)", () => {
  let harness: Harness;
  const answers: Answer[] = [];
  const track = async (pending: Promise<Answer>): Promise<Answer> => {
    const answer = await pending;
    answers.push(answer);
    return answer;
  };

  beforeEach(async () => {
    harness = await startHarness({ maxBodySizeInBytes: 2048 });
    answers.length = 0;
  });
  afterEach(async () => {
    // Whatever a test sent, the emulator never answered with a 5xx, and always with an MS-CV.
    for (const answer of answers) {
      assert.ok(answer.status < 500, `unexpected ${answer.status}: ${answer.text}`);
      assert.match(answer.headers.get("ms-cv") ?? "", MS_CV);
    }
    await harness.close();
  });

  it("answers malformed JSON, a missing body and bytes that are not UTF-8 with 400", async () => {
    for (const rawBody of ["{", '{"maxLeaseTimeMinutes": 5,', "nul", "\u0000"]) {
      const answer = await track(
        harness.call("PUT", "/sessions/json-1", { rawBody, headers: { "Content-Type": "application/json" } }),
      );
      assert.equal(answer.status, 400, rawBody);
      assert.equal(errorOf(answer).target, "body");
      assert.match(errorOf(answer).message, /not valid JSON/);
    }
    const empty = await track(
      harness.call("PUT", "/sessions/json-1", { headers: { "Content-Type": "application/json" } }),
    );
    assert.equal(empty.status, 400);
    assert.match(errorOf(empty).message, /required/);
    const notUtf8 = await track(
      harness.call("PUT", "/sessions/json-1", {
        rawBody: Buffer.from([0x7b, 0xff, 0x7d]),
        headers: { "Content-Type": "application/json" },
      }),
    );
    assert.equal(notUtf8.status, 400);
  });

  it("answers a body of another content type with 415", async () => {
    for (const contentType of ["text/plain", "application/xml", "application/x-www-form-urlencoded"]) {
      const answer = await track(
        harness.call("PUT", "/sessions/ct-1", {
          rawBody: JSON.stringify({ maxLeaseTimeMinutes: 5, size: "Standard" }),
          headers: { "Content-Type": contentType },
        }),
      );
      assert.equal(answer.status, 415, contentType);
      assert.equal(errorOf(answer).code, "UnsupportedMediaType");
    }
    const charset = await track(
      harness.call("PUT", "/sessions/ct-1", {
        rawBody: JSON.stringify({ maxLeaseTimeMinutes: 5, size: "Standard" }),
        headers: { "Content-Type": "application/json; charset=utf-8" },
      }),
    );
    assert.equal(charset.status, 201);
  });

  it("answers oversized bodies with 413 and keeps serving", async () => {
    const big = JSON.stringify({ maxLeaseTimeMinutes: 5, size: "Standard", padding: "x".repeat(200_000) });
    const answer = await track(
      harness.call("PUT", "/sessions/big-1", {
        rawBody: big,
        headers: { "Content-Type": "application/json" },
      }),
    );
    assert.equal(answer.status, 413);
    assert.equal(errorOf(answer).code, "PayloadTooLarge");
    const streamed = await fetch(
      dataPlaneUrl(harness.emulator.url, harness.account.accountId, "/sessions/big-2"),
      {
        method: "PUT",
        headers: { Authorization: `Bearer ${harness.token}`, "Content-Type": "application/json" },
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode("x".repeat(1000)));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit,
    );
    assert.equal(streamed.status, 413, "a chunked body over the limit");
    await streamed.text();
    const huge = await rawExchange(
      harness.emulator.url,
      `PUT /accounts/${harness.account.accountId}/sessions/big-3?api-version=2021-01-01 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{`,
    );
    assert.match(huge, /^HTTP\/1\.1 413 /);
    assert.match(huge, /\r\nMS-CV: [A-Za-z0-9+/]{22}\.0\r\n/i);
    assert.equal((await track(harness.call("GET", "/sessions"))).status, 200);
  });

  it("answers unknown paths 404 and unknown methods 405, with error_response bodies", async () => {
    for (const path of [
      "/",
      "/accounts",
      "/nothing/here",
      "/accounts/x/sessions/y/z/w",
      "/accounts/%E0%A4%A/sessions",
    ]) {
      const answer = await track(callUrl("GET", `${harness.emulator.url}${path}`));
      assert.equal(answer.status, 404, path);
      assert.equal(errorOf(answer).code, "NotFound");
    }
    for (const [method, path, allowed] of [
      ["DELETE", "/sessions/x", "GET, PUT, PATCH"],
      ["POST", "/sessions", "GET"],
      ["GET", "/sessions/x/:stop", "POST"],
      ["PATCH", "/conversions/x", "GET, PUT"],
    ] as const) {
      const answer = await track(harness.call(method, path));
      assert.equal(answer.status, 405, `${method} ${path}`);
      assert.equal(answer.headers.get("allow"), allowed);
      assert.equal(errorOf(answer).code, "MethodNotAllowed");
    }
  });

  it("requires one supported api-version on the data plane", async () => {
    const missing = await track(harness.call("GET", "/sessions", { apiVersion: null }));
    assert.equal(missing.status, 400);
    assert.equal(errorOf(missing).target, "api-version");
    for (const apiVersion of ["2020-01-01", "latest", ""]) {
      const answer = await track(harness.call("GET", "/sessions", { apiVersion }));
      assert.equal(answer.status, 400, apiVersion);
      assert.equal(errorOf(answer).target, "api-version");
    }
    const twice = await track(
      callUrl(
        "GET",
        `${dataPlaneUrl(harness.emulator.url, harness.account.accountId, "/sessions")}&api-version=2021-01-01-preview`,
        {
          token: harness.token,
        },
      ),
    );
    assert.equal(twice.status, 400);
    const preview = await track(harness.call("GET", "/sessions", { apiVersion: "2021-01-01-preview" }));
    assert.equal(preview.status, 200);
    assert.equal(preview.headers.get("api-supported-versions"), "2021-01-01-preview, 2021-01-01");
  });

  it("answers bytes that are not HTTP (400) and unknown methods (405) with an error_response and an MS-CV", async () => {
    const reply = await rawExchange(
      harness.emulator.url,
      "GET / HTTP/1.1\r\nno colon in this header\r\n\r\n",
    );
    assert.match(reply, /^HTTP\/1\.1 400 /);
    assert.match(reply, /\r\nMS-CV: [A-Za-z0-9+/]{22}\.0\r\n/);
    const body = JSON.parse(reply.slice(reply.indexOf("\r\n\r\n") + 4)) as { error: { code: string } };
    assert.equal(body.error.code, "BadRequest");
    const unknownMethod = await rawExchange(
      harness.emulator.url,
      `FROB /accounts/${harness.account.accountId}/sessions?api-version=2021-01-01 HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    assert.match(unknownMethod, /^HTTP\/1\.1 405 /);
    assert.match(unknownMethod, /"code":"MethodNotAllowed"/);
    // Bytes that are not HTTP at all (a TLS handshake, a binary protocol) are a 400, as documented.
    for (const noise of [
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
      "\x00\x01\x02\x03",
      '{"json": 1}\r\n\r\n',
    ]) {
      const reply = await rawExchange(harness.emulator.url, noise);
      assert.match(reply, /^HTTP\/1\.1 400 /, JSON.stringify(noise));
      assert.match(reply, /"code":"BadRequest"/);
    }
    assert.equal(harness.logs.filter((line) => line.includes("(unreadable request)")).length, 5);
    assert.equal((await track(harness.call("GET", "/sessions"))).status, 200);
  });

  it("answers CONNECT with 405 and closes the connection", async () => {
    const reply = await rawExchange(
      harness.emulator.url,
      "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
    );
    assert.match(reply, /^HTTP\/1\.1 405 /);
    assert.match(reply, /\r\nMS-CV: [A-Za-z0-9+/]{22}\.0\r\n/);
    assert.match(reply, /"code":"MethodNotAllowed"/);
    assert.match(reply, /not a proxy/);
  });

  it("answers a client too slow with its headers or its body 408, and closes the connection", async () => {
    const slow = await startHarness({ headersTimeoutInMs: 300, requestTimeoutInMs: 600, logger: false });
    try {
      const partialHeaders = await slowExchange(
        slow.emulator.url,
        "GET /_emulator/clock HTTP/1.1\r\nHost: x\r\n",
      );
      assert.match(partialHeaders.reply, /^HTTP\/1\.1 408 /);
      assert.match(partialHeaders.reply, /\r\nMS-CV: [A-Za-z0-9+/]{22}\.0\r\n/);
      assert.match(partialHeaders.reply, /"code":"RequestTimeout"/);
      assert.ok(partialHeaders.closedAfterInMs < 2500, `closed after ${partialHeaders.closedAfterInMs} ms`);
      const partialBody = await slowExchange(
        slow.emulator.url,
        `PUT /accounts/${slow.account.accountId}/sessions/slow?api-version=2021-01-01 HTTP/1.1\r\nHost: x\r\n` +
          `Authorization: Bearer ${slow.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
      );
      assert.match(partialBody.reply, /^HTTP\/1\.1 408 /);
      assert.ok(partialBody.closedAfterInMs < 3000, `closed after ${partialBody.closedAfterInMs} ms`);
      assert.equal((await slow.call("GET", "/sessions/slow")).status, 404, "the slow create did nothing");
    } finally {
      await slow.close();
    }
    await assert.rejects(
      startHarness({ headersTimeoutInMs: 1000, requestTimeoutInMs: 500 }),
      /^RangeError: requestTimeoutInMs /,
    );
  });

  it("handles concurrent requests safely", async () => {
    const same = await Promise.all(
      Array.from({ length: 40 }, () =>
        track(
          harness.call("PUT", "/sessions/contended", { body: { maxLeaseTimeMinutes: 5, size: "Standard" } }),
        ),
      ),
    );
    assert.equal(same.filter((answer) => answer.status === 201).length, 1);
    assert.equal(same.filter((answer) => answer.status === 200).length, 39);
    const created = new Set(same.map((answer) => (answer.body as WireSession).creationTime));
    assert.equal(created.size, 1, "everyone sees the same session");

    const distinct = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        track(
          harness.call("PUT", `/sessions/many-${i}`, { body: { maxLeaseTimeMinutes: 5, size: "Standard" } }),
        ),
      ),
    );
    assert.ok(distinct.every((answer) => answer.status === 201));
    const list = await track(harness.call("GET", "/sessions"));
    assert.equal((list.body as { sessions: unknown[] }).sessions.length, 50, "first page of 61 sessions");
  });

  it("answers CORS preflights and marks every answer for cross-origin use", async () => {
    const preflight = await fetch(
      `${harness.emulator.url}/accounts/${harness.account.accountId}/sessions/x?api-version=2021-01-01`,
      {
        method: "OPTIONS",
        headers: {
          Origin: "http://localhost:3000",
          "Access-Control-Request-Method": "PUT",
          "Access-Control-Request-Headers": "authorization, content-type, x-mrc-cv",
        },
      },
    );
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
    assert.match(preflight.headers.get("access-control-allow-methods") ?? "", /\bPUT\b.*\bPATCH\b/);
    assert.equal(
      preflight.headers.get("access-control-allow-headers"),
      "authorization, content-type, x-mrc-cv",
    );
    assert.match(preflight.headers.get("ms-cv") ?? "", MS_CV);
    const normal = await track(
      harness.call("GET", "/sessions", { headers: { Origin: "http://localhost:3000" } }),
    );
    assert.equal(normal.headers.get("access-control-allow-origin"), "*");
    assert.match(normal.headers.get("access-control-expose-headers") ?? "", /MS-CV.*Retry-After/);
  });

  it("writes one log line per request", async () => {
    const before = harness.logs.length;
    await track(harness.call("GET", "/sessions"));
    await track(harness.call("GET", "/sessions/none"));
    await track(callUrl("GET", `${harness.emulator.url}/nowhere`));
    const lines = harness.logs.slice(before);
    assert.equal(lines.length, 3);
    assert.match(
      lines[0] ?? "",
      /^\S+Z GET \/accounts\/[0-9a-f-]+\/sessions\?api-version=2021-01-01 200 [\d.]+ms ms-cv=\S+$/,
    );
    assert.match(lines[1] ?? "", / 404 /);
    assert.match(lines[2] ?? "", /GET \/nowhere 404 /);
  });
});
