// `arr session start` interrupted while its creation request is still on its way: a proxy in front
// of the emulator holds every PUT without answering (or forwarding) it, so the session never exists.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { makeTmpDir, parseJson, show, spawnArr, type ArrResult } from "./support/arrProcess";
import { startTestEmulator, type TestEmulator } from "./support/testEmulator";

describe("arr session start interrupted while creating", function () {
  let tmp: ReturnType<typeof makeTmpDir>;
  let emu: TestEmulator;
  let proxy: http.Server;
  let proxyUrl: string;
  const heldPuts: ((id: string) => void)[] = [];

  before(async () => {
    tmp = makeTmpDir("creating");
    emu = await startTestEmulator();
    const target = new URL(emu.emulator.url);
    proxy = http.createServer((request, response) => {
      if (request.method === "PUT") {
        const id = /\/sessions\/([^/?]+)/.exec(request.url ?? "")?.[1] ?? "";
        heldPuts.splice(0).forEach((notify) => notify(id));
        return; // held: never answered, never forwarded
      }
      const forwarded = http.request(
        { host: target.hostname, port: target.port, path: request.url, method: request.method },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined && name !== "host") forwarded.setHeader(name, value);
      }
      request.pipe(forwarded);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  after(async () => {
    proxy.closeAllConnections();
    proxy.close();
    await emu.close();
    tmp.remove();
  });

  /** Starts `arr session start --id ID ...extra`, interrupts it once its PUT is held, and waits. */
  async function interruptCreation(id: string, extra: string[]): Promise<ArrResult> {
    const held = new Promise<string>((resolve) => heldPuts.push(resolve));
    const arr = spawnArr(["session", "start", "--id", id, ...extra], {
      tmpDir: tmp.dir,
      // Requests go through the proxy; tokens come from the emulator's own token service.
      env: { ...emu.env, ARR_ENDPOINT: proxyUrl, ARR_AUTHENTICATION_ENDPOINT: emu.emulator.url },
    });
    assert.equal(await held, id);
    arr.interrupt("SIGINT");
    return arr.exited;
  }

  it("says the session may have been created, with the command that stops it", async () => {
    const result = await interruptCreation("maybe-1", []);
    assert.equal(result.code, 130, show(result));
    assert.match(result.stderr, /Session maybe-1 may have been created; if so it runs until/);
    assert.match(result.stderr, /To stop it:\n {2}arr session stop maybe-1\n/);
  });

  it("with --stop-on-interrupt, says nothing was created instead of failing on the stop", async () => {
    const result = await interruptCreation("never-1", ["--stop-on-interrupt", "--json"]);
    assert.equal(result.code, 130, show(result));
    assert.deepEqual(parseJson(result), { id: "never-1", interrupted: true, stopped: false, created: false });
    assert.match(result.stderr, /Interrupted: session never-1 was not created; there is nothing to stop\./);
    await assert.rejects(emu.client.getSession("never-1"), { statusCode: 404 });
  });
});
