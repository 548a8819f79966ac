// Option bags of every operation are checked before any request: undefined or a plain object, with
// an AbortSignalLike abortSignal, a function onResponse, sane requestOptions and polling interval.
import assert from "node:assert/strict";
import {
  conversionSettings,
  countRequests,
  keyClient,
  rejectionOf,
  resetNock,
} from "../support/clientTestKit";

type ErrorType = typeof TypeError | typeof RangeError;

/** Bad bags and the error each gives: the type and a word of the message. */
const badBags: Array<[string, unknown, ErrorType, string]> = [
  ["a string", "fast", TypeError, "options must be an object"],
  ["null", null, TypeError, "got null"],
  ["a number", 42, TypeError, "got number"],
  ["an array", [], TypeError, "got an array"],
  ["a non-signal abortSignal", { abortSignal: { aborted: false } }, TypeError, "options.abortSignal"],
  ["onResponse 42", { onResponse: 42 }, TypeError, "options.onResponse must be a function"],
  ["requestOptions a string", { requestOptions: "x" }, TypeError, "options.requestOptions"],
  ["a negative timeout", { requestOptions: { timeout: -1 } }, RangeError, "options.requestOptions.timeout"],
  ["headers a string", { requestOptions: { headers: "a: b" } }, TypeError, "options.requestOptions.headers"],
  ["tracingOptions 1", { tracingOptions: 1 }, TypeError, "options.tracingOptions"],
];

function check(name: string, error: unknown, type: ErrorType, word: string): void {
  assert.ok(error instanceof type, `${name}: expected ${type.name}, got ${String(error)}`);
  assert.ok(
    error.message.includes(word),
    `${name}: ${JSON.stringify(error.message)} lacks ${JSON.stringify(word)}`,
  );
}

describe("operation options", () => {
  afterEach(resetNock);

  it("refuses a bad options bag in every method before any request", async () => {
    const requests = countRequests();
    const client = keyClient();
    const session = { size: "Standard", maxLeaseTimeInMinutes: 10 } as const;
    for (const [label, bag, type, word] of badBags) {
      const options = bag as never;
      const asyncCalls: Array<[string, () => Promise<unknown>]> = [
        ["getSession", () => client.getSession("s1", options)],
        ["updateSession", () => client.updateSession("s1", { maxLeaseTimeInMinutes: 20 }, options)],
        ["endSession", () => client.endSession("s1", options)],
        ["getConversion", () => client.getConversion("c1", options)],
      ];
      for (const [method, call] of asyncCalls) {
        check(`${method} with ${label}`, await rejectionOf(call()), type, word);
      }
      const syncCalls: Array<[string, () => unknown]> = [
        ["listSessions", () => client.listSessions(options)],
        ["listConversions", () => client.listConversions(options)],
        ["beginSession", () => client.beginSession("s1", session, options)],
        ["beginConversion", () => client.beginConversion("c1", conversionSettings, options)],
      ];
      for (const [method, call] of syncCalls) {
        assert.throws(call, (error: unknown) => {
          check(`${method} with ${label}`, error, type, word);
          return true;
        });
      }
    }
    for (const intervalInMs of ["5", Number.NaN, 0]) {
      assert.throws(
        () => client.beginSession("s1", session, { intervalInMs } as never),
        (error: unknown) => error instanceof Error && error.message.includes("options.intervalInMs"),
      );
    }
    assert.throws(() => client.beginSession({ resumeFrom: "{}", onResponse: 42 } as never), {
      name: "TypeError",
      message: /options\.onResponse must be a function/,
    });
    assert.equal(requests.count(), 0);
  });
});
