import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { appliesTo, isCoveredBy, parseDeliberateDifferences } from "./deliberateDifferences";
import { diffJson, type JsonDifference } from "./diffJson";
import { isJsonObject, specFacts, type Json, type JsonObject } from "./specFacts";
import {
  readOurs,
  readUpstream,
  swaggerDir,
  swaggerPairs,
  upstreamUnavailableReason,
  type SwaggerPair,
} from "./swaggerFiles";

const deliberate = parseDeliberateDifferences(fs.readFileSync(path.join(swaggerDir, "README.md"), "utf8"));

function compare(pair: SwaggerPair): JsonDifference[] {
  return diffJson(specFacts(readUpstream(pair)), specFacts(readOurs(pair)));
}

function format(differences: readonly JsonDifference[]): string {
  return differences.map((d) => `  ${d.path}: ${d.message}`).join("\n");
}

describe("swagger/ compared with the upstream reference specifications", function () {
  before(function () {
    const reason = upstreamUnavailableReason();
    if (reason !== undefined) {
      console.log(`    skipped: ${reason}`);
      this.skip();
    }
  });

  for (const pair of swaggerPairs) {
    describe(pair.ours, () => {
      const listed = deliberate.filter((d) => appliesTo(d, pair.ours));

      it("has the same facts as upstream, apart from the listed deliberate differences", () => {
        const upstreamPaths = specFacts(readUpstream(pair))["paths"];
        assert.ok(
          isJsonObject(upstreamPaths) && Object.keys(upstreamPaths).length > 0,
          "upstream has no paths",
        );
        const unexplained = compare(pair).filter((d) => !listed.some((l) => isCoveredBy(d.path, l.path)));
        assert.ok(
          unexplained.length === 0,
          `${pair.ours} differs from ${pair.upstream} (list a deliberate difference in swagger/README.md):\n` +
            format(unexplained),
        );
      });

      it("has no stale entry in the deliberate differences table", () => {
        const differences = compare(pair);
        const stale = listed.filter((l) => !differences.some((d) => isCoveredBy(d.path, l.path)));
        assert.deepEqual(
          stale.map((l) => l.path),
          [],
          "these listed paths no longer differ from upstream",
        );
      });
    });
  }
});

