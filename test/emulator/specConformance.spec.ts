// The emulator against swagger/remote-rendering.json, read at test time: the spec's own example
// bodies are accepted and every answer conforms to the response schema the spec declares for its
// status; a body without a property the spec requires, or with it of the wrong type, is refused with
// 400 naming it; a body without an optional property is accepted. The emulator keeps its own wire
// types (it may not import the generated client), so this is what keeps the two from drifting: a
// property renamed, added or retyped in the spec fails here until the emulator follows.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EMULATOR_ACCOUNT } from "../../src/emulator/index";
import type { Answer, Harness } from "./support/emulatorHarness";
import { errorOf, startHarness } from "./support/emulatorHarness";
import type { Schema } from "./support/specSchema";
import { optionalPaths, readSpec, requiredPaths, resolve, schemaAt, validate } from "./support/specSchema";

const spec = readSpec();

interface Operation {
  method: string;
  path: string;
  operationId: string;
  schema: Schema;
}

const operations: Operation[] = Object.entries(spec.paths).flatMap(([route, methods]) =>
  Object.entries(methods)
    .filter(([method]) => method !== "parameters")
    .map(([method, schema]) => ({
      method: method.toUpperCase(),
      path: route,
      operationId: String(schema["operationId"]),
      schema,
    })),
);

function operation(operationId: string): Operation {
  const found = operations.find((candidate) => candidate.operationId === operationId);
  assert.ok(found !== undefined, `the spec has no ${operationId}`);
  return found;
}

function bodySchema(op: Operation): Schema {
  const parameters = op.schema["parameters"] as Schema[];
  const body = parameters.find((parameter) => parameter["in"] === "body");
  assert.ok(body !== undefined, `${op.operationId} takes no body`);
  return body["schema"] as Schema;
}

/** The example request body of an operation, from swagger/examples. */
function exampleBody(op: Operation): Record<string, unknown> {
  const examples = op.schema["x-ms-examples"] as Record<string, { $ref: string }>;
  const first = Object.values(examples)[0];
  assert.ok(first !== undefined, `${op.operationId} has no example`);
  const file = path.resolve(__dirname, "..", "..", "swagger", first.$ref);
  const example = JSON.parse(readFileSync(file, "utf8")) as { parameters: { body: Record<string, unknown> } };
  return example.parameters.body;
}

/**
 * Where the recorded service sent null although the spec does not allow it; the emulator follows the
 * recordings (docs/protocol.md, "the recordings and the spec" table): a starting or stopped session's
 * hostname, and the details, innerError and target of an error.
 */
const recordedNulls =
  /\.(hostname|details|innerError|target|@nextLink) is null but the spec does not allow null$/;

/** Checks an answer against the schema the spec declares for its status. */
function assertConforms(op: Operation, answer: Answer): void {
  const responses = op.schema["responses"] as Record<string, Schema>;
  const declared = responses[String(answer.status)];
  assert.ok(
    declared !== undefined,
    `${op.operationId} answered ${answer.status}, which the spec does not list`,
  );
  const schema = declared["schema"] as Schema | undefined;
  if (schema === undefined) {
    assert.equal(answer.text, "", `${op.operationId} ${answer.status} has a body the spec does not declare`);
    return;
  }
  const problems = validate(spec, answer.body, schema).filter((problem) => !recordedNulls.test(problem));
  assert.deepEqual(problems, [], `${op.operationId} ${answer.status}: ${answer.text}`);
}

function withoutPath(body: Record<string, unknown>, at: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(body);
  let record: Record<string, unknown> = copy;
  for (const name of at.slice(0, -1)) record = record[name] as Record<string, unknown>;
  delete record[at.at(-1) ?? ""];
  return copy;
}

function withValue(
  body: Record<string, unknown>,
  at: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  let record: Record<string, unknown> = copy;
  for (const name of at.slice(0, -1)) record = record[name] as Record<string, unknown>;
  record[at.at(-1) ?? ""] = value;
  return copy;
}

/** A value of the wrong JSON type for a schema. */
function wrongTypeFor(schemaOrRef: Schema): unknown {
  const type = resolve(spec, schemaOrRef)["type"] ?? "object";
  return type === "string" ? 42 : "not-a-" + String(type);
}

