// Reliability: secrets (the account key, every access token, the storage access signatures) never
// appear in what a user can see or keep. The client works against the emulator through a proxy that
// records every credential sent, with verbose @azure/logger output and logging options that ask for
// the Authorization header and the `sig` parameter; tokens are refused and replaced; sessions and
// conversions fail; then the proxy echoes the token and the request body in error answers of every
// operation. The @azure/logger output, the emulator's log, every error (message, String, stack,
// JSON.stringify, util.inspect) and every saved poller are scanned.
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { AzureLogger, getLogLevel, setLogLevel, type AzureLogLevel } from "@azure/logger";
import type { AssetConversionSettings, RemoteRenderingClient } from "../../src/index";
import { ECHO_STATUSES, startEchoingProxy } from "./support/echoingProxy";
import { startReliabilityEmulator } from "./support/reliabilityEmulator";
import { report, withoutNockInterception } from "./support/reliabilityReport";

const READ_SAS = "sv=2020-08-04&sr=c&sp=rl&se=2099-01-01&sig=READ%2Bsecret%2Fsignature%3D";
const WRITE_SAS = "sv=2020-08-04&sr=c&sp=w&se=2099-01-01&sig=WRITE%2Bsecret%2Fsignature%3D";
const CONVERSION: AssetConversionSettings = {
  inputSettings: {
    storageContainerUrl: "https://secrets.blob.core.windows.net/input",
    relativeInputAssetPath: "box.fbx",
    storageContainerReadListSas: READ_SAS,
  },
  outputSettings: {
    storageContainerUrl: "https://secrets.blob.core.windows.net/output",
    storageContainerWriteSas: WRITE_SAS,
  },
};
const SESSION = { maxLeaseTimeInMinutes: 30, size: "Standard" } as const;

/** The texts that may not appear: each secret, its signature part, and their URL-encoded forms. */
function secretForms(secrets: Iterable<string>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    const parts = [secret, secret.split(".").at(-1) ?? secret, /sig=([^&]+)/.exec(secret)?.[1] ?? secret];
    for (const part of parts) {
      if (part.length < 8) continue;
      forms.add(part);
      forms.add(encodeURIComponent(part));
      forms.add(decodeURIComponent(part));
    }
  }
  return [...forms];
}

/** Everything a user can see of an error. */
function errorViews(error: unknown): string[] {
  const views = [String(error), JSON.stringify(error) ?? "", inspect(error, { depth: Infinity })];
  if (error instanceof Error) views.push(error.message, error.stack ?? "");
  return views;
}

