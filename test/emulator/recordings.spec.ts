// Fidelity against recordings of the real service: every recorded .NET exchange is replayed on the
// emulator (on a manual clock moved forward until the recorded status is reached) and the answers
// are compared: status codes, headers, field order and JSON types, and the exact values that the
// service derives from the request (settings normalization, output URIs, error codes and messages).
// The Java recordings, which kept no request bodies, are compared by shape.
import assert from "node:assert/strict";
import { ManualClock, startEmulator, type RunningEmulator } from "../../src/emulator/index";
import { callUrl, fetchToken, type Answer } from "./support/emulatorHarness";
import {
  RECORDINGS_FOLDER,
  netRecordingNames,
  readJavaExchanges,
  readNetRecording,
  recordingsAvailable,
  type RecordedExchange,
} from "./support/upstreamRecordings";

const MS_CV = /^[A-Za-z0-9+/]{22}\.0$/;
const SESSION_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?\+00:00$/;
const CONVERSION_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$/;
const ACCOUNT_ID = "1b405859-8af9-47e6-941d-9205163c0f63";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Same keys in the same order and the same JSON types, recursively (first array item only). */
function assertSameShape(recorded: unknown, emulated: unknown, where: string): void {
  assert.equal(typeOf(emulated), typeOf(recorded), `${where}: JSON type`);
  if (Array.isArray(recorded) && Array.isArray(emulated)) {
    if (recorded.length > 0 && emulated.length > 0) assertSameShape(recorded[0], emulated[0], `${where}[0]`);
    return;
  }
  if (typeOf(recorded) !== "object") return;
  const recordedObject = recorded as Record<string, unknown>;
  const emulatedObject = emulated as Record<string, unknown>;
  assert.deepEqual(
    Object.keys(emulatedObject),
    Object.keys(recordedObject),
    `${where}: fields and their order`,
  );
  for (const key of Object.keys(recordedObject))
    assertSameShape(recordedObject[key], emulatedObject[key], `${where}.${key}`);
}

function kindOf(exchange: { target: string; body: unknown }): string {
  const body = exchange.body as Record<string, unknown> | undefined;
  if (body === undefined) return "empty";
  if ("error" in body && !("id" in body)) return "error";
  if ("sessions" in body) return "session list";
  if ("conversions" in body) return "conversion list";
  return exchange.target.includes("/sessions/") ? "session" : "conversion";
}

function assertSameValues(
  recorded: Record<string, Json>,
  emulated: Record<string, Json>,
  where: string,
): void {
  const kind = "settings" in recorded ? "conversion" : "session";
  const exact =
    kind === "conversion"
      ? ["id", "status", "settings", "output", "error"]
      : ["id", "status", "size", "maxLeaseTimeMinutes", "error", "elapsedTimeMinutes"];
  for (const key of exact) assert.deepEqual(emulated[key], recorded[key], `${where}.${key}`);
  if (kind === "session") {
    for (const key of ["hostname", "handshakePort", "arrInspectorPort", "teraflops"]) {
      const placeholder = (value: Json | undefined) => value === null || value === 0;
      assert.equal(
        placeholder(emulated[key]),
        placeholder(recorded[key]),
        `${where}.${key} is a placeholder in both`,
      );
    }
    assert.match(String(emulated["creationTime"]), SESSION_TIME);
    assert.match(String(recorded["creationTime"]), SESSION_TIME);
  } else {
    assert.match(String(emulated["creationTime"]), CONVERSION_TIME);
    assert.match(String(recorded["creationTime"]), CONVERSION_TIME);
  }
}

function assertSameHeaders(recorded: RecordedExchange, answer: Answer, where: string): void {
  assert.match(recorded.headers["ms-cv"] ?? "", MS_CV, `${where}: recorded MS-CV`);
  assert.match(answer.headers.get("ms-cv") ?? "", MS_CV, `${where}: MS-CV`);
  assert.equal(
    answer.headers.get("api-supported-versions"),
    recorded.headers["api-supported-versions"],
    where,
  );
  assert.equal(
    answer.headers.get("content-type") ?? undefined,
    recorded.headers["content-type"],
    `${where}: Content-Type`,
  );
  assert.equal(
    answer.headers.get("cache-control") !== null,
    "cache-control" in recorded.headers,
    `${where}: Cache-Control`,
  );
  for (const [name, value] of Object.entries(recorded.headers)) {
    if (VARYING_HEADERS.has(name)) continue;
    assert.equal(answer.headers.get(name), value, `${where}: recorded header ${name}`);
  }
}

/** Recorded headers whose values differ from answer to answer. */
const VARYING_HEADERS = new Set(["date", "ms-cv", "content-length"]);

const LIFECYCLE = ["Starting", "NotStarted", "Running", "Ready", "Succeeded", "Failed", "Stopped"];

