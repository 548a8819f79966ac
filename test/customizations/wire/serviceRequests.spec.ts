import assert from "node:assert/strict";
import { operationOptionsToRequestParameters } from "@azure-rest/core-client";
import type { OperationOptions, RequestParameters } from "@azure-rest/core-client";
import { requestParameters } from "../../../src/customizations/wire/serviceRequests";

/** The parameters without fields whose value is undefined (absent and undefined read the same). */
function definedFields(parameters: RequestParameters): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined));
}

describe("requestParameters", () => {
  const signal = new AbortController().signal;
  const otherSignal = new AbortController().signal;
  const noop = (): void => undefined;
  const fullOptions: OperationOptions = {
    abortSignal: otherSignal,
    requestOptions: {
      headers: { "x-custom": "1" },
      allowInsecureConnection: true,
      timeout: 1234,
      skipUrlEncoding: false,
      onUploadProgress: noop,
      onDownloadProgress: noop,
    },
    tracingOptions: {},
    onResponse: noop,
  };

  it("gives what operationOptionsToRequestParameters of @azure-rest/core-client gives, with the signal passed apart", () => {
    const cases: Array<OperationOptions | undefined> = [
      undefined,
      {},
      fullOptions,
      { requestOptions: {} },
      { requestOptions: { timeout: 0 } },
      { onResponse: noop },
      { tracingOptions: {} },
    ];
    for (const options of cases) {
      for (const abortSignal of [undefined, signal]) {
        const { abortSignal: _dropped, ...rest } = options ?? {};
        const expected: RequestParameters = operationOptionsToRequestParameters(rest);
        if (abortSignal !== undefined) expected.abortSignal = abortSignal;
        assert.deepEqual(
          definedFields(requestParameters(options, abortSignal)),
          definedFields(expected),
          JSON.stringify(options),
        );
      }
    }
  });

  it("never takes the options' own abortSignal (the caller passes the one to use)", () => {
    assert.equal(requestParameters(fullOptions).abortSignal, undefined);
    assert.equal(requestParameters(fullOptions, signal).abortSignal, signal);
  });

  it("copies the headers, so the pipeline's changes never reach the caller's object", () => {
    const headers = { "x-custom": "1" };
    const parameters = requestParameters({ requestOptions: { headers } });
    assert.deepEqual(parameters.headers, headers);
    assert.notEqual(parameters.headers, headers);
  });
});