async function rejection(pending: Promise<unknown>): Promise<unknown> {
  try {
    await pending;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("reliability: secrets never in logs, errors or saved pollers", function () {
  this.timeout(60_000);
  withoutNockInterception();
  const azureLogs: string[] = [];
  const originalLog = AzureLogger.log;
  let previousLevel: AzureLogLevel | undefined;
  before(() => {
    previousLevel = getLogLevel();
    setLogLevel("verbose");
    AzureLogger.log = (...args: unknown[]) => {
      azureLogs.push(
        args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 6 }))).join(" "),
      );
    };
  });
  after(() => {
    AzureLogger.log = originalLog;
    setLogLevel(previousLevel);
  });

  it("keeps the account key, access tokens and access signatures out of every log, error and saved poller", async () => {
    const harness = await startReliabilityEmulator({
      sessionStartupInSeconds: { Standard: 0 },
      conversionPhasesInSeconds: { notStarted: 0, running: 0 },
      conversionRetryAfterInSeconds: 0,
    });
    const proxy = await startEchoingProxy(harness.emulator.url);
    const savedPollers: string[] = [];
    const errors: unknown[] = [];
    try {
      const client: RemoteRenderingClient = harness.client(
        {
          retryOptions: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 2 },
          loggingOptions: {
            additionalAllowedHeaderNames: ["Authorization", "WWW-Authenticate"],
            additionalAllowedQueryParameters: ["sig", "sv", "se"],
          },
        },
        proxy.url,
      );

      // Work that succeeds, saving pollers along the way.
      const sessionPoller = client.beginSession("secret-session", SESSION, { intervalInMs: 1 });
      await sessionPoller.submitted();
      savedPollers.push(await sessionPoller.serialize());
      await sessionPoller.pollUntilDone();
      savedPollers.push(await sessionPoller.serialize());
      await client.getSession("secret-session");
      await client.updateSession("secret-session", { maxLeaseTimeInMinutes: 40 });
      for await (const session of client.listSessions()) void session;
      const conversionPoller = client.beginConversion("secret-conversion", CONVERSION, { intervalInMs: 1 });
      await conversionPoller.submitted();
      savedPollers.push(await conversionPoller.serialize());
      await conversionPoller.pollUntilDone();
      savedPollers.push(await conversionPoller.serialize());
      await client.getConversion("secret-conversion");
      for await (const conversion of client.listConversions()) void conversion;
      const resumed = client.beginConversion({ resumeFrom: savedPollers[2] ?? "", intervalInMs: 1 });
      await resumed.pollUntilDone();
      savedPollers.push(await resumed.serialize());

      /** Saves a poller whose operation failed (serialize() may reject with the failure too). */
      const saveOrCollect = async (poller: { serialize(): Promise<string> }): Promise<void> => {
        try {
          savedPollers.push(await poller.serialize());
        } catch (error) {
          errors.push(error);
        }
      };

      // Work that fails at the service: a session that does not start, a conversion that fails.
      harness.emulator.faults.add({ kind: "session-start-failure", count: 1 });
      const failing = client.beginSession("failing-session", SESSION, { intervalInMs: 1 });
      errors.push(await rejection(failing.pollUntilDone()));
      await saveOrCollect(failing);
      harness.emulator.faults.add({ kind: "conversion-failure", count: 1 });
      const failingConversion = client.beginConversion("failing-conversion", CONVERSION, { intervalInMs: 1 });
      errors.push(await rejection(failingConversion.pollUntilDone()));
      await saveOrCollect(failingConversion);
      await client.endSession("secret-session");

      // Tokens the emulator refuses (its clock passed their expiry): the client gets new ones.
      assert.ok(harness.clock !== undefined);
      harness.clock.advance(25 * 3600_000);
      await client.getSession("secret-session");
      assert.ok(
        harness.logs.some((line) => / 401 /.test(line)),
        "a token was refused",
      );

      // Every operation while the proxy echoes the token and the request body in error answers.
      proxy.echo = true;
      // Rounds of every operation; the echoed status moves on with each request, so each operation
      // meets several of them.
      const everyOperation = (): Array<Promise<unknown>> => [
        client.getSession("secret-session"),
        client.updateSession("secret-session", { maxLeaseTimeInMinutes: 50 }),
        client.endSession("secret-session"),
        client.listSessions().byPage().next(),
        client.beginSession("echo-session", SESSION, { intervalInMs: 1 }).pollUntilDone(),
        client.getConversion("secret-conversion"),
        client.listConversions().byPage().next(),
        client.beginConversion("echo-conversion", CONVERSION, { intervalInMs: 1 }).pollUntilDone(),
        client.beginSession({ resumeFrom: savedPollers[0] ?? "", intervalInMs: 1 }).pollUntilDone(),
        client.beginConversion({ resumeFrom: savedPollers[2] ?? "", intervalInMs: 1 }).pollUntilDone(),
      ];
      for (let round = 0; round < ECHO_STATUSES.length + 1; round += 1) {
        errors.push(...(await Promise.all(everyOperation().map(rejection))));
      }
      proxy.echo = false;
    } finally {
      await proxy.close();
      await harness.close();
    }

    const tokens = [...proxy.credentials].filter((credential) => !credential.includes(":"));
    assert.ok(tokens.length >= 2, `the client used ${tokens.length} tokens`);
    const secrets = secretForms([
      harness.account.accountKey,
      `${harness.account.accountId}:${harness.account.accountKey}`,
      ...proxy.credentials,
      READ_SAS,
      WRITE_SAS,
    ]);
    const places: Array<[string, string[]]> = [
      ["@azure/logger output", azureLogs],
      ["emulator log", harness.logs],
      ["saved pollers", savedPollers],
      ["errors", errors.flatMap(errorViews)],
    ];
    for (const [place, texts] of places) {
      assert.ok(texts.length > 0, `nothing was captured from the ${place}`);
      for (const secret of secrets) {
        const leak = texts.find((text) => text.includes(secret));
        assert.equal(
          leak,
          undefined,
          `a secret (${secret.slice(0, 6)}…) appears in the ${place}: ${leak?.slice(0, 400)}`,
        );
      }
    }
    // The echo reached the client: the errors name the redaction, not nothing.
    assert.ok(errors.length >= 80, `${errors.length} errors`);
    report(
      `${secrets.length} secret forms (key, ${tokens.length} tokens, 2 SAS) absent from ${azureLogs.length} @azure/logger lines, ` +
        `${harness.logs.length} emulator log lines, ${errors.length} errors (5 views each), ${savedPollers.length} saved pollers`,
    );
  });
});