describe("emulator fidelity to recorded service traffic", function () {
  const samples = new Map<string, unknown>();

  before(function () {
    if (!recordingsAvailable()) {
      console.log(`    (skipped: the recordings folder ${RECORDINGS_FOLDER} is not there)`);
      this.skip();
    }
  });

  async function replay(name: string): Promise<void> {
    const clock = new ManualClock(Date.now());
    const account = { accountId: ACCOUNT_ID, accountKey: "replay-key" };
    const emulator: RunningEmulator = await startEmulator({
      accounts: [account],
      clock,
      logger: false,
      sessionStartupInSeconds: { Standard: 150 },
      conversionPhasesInSeconds: { notStarted: 10, running: 30 },
    });
    try {
      const token = await fetchToken(emulator.url, account);
      for (const [index, recorded] of readNetRecording(name).entries()) {
        const where = `${name}#${index} ${recorded.method} ${recorded.target.split("?")[0]}`;
        const send = () =>
          callUrl(recorded.method, `${emulator.url}${recorded.target}`, {
            token,
            ...(recorded.requestBody === null ? {} : { body: recorded.requestBody }),
          });
        let answer = await send();
        const wanted = (recorded.body as { status?: string } | undefined)?.status;
        for (let step = 0; step < 60 && recorded.method === "GET" && wanted !== undefined; step += 1) {
          const current = (answer.body as { status?: string } | undefined)?.status ?? "";
          if (current === wanted || LIFECYCLE.indexOf(current) > LIFECYCLE.indexOf(wanted)) break;
          clock.advance(10_000);
          answer = await send();
        }
        assert.equal(answer.status, recorded.status, `${where}: status code (${answer.text})`);
        assertSameHeaders(recorded, answer, where);
        const kind = kindOf(recorded);
        assert.equal(kindOf({ target: recorded.target, body: answer.body }), kind, where);
        if (kind === "empty") continue;
        samples.set(`${kind} ${wanted ?? ""} ${recorded.status}`, answer.body);
        if (kind === "session list" || kind === "conversion list") {
          assert.deepEqual(Object.keys(answer.body as object), Object.keys(recorded.body as object), where);
          assert.equal(
            typeOf((answer.body as Record<string, unknown>)["@nextLink"]),
            typeOf((recorded.body as Record<string, unknown>)["@nextLink"]),
            where,
          );
          const items =
            (answer.body as Record<string, Json[]>)[kind === "session list" ? "sessions" : "conversions"] ??
            [];
          const recordedItems = (recorded.body as Record<string, Array<Record<string, Json>>>)[
            kind === "session list" ? "sessions" : "conversions"
          ];
          for (const item of items as Array<Record<string, Json>>) {
            const twin = recordedItems?.find((candidate) => candidate["id"] === item["id"]);
            assert.ok(twin !== undefined, `${where}: ${String(item["id"])} is in the recorded list`);
            assertSameShape(twin, item, `${where} item ${String(item["id"])}`);
            assertSameValues(twin, item, `${where} item ${String(item["id"])}`);
          }
          continue;
        }
        if (kind === "error") {
          const recordedError = (recorded.body as { error: Record<string, Json> }).error;
          const emulatedError = (answer.body as { error: Record<string, Json> }).error;
          assert.deepEqual(Object.keys(emulatedError), Object.keys(recordedError), `${where}: error fields`);
          assert.equal(emulatedError["code"], recordedError["code"], `${where}: error code`);
          assert.equal(emulatedError["message"], recordedError["message"], `${where}: error message`);
          continue;
        }
        assertSameShape(recorded.body, answer.body, where);
        assertSameValues(recorded.body as Record<string, Json>, answer.body as Record<string, Json>, where);
      }
    } finally {
      await emulator.close();
    }
  }

  for (const name of recordingsAvailable() ? netRecordingNames() : []) {
    it(`replays ${name}`, async () => {
      await replay(name);
    });
  }

  it("answers with bodies shaped like every Java recording", function () {
    if (samples.size === 0) this.skip();
    let compared = 0;
    for (const recorded of readJavaExchanges()) {
      const kind = kindOf(recorded);
      if (kind === "empty") continue;
      const status = (recorded.body as { status?: string }).status ?? "";
      const sample =
        samples.get(`${kind} ${status} ${recorded.status}`) ?? samples.get(`${kind}  ${recorded.status}`);
      assert.ok(sample !== undefined, `${recorded.file}: the .NET replays produced a ${kind} ${status}`);
      if (kind === "error") {
        assert.equal(
          (sample as { error: { code: string } }).error.code,
          (recorded.body as { error: { code: string } }).error.code,
          recorded.file,
        );
      } else {
        assertSameShape(recorded.body, sample, `${recorded.file} ${recorded.method} ${kind} ${status}`);
      }
      assert.match(recorded.headers["ms-cv"] ?? "", MS_CV);
      compared += 1;
    }
    assert.ok(compared > 20, `compared ${compared} Java answers`);
  });
});
