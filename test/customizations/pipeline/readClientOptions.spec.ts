// The constructor's options are checked before anything is built or sent: managed options refused,
// apiVersion in api-version form, sane retryOptions, valid access tokens, and http only to this
// machine unless allowInsecureConnectionToAnyHost is given too.
import assert from "node:assert/strict";
import { AzureKeyCredential, RemoteRenderingClient } from "../../../src/index";
import type { RemoteRenderingClientOptions } from "../../../src/index";
import { accountDomain, accountId, accountKey, endpoint } from "../support/clientTestKit";

const key = new AzureKeyCredential(accountKey);

function refused(options: unknown, type: typeof TypeError | typeof RangeError, pattern: RegExp): void {
  assert.throws(
    () =>
      new RemoteRenderingClient(
        endpoint,
        accountId,
        accountDomain,
        key,
        options as RemoteRenderingClientOptions,
      ),
    (error: unknown) => {
      assert.ok(error instanceof type, `${JSON.stringify(options)}: got ${String(error)}`);
      assert.match(error.message, pattern);
      return true;
    },
  );
}

describe("RemoteRenderingClient constructor options", () => {
  it("refuses an options bag that is not an object", () => {
    refused("fast", TypeError, /options must be an object \(RemoteRenderingClientOptions\) or undefined/);
    refused(null, TypeError, /got null/);
  });

  it("refuses the options the client manages itself", () => {
    refused({ endpoint: "https://elsewhere.example" }, TypeError, /options\.endpoint is not accepted/);
    refused({ baseUrl: "https://elsewhere.example" }, TypeError, /options\.baseUrl is not accepted/);
    refused({ credentials: { scopes: ["x"] } }, TypeError, /options\.credentials is not accepted/);
    refused({ pipeline: {} }, TypeError, /options\.pipeline is not accepted: .*additionalPolicies/);
  });

  it("accepts api-versions only, so nothing can be added to the query", () => {
    refused({ apiVersion: "x&evil=1" }, RangeError, /options\.apiVersion must be an api-version/);
    refused({ apiVersion: "2021-01-01&evil=1" }, RangeError, /options\.apiVersion/);
    refused({ apiVersion: "" }, RangeError, /options\.apiVersion/);
    refused({ apiVersion: 20210101 }, TypeError, /options\.apiVersion must be a string/);
    for (const apiVersion of ["2021-01-01", "2019-02-28-preview", "2023-10-01-beta.1"]) {
      new RemoteRenderingClient(endpoint, accountId, accountDomain, key, { apiVersion });
    }
  });

  it("refuses retryOptions outside their ranges", () => {
    refused({ retryOptions: "fast" }, TypeError, /options\.retryOptions must be an object/);
    for (const maxRetries of [-1, 1.5, 21, Number.NaN]) {
      refused(
        { retryOptions: { maxRetries } },
        RangeError,
        /options\.retryOptions\.maxRetries must be an integer from 0 to 20/,
      );
    }
    refused({ retryOptions: { maxRetries: "3" } }, TypeError, /maxRetries must be a number/);
    for (const delay of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      refused(
        { retryOptions: { retryDelayInMs: delay } },
        RangeError,
        /retryDelayInMs must be a finite number/,
      );
      refused(
        { retryOptions: { maxRetryDelayInMs: delay } },
        RangeError,
        /maxRetryDelayInMs must be a finite/,
      );
    }
    new RemoteRenderingClient(endpoint, accountId, accountDomain, key, {
      retryOptions: { maxRetries: 0, retryDelayInMs: 1, maxRetryDelayInMs: 10 },
    });
  });

  it("refuses an empty token or an expiry that is not a finite number", () => {
    for (const accessToken of [
      { token: "", expiresOnTimestamp: Date.now() + 60_000 },
      { token: "   ", expiresOnTimestamp: Date.now() + 60_000 },
      { token: "t.o.k", expiresOnTimestamp: Number.NaN },
      { token: "t.o.k", expiresOnTimestamp: Number.POSITIVE_INFINITY },
    ]) {
      assert.throws(() => new RemoteRenderingClient(endpoint, accountId, accessToken), {
        name: "RangeError",
        message: /access token's (token|expiresOnTimestamp)/,
      });
    }
  });

  it("allows http only to this machine, unless allowInsecureConnectionToAnyHost is set too", () => {
    const insecure = { allowInsecureConnection: true };
    for (const local of [
      "http://localhost:9000",
      "http://127.0.0.1:9000",
      "http://127.8.9.10",
      "http://[::1]:9000",
    ]) {
      const client = new RemoteRenderingClient(local, accountId, accountDomain, key, {
        ...insecure,
        authenticationEndpointUrl: local,
      });
      assert.ok(client.endpoint.startsWith("http://"));
    }
    for (const remote of ["http://10.0.0.5:9000", "http://emulator.internal", "http://128.0.0.1"]) {
      assert.throws(() => new RemoteRenderingClient(remote, accountId, accountDomain, key, insecure), {
        name: "RangeError",
        message: /endpoint uses http to .*allowInsecureConnectionToAnyHost: true/,
      });
      new RemoteRenderingClient(remote, accountId, accountDomain, key, {
        ...insecure,
        allowInsecureConnectionToAnyHost: true,
        authenticationEndpointUrl: remote,
      });
    }
    refused(
      { ...insecure, authenticationEndpointUrl: "http://sts.example" },
      RangeError,
      /options\.authenticationEndpointUrl uses http to sts\.example/,
    );
    refused(
      { allowInsecureConnection: "yes" },
      TypeError,
      /options\.allowInsecureConnection must be true, false/,
    );
    refused({ allowInsecureConnectionToAnyHost: 1 }, TypeError, /allowInsecureConnectionToAnyHost/);
    assert.throws(
      () =>
        new RemoteRenderingClient("http://10.0.0.5", accountId, accountDomain, key, {
          allowInsecureConnectionToAnyHost: true,
        }),
      { name: "RangeError", message: /allowInsecureConnection is true/ },
    );
  });
});
