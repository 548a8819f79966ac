// The emitter against the AutoRest test server: every spec of specs.ts is generated (one AutoRest run),
// type-checked strictly together with its scenario program (programs/<name>.ts.txt), and the scenarios
// run through the generated clients against `autorest-testserver` on loopback port 3000. The server's
// coverage report tells how many of its scenarios were reached; the count is printed at the end.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { tail } from "../runAutorest";
import type { GeneratedClients } from "./generateClients";
import { generatedClients } from "./generateClients";
import { skipReason, specs } from "./specs";
import type { RunningTestServer } from "./testServerProcess";
import { readCoverage, startTestServer } from "./testServerProcess";

type Scenario = () => Promise<void>;

const loadModule = createRequire(__filename);

/** Runs every scenario of a program and reports those that failed, each with its error. */
async function runScenarios(name: string, scenarios: Readonly<Record<string, Scenario>>): Promise<string[]> {
  const failures: string[] = [];
  for (const [title, scenario] of Object.entries(scenarios)) {
    try {
      await scenario();
    } catch (error) {
      failures.push(`${name} / ${title}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures;
}

describe("generator: AutoRest test server", function () {
  let clients: GeneratedClients;
  let server: RunningTestServer | undefined;

  before(async function () {
    const reason = skipReason();
    if (reason !== undefined) {
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    this.timeout(300_000);
    clients = await generatedClients();
    assert.equal(clients.generation.exitCode, 0, `AutoRest failed:\n${tail(clients.generation.output)}`);
    server = await startTestServer();
  });

  after(async function () {
    this.timeout(20_000);
    if (server === undefined) {
      return;
    }
    const coverage = await readCoverage();
    console.log(`      test server coverage: ${coverage.reached} of ${coverage.total} scenarios reached`);
    await server.stop();
  });

  it(`generates the clients of all ${specs.length} specs in one AutoRest run`, function () {
    // Printed, not asserted: the wall time follows the machine's load (bench/testServerGeneration.ts
    // measures it against the 60 s budget, with the CPU time).
    console.log(`      generation of ${specs.length} specs: ${clients.generationSeconds.toFixed(1)} s`);
    assert.equal(clients.generation.exitCode, 0);
  });

  it("type-checks every client with its scenario program under strict settings", function () {
    const result = clients.typecheck;
    assert.ok(result !== undefined, "tsc did not run");
    assert.equal(result.exitCode, 0, `tsc reported errors:\n${tail(result.output, 60)}`);
  });

  for (const spec of specs) {
    it(`drives the scenarios of ${spec.file} through its generated client`, async function () {
      this.timeout(120_000);
      const program = path.join(clients.clientFolder(spec.name), "scenarios.ts");
      const { scenarios } = loadModule(program) as { scenarios: Record<string, Scenario> };
      assert.ok(Object.keys(scenarios).length > 0, `${spec.name} has no scenario`);
      const failures = await runScenarios(spec.name, scenarios);
      assert.deepEqual(failures, [], failures.join("\n"));
    });
  }

  it("runs a program written for reference-generated clients, unchanged, against ours", async function () {
    this.timeout(60_000);
    const program = path.join(clients.folder, "out", "dropIn.ts");
    const { main } = loadModule(program) as { main: () => Promise<string[]> };
    const steps = await main();
    assert.equal(steps.length, 7, steps.join(", "));
  });
});
