import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";

describe("test harness", () => {
  it("refuses connections to non-loopback hosts before they leave the machine", async () => {
    const error = await new Promise<Error>((resolve) => {
      http.get("http://192.0.2.1:9/", () => resolve(new Error("unexpected response"))).on("error", resolve);
    });
    assert.equal(error.name, "NetConnectNotAllowedError");
  });

  it("lets real HTTP through to loopback servers", async () => {
    const server = http.createServer((_req, res) => res.end("pong"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(await response.text(), "pong");
    } finally {
      server.close();
    }
  });
});
