// Every error the emulator gives an operation uses a status code the spec lists for that operation,
// or is one of the exceptions that docs/emulator.md lists under "Answers the spec does not list".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EMULATOR_ACCOUNT, FAULT_HEADER, type EmulatorAccount } from "../../../src/emulator/index";
import { callUrl, fetchToken, startHarness, type Harness } from "../support/emulatorHarness";
import {
  CONVERSION,
  OPERATIONS,
  REPO_ROOT,
  SESSION,
  exceptionRows,
  listedStatuses,
  type Exception,
} from "../support/specStatuses";

const MAX_BODY_IN_BYTES = 2048;
const OTHER_ACCOUNT: EmulatorAccount = {
  accountId: "0d6f3a52-9c1e-4b7a-8e2d-5f4c3b2a1908",
  accountKey: "b3RoZXItYWNjb3VudC1rZXk",
};
describe("emulator status codes against the spec's lists", () => {
  const listed = new Map([...listedStatuses("remote-rendering.json"), ...listedStatuses("sts.json")]);
  const documented = exceptionRows(readFileSync(path.join(REPO_ROOT, "docs", "emulator.md"), "utf8"));
  let harness: Harness;
  let otherToken: string;
  before(async () => {
    harness = await startHarness({
      maxBodySizeInBytes: MAX_BODY_IN_BYTES,
      accounts: [DEFAULT_EMULATOR_ACCOUNT, OTHER_ACCOUNT],
    });
    otherToken = await fetchToken(harness.emulator.url, OTHER_ACCOUNT);
    assert.equal((await harness.call("PUT", "/sessions/known", { body: SESSION })).status, 201);
    assert.equal((await harness.call("PUT", "/conversions/known", { body: CONVERSION })).status, 201);
  });
  after(async () => {
    await harness.close();
  });

  /** Checks one answer: the expected status, and listed for the operation unless a documented exception. */
  function check(operation: string, what: string, status: number, expected: number, exception?: Exception) {
    const where = `${operation}: ${what}`;
    assert.equal(status, expected, where);
    const allowed = listed.get(operation);
    assert.ok(allowed !== undefined, `${operation} is in the spec`);
    if (allowed.has(expected) || (operation === "GetToken" && allowed.has(Number.NaN))) return;
    assert.ok(exception !== undefined, `${where}: ${expected} is not listed and not marked as an exception`);
    const row = documented.find((cells) => cells[0] === String(expected) && cells[1] === exception);
    assert.ok(row !== undefined, `${where}: docs/emulator.md has a row for ${expected} ${exception}`);
    const operations = row[2] ?? "";
    assert.ok(
      operations.startsWith("every") || operations.split(", ").includes(operation),
      `${where}: the row for ${expected} ${exception} names ${operation}`,
    );
  }

  it("knows every operation of both descriptions", () => {
    assert.deepEqual(
      [...listed.keys()].sort(),
      [...OPERATIONS.map((operation) => operation.name), "GetToken"].sort(),
    );
  });

  for (const operation of OPERATIONS) {
    it(`answers ${operation.name} errors with listed or documented status codes`, async () => {
      const known = operation.name.startsWith("Create") ? "fresh" : "known";
      const target = operation.path(known);
      const body = operation.body === undefined ? {} : { body: operation.body };
      const call = async (what: string, expected: number, options: object, exception?: Exception) =>
        check(
          operation.name,
          what,
          (await harness.call(operation.method, target, { ...body, ...options })).status,
          expected,
          exception,
        );
      await call("no token", 401, { token: null });
      await call("another account's token", 403, { token: otherToken });
      await call("throttled", 429, { headers: { [FAULT_HEADER]: "throttle" } });
      await call("internal error", 500, { headers: { [FAULT_HEADER]: "internal-error" } });
      await call("unavailable", 503, { headers: { [FAULT_HEADER]: "unavailable" } }, "unavailable fault");
      await call("bad fault header", 400, { headers: { [FAULT_HEADER]: "frobnicate" } }, "fault header");
      await call("missing api-version", 400, { apiVersion: null }, "api-version");
      await call("unsupported api-version", 400, { apiVersion: "2020-01-01" }, "api-version");
      if (operation.hasId === true) {
        const bad = await harness.call(operation.method, operation.path("bad.id"), body);
        check(operation.name, "malformed id", bad.status, 400, "path id");
      }
      if (operation.hasId === true && !operation.name.startsWith("Create")) {
        const unknown = await harness.call(operation.method, operation.path("unknown"), body);
        check(operation.name, "unknown id", unknown.status, 404);
      }
      if (operation.list === true)
        await call("forged $skipToken", 400, { query: { $skipToken: "x" } }, "$skipToken");
      if (operation.body !== undefined) {
        await call(
          "malformed JSON",
          400,
          { body: undefined, rawBody: "{", headers: { "Content-Type": "application/json" } },
          "unreadable body",
        );
        await call(
          "text body",
          415,
          { body: undefined, rawBody: "{}", headers: { "Content-Type": "text/plain" } },
          "content type",
        );
        const huge = JSON.stringify({ padding: "x".repeat(MAX_BODY_IN_BYTES) });
        await call(
          "oversized body",
          413,
          { body: undefined, rawBody: huge, headers: { "Content-Type": "application/json" } },
          "body too large",
        );
      }
    });
  }

  it("answers the create operations' own client errors with their listed codes", async () => {
    const conflict = await harness.call("PUT", "/sessions/known", { body: { ...SESSION, size: "Premium" } });
    check("CreateSession", "other settings", conflict.status, 409);
    const invalid = await harness.call("PUT", "/sessions/invalid", {
      body: { ...SESSION, maxLeaseTimeMinutes: -1 },
    });
    check("CreateSession", "negative lease", invalid.status, 400);
    const settings = { settings: { ...CONVERSION.settings, outputLocation: { storageContainerUri: "x" } } };
    const badConversion = await harness.call("PUT", "/conversions/invalid", { body: settings });
    check("CreateConversion", "bad settings", badConversion.status, 400);
    const noAccess = await harness.call("PUT", "/conversions/no-access", {
      body: {
        settings: {
          inputLocation: { ...CONVERSION.settings.inputLocation, storageContainerReadListSas: undefined },
          outputLocation: CONVERSION.settings.outputLocation,
        },
      },
    });
    check("CreateConversion", "unlinked storage without SAS", noAccess.status, 403);
  });

  it("answers UpdateSession's invalid leases with its listed 422, never 400", async () => {
    for (const value of [-1, 1441, 1.5, "20", null, 5]) {
      const answer = await harness.call("PATCH", "/sessions/known", { body: { maxLeaseTimeMinutes: value } });
      check("UpdateSession", `lease ${String(value)}`, answer.status, 422);
    }
  });

  it("answers GetToken errors with listed codes (400, 401, 429, or the default)", async () => {
    const { accountId, accountKey } = harness.account;
    const tokenCall = async (id: string, options: { query?: string; key?: string; fault?: string } = {}) => {
      const url = `${harness.emulator.url}/Accounts/${id}/token${options.query ?? "?api-version=2019-02-28-preview"}`;
      const headers: Record<string, string> = {
        Authorization: `Bearer ${accountId}:${options.key ?? accountKey}`,
      };
      if (options.fault !== undefined) headers[FAULT_HEADER] = options.fault;
      return (await callUrl("GET", url, { headers })).status;
    };
    check("GetToken", "wrong key", await tokenCall(accountId, { key: "wrong" }), 401);
    check("GetToken", "account id not a UUID", await tokenCall("not-a-uuid"), 400);
    check("GetToken", "other api-version", await tokenCall(accountId, { query: "?api-version=1" }), 400);
    check("GetToken", "throttled", await tokenCall(accountId, { fault: "throttle" }), 429);
    assert.ok(listed.get("GetToken")?.has(Number.NaN), "GetToken has a default response");
    // Any other status is covered by the default response.
    check("GetToken", "unavailable", await tokenCall(accountId, { fault: "unavailable" }), 503);
  });
});