// The mutation tests compare our document with an altered copy of itself, so they run everywhere.
describe("the swagger comparison reports differences", () => {
  const arrPair: SwaggerPair = swaggerPairs[0] ?? assert.fail("no swagger pair configured");
  const createConversion = '$.paths["/accounts/{account_id}/conversions/{conversion_id}"].put';

  function child(value: Json | undefined, ...keys: string[]): JsonObject {
    let current = value;
    for (const key of keys) {
      if (!isJsonObject(current)) throw new Error(`cannot descend into ${key}`);
      current = current[key];
    }
    if (!isJsonObject(current)) throw new Error(`${keys.join(".")} is not an object`);
    return current;
  }

  function differencesAfter(mutate: (doc: JsonObject) => void): JsonDifference[] {
    const original = readOurs(arrPair);
    const mutated = structuredClone(original);
    mutate(mutated);
    return diffJson(specFacts(original), specFacts(mutated));
  }

  function assertReported(differences: readonly JsonDifference[], expectedPath: string): void {
    assert.ok(
      differences.some((d) => d.path === expectedPath),
      `expected a difference at ${expectedPath}, got:\n${format(differences) || "  (none)"}`,
    );
  }

  const conversionPut = (doc: JsonObject): JsonObject =>
    child(doc, "paths", "/accounts/{account_id}/conversions/{conversion_id}", "put");

  it("reports a dropped response header", () => {
    const differences = differencesAfter((doc) => {
      delete child(conversionPut(doc), "responses", "201", "headers")["MS-CV"];
    });
    assertReported(differences, `${createConversion}.responses["201"].headers["MS-CV"]`);
    assert.match(differences[0]?.message ?? "", /missing in ours/);
  });

  it("reports a changed header type", () => {
    const differences = differencesAfter((doc) => {
      child(conversionPut(doc), "responses", "429", "headers", "Retry-After")["type"] = "string";
    });
    assertReported(differences, `${createConversion}.responses["429"].headers["Retry-After"].type`);
  });

  it("reports a renamed operationId", () => {
    const differences = differencesAfter((doc) => {
      conversionPut(doc)["operationId"] = "RemoteRendering_StartConversion";
    });
    assertReported(differences, `${createConversion}.operationId`);
  });

  it("reports an added property", () => {
    const differences = differencesAfter((doc) => {
      child(doc, "definitions", "conversion", "properties")["progress"] = { type: "number" };
    });
    assertReported(differences, "$.definitions.conversion.properties.progress");
    assert.match(differences[0]?.message ?? "", /not in upstream/);
  });

  it("reports a change to a shared parameter at every operation that references it", () => {
    const differences = differencesAfter((doc) => {
      child(doc, "parameters", "api_version")["required"] = false;
    });
    assert.equal(differences.length, 8, format(differences));
    assertReported(differences, `${createConversion}.parameters["query:api-version"].required`);
  });

  it("reports changed enums, limits, nullability and paging settings", () => {
    const differences = differencesAfter((doc) => {
      child(doc, "definitions", "session_size", "x-ms-enum")["modelAsString"] = false;
      child(doc, "definitions", "session_status")["enum"] = ["Starting", "Ready"];
      child(doc, "definitions", "session_properties", "properties", "handshakePort")["maximum"] = 65535;
      delete child(doc, "definitions", "conversion", "properties", "error")["x-nullable"];
      const list = child(doc, "paths", "/accounts/{account_id}/sessions", "get");
      child(list, "x-ms-pageable")["nextLinkName"] = "nextLink";
    });
    assertReported(differences, '$.definitions.session_size["x-ms-enum"].modelAsString');
    assertReported(differences, "$.definitions.session_status.enum");
    assertReported(differences, "$.definitions.session_properties.properties.handshakePort.maximum");
    assertReported(differences, '$.definitions.conversion.properties.error["x-nullable"]');
    assertReported(
      differences,
      '$.paths["/accounts/{account_id}/sessions"].get["x-ms-pageable"].nextLinkName',
    );
  });

  it("ignores reworded descriptions and summaries but not properties named like them", () => {
    const reworded = differencesAfter((doc) => {
      conversionPut(doc)["summary"] = "Something else entirely.";
      child(doc, "definitions", "error")["description"] = "Different words.";
    });
    assert.deepEqual(reworded, []);
    const added = differencesAfter((doc) => {
      child(doc, "definitions", "error", "properties")["description"] = { type: "string" };
    });
    assertReported(added, "$.definitions.error.properties.description");
  });

  it("names the missing reference folder when the upstream comparison has to be skipped", () => {
    const missing = path.join(swaggerDir, "no-such-folder");
    assert.match(
      upstreamUnavailableReason(missing) ?? "",
      /reference specifications not found at .*no-such-folder/,
    );
    assert.equal(upstreamUnavailableReason(swaggerDir), undefined);
  });

  it("treats a listed path as covering everything beneath it, and nothing beside it", () => {
    assert.ok(isCoveredBy("$.definitions.error.properties.code", "$.definitions.error"));
    assert.ok(isCoveredBy('$.definitions.error["x-ms-enum"]', "$.definitions.error"));
    assert.ok(!isCoveredBy("$.definitions.error_response", "$.definitions.error"));
  });

  it("reads the deliberate differences table, including rows that carry a JSON path", () => {
    const readme = [
      "# x",
      "## Deliberate differences",
      "| File | JSON path | Difference | Reason |",
      "| --- | --- | --- | --- |",
      "| both | (not compared) | wording | ours |",
      "| `sts.json` | `$.host` | other host | emulator |",
      "## Next",
      "| File | JSON path | Difference | Reason |",
      "| `sts.json` | `$.schemes` | x | y |",
    ].join("\n");
    assert.deepEqual(parseDeliberateDifferences(readme), [
      { file: "sts.json", path: "$.host", reason: "emulator" },
    ]);
    assert.throws(() => parseDeliberateDifferences("# no table here"), /Deliberate differences/);
  });
});