describe("emulator: conformance to swagger/remote-rendering.json", function () {
  let harness: Harness;
  let next = 0;
  const freshId = (prefix: string): string => `${prefix}-${++next}`;
  const exampleStorage = "examplestorage.blob.core.windows.net";

  before(async () => {
    harness = await startHarness({
      accounts: [{ ...DEFAULT_EMULATOR_ACCOUNT, linkedStorageAccounts: [exampleStorage] }],
    });
  });
  after(() => harness.close());

  const creations = [
    { operationId: "RemoteRendering_CreateSession", collection: "sessions" },
    { operationId: "RemoteRendering_CreateConversion", collection: "conversions" },
  ] as const;

  for (const { operationId, collection } of creations) {
    it(`${operationId}: accepts the spec's example and answers in the declared shape`, async () => {
      const op = operation(operationId);
      const answer = await harness.call(op.method, `/${collection}/${freshId("example")}`, {
        body: exampleBody(op),
      });
      assert.ok(answer.status === 200 || answer.status === 201, `${answer.status} ${answer.text}`);
      assertConforms(op, answer);
    });

    it(`${operationId}: refuses each required property absent or of the wrong type, naming it`, async () => {
      const op = operation(operationId);
      const schema = bodySchema(op);
      const paths = requiredPaths(spec, schema);
      assert.ok(paths.length > 0);
      for (const at of paths) {
        for (const body of [
          withoutPath(exampleBody(op), at),
          withValue(exampleBody(op), at, wrongTypeFor(schemaAt(spec, schema, at))),
        ]) {
          const answer = await harness.call(op.method, `/${collection}/${freshId("bad")}`, { body });
          assert.equal(answer.status, 400, `${at.join(".")}: ${answer.status} ${answer.text}`);
          assertConforms(op, answer);
          const error = errorOf(answer);
          const named = `${error.target ?? ""} ${error.message}`;
          assert.ok(
            named.includes(at.at(-1) ?? ""),
            `the error does not name ${at.join(".")}: ${answer.text}`,
          );
        }
      }
    });

    it(`${operationId}: accepts the example without each optional property`, async () => {
      const op = operation(operationId);
      for (const at of optionalPaths(spec, bodySchema(op))) {
        const answer = await harness.call(op.method, `/${collection}/${freshId("optional")}`, {
          body: withoutPath(exampleBody(op), at),
        });
        assert.ok(
          answer.status === 200 || answer.status === 201,
          `${at.join(".")}: ${answer.status} ${answer.text}`,
        );
        assertConforms(op, answer);
      }
    });
  }

  it("answers reads, lists, updates and stops in the declared shapes, through a session's whole life", async () => {
    const sessionId = freshId("life");
    const create = operation("RemoteRendering_CreateSession");
    assertConforms(
      create,
      await harness.call("PUT", `/sessions/${sessionId}`, { body: exampleBody(create) }),
    );
    const get = operation("RemoteRendering_GetSession");
    const list = operation("RemoteRendering_ListSessions");
    assertConforms(get, await harness.call("GET", `/sessions/${sessionId}`));
    harness.clock.advance(10 * 60_000);
    const ready = await harness.call("GET", `/sessions/${sessionId}`);
    assert.equal((ready.body as { status: string }).status, "Ready");
    assertConforms(get, ready);
    assertConforms(list, await harness.call("GET", "/sessions"));
    const update = operation("RemoteRendering_UpdateSession");
    const updateBody = exampleBody(update);
    assertConforms(update, await harness.call("PATCH", `/sessions/${sessionId}`, { body: updateBody }));
    for (const at of requiredPaths(spec, bodySchema(update))) {
      const answer = await harness.call("PATCH", `/sessions/${sessionId}`, {
        body: withoutPath(updateBody, at),
      });
      // The spec lists 422 (not 400) for a bad update body.
      assert.equal(answer.status, 422, `${at.join(".")}: ${answer.text}`);
      assertConforms(update, answer);
    }
    const stop = operation("RemoteRendering_StopSession");
    assertConforms(stop, await harness.call("POST", `/sessions/${sessionId}/:stop`));
    assertConforms(get, await harness.call("GET", `/sessions/${sessionId}`));
  });

  it("answers conversion reads and lists in the declared shapes", async () => {
    const conversionId = freshId("conv");
    const create = operation("RemoteRendering_CreateConversion");
    await harness.call("PUT", `/conversions/${conversionId}`, { body: exampleBody(create) });
    const get = operation("RemoteRendering_GetConversion");
    assertConforms(get, await harness.call("GET", `/conversions/${conversionId}`));
    harness.clock.advance(10 * 60_000);
    assertConforms(get, await harness.call("GET", `/conversions/${conversionId}`));
    assertConforms(operation("RemoteRendering_ListConversions"), await harness.call("GET", "/conversions"));
  });
});
