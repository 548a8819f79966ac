// A spec change reaches every layer, or fails the type check. Each test copies the package to a
// temporary folder with an edited swagger/, regenerates src/generated there, type-checks the copy
// and (for the api-version bump) runs the copy's client against the copy's emulator. The repository's
// own src/generated is never touched.
import assert from "node:assert/strict";
import type { SpecVariant } from "./support/specVariant";
import { createSpecVariant } from "./support/specVariant";
import type { ProcessResult } from "../generator/runAutorest";
import { tail } from "../generator/runAutorest";

type Json = Record<string, unknown>;

const bumpedVersion = "2021-10-01";
const bumpedStsVersion = "2022-02-02-preview";

function relabel(version: string): (spec: Json) => void {
  return (spec) => {
    (spec["info"] as Json)["version"] = version;
  };
}

/** The program run inside the copy: create, get, list and stop a session on the copy's emulator. */
const bumpProgram = `
import { AzureKeyCredential, RemoteRenderingClient, remoteRenderingApiVersion, stsApiVersion } from "./src/index";
import { DEFAULT_EMULATOR_ACCOUNT, ManualClock, startEmulator } from "./src/emulator/index";

async function main(): Promise<void> {
  const lines: string[] = [];
  const clock = new ManualClock();
  const emulator = await startEmulator({ clock, logger: (line) => lines.push(line) });
  try {
    const account = DEFAULT_EMULATOR_ACCOUNT;
    const client = new RemoteRenderingClient(
      emulator.url,
      account.accountId,
      "emulator.localhost",
      new AzureKeyCredential(account.accountKey),
      { authenticationEndpointUrl: emulator.url, allowInsecureConnection: true },
    );
    const poller = client.beginSession("bumped", { maxLeaseTimeInMinutes: 5, size: "Standard" }, { intervalInMs: 10 });
    await poller.submitted();
    clock.advance(60_000);
    const ready = await poller.pollUntilDone();
    const read = await client.getSession("bumped");
    const listed: string[] = [];
    for await (const session of client.listSessions()) listed.push(session.sessionId);
    await client.endSession("bumped");
    const versions = lines.map((line) => /[?]api-version=(\\S+)/.exec(line)?.[1] ?? "none");
    console.log(JSON.stringify({ remoteRenderingApiVersion, stsApiVersion, ready: ready.status, read: read.sessionId, listed, versions, lines }));
  } finally {
    await emulator.close();
  }
}
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`;

/** Renames the required maxLeaseTimeMinutes of create_session_settings (the generated CreateSessionSettings). */
function renameLeaseField(spec: Json): void {
  const definition = (spec["definitions"] as Record<string, Json>)["create_session_settings"];
  assert.ok(definition !== undefined, "the spec has no create_session_settings");
  const properties = definition["properties"] as Json;
  assert.ok("maxLeaseTimeMinutes" in properties);
  properties["leaseMinutes"] = properties["maxLeaseTimeMinutes"];
  delete properties["maxLeaseTimeMinutes"];
  definition["required"] = (definition["required"] as string[]).map((name) =>
    name === "maxLeaseTimeMinutes" ? "leaseMinutes" : name,
  );
}

describe("regeneration: a spec change reaches every layer or fails the type check", function () {
  this.timeout(300_000);
  let bump: SpecVariant;
  let rename: SpecVariant;
  // Both copies generate at once: AutoRest spends much of its time starting up.
  let generations: Promise<[ProcessResult, ProcessResult]>;
  before(() => {
    bump = createSpecVariant({
      "remote-rendering.json": relabel(bumpedVersion),
      "sts.json": relabel(bumpedStsVersion),
    });
    rename = createSpecVariant({ "remote-rendering.json": renameLeaseField });
    generations = Promise.all([bump.generate(), rename.generate()]);
    generations.catch(() => undefined);
  });
  after(() => {
    bump.remove();
    rename.remove();
  });

  it("a new api-version in the specs is what the client, the token exchange and the emulator use", async () => {
    const variant = bump;
    const [generated] = await generations;
    assert.equal(generated.exitCode, 0, `AutoRest failed:\n${tail(generated.output)}`);
    const checked = await variant.typeCheck();
    assert.equal(checked.exitCode, 0, `the copy does not type-check:\n${tail(checked.output)}`);

    const ran = await variant.run("bump.ts", bumpProgram);
    assert.equal(ran.exitCode, 0, `the copy's client failed against its emulator:\n${tail(ran.output)}`);
    const report = JSON.parse(ran.output.trim().split("\n").pop() ?? "{}") as {
      remoteRenderingApiVersion: string;
      stsApiVersion: string;
      ready: string;
      read: string;
      listed: string[];
      versions: string[];
      lines: string[];
    };
    assert.equal(report.remoteRenderingApiVersion, bumpedVersion);
    assert.equal(report.stsApiVersion, bumpedStsVersion);
    assert.equal(report.ready, "Ready");
    assert.equal(report.read, "bumped");
    assert.deepEqual(report.listed, ["bumped"]);
    // Every request on the wire: the token exchange first, then create, polls, get, list and stop.
    const tokenRequests = report.lines.filter((line) => /\/token\b/i.test(line));
    assert.ok(tokenRequests.length >= 1, report.lines.join("\n"));
    for (const line of report.lines) {
      const expected = /\/token\b/i.test(line) ? bumpedStsVersion : bumpedVersion;
      assert.match(line, new RegExp(`[?]api-version=${expected} `), line);
      assert.match(line, / 20[014] /, `the emulator refused a request: ${line}`);
    }
    assert.ok(
      report.lines.some((line) => /^\S+ POST \S+:stop/.test(line)),
      "no stop request",
    );
  });

  it("a renamed required field of CreateSessionSettings fails the type check of src/customizations, naming it", async () => {
    const variant = rename;
    const [, generated] = await generations;
    assert.equal(generated.exitCode, 0, `AutoRest failed:\n${tail(generated.output)}`);
    const checked = await variant.typeCheck();
    assert.notEqual(checked.exitCode, 0, "the copy type-checked although a required field was renamed");
    const errors = checked.output.split("\n").filter((line) => /error TS\d+/.test(line));
    assert.ok(
      errors.some(
        (line) => /src[\\/]customizations[\\/]/.test(line) && /maxLeaseTimeMinutes|leaseMinutes/.test(line),
      ),
      `no type error in src/customizations names the field:\n${errors.join("\n")}`,
    );
  });
});
