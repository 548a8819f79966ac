// Where `arr` takes its account settings from: flags over environment variables over --config
// (laid out like the PowerShell scripts' arrconfig.json), and Microsoft Entra ID without a key.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { makeTmpDir, parseJson, runArr, show, type ArrResult } from "./support/arrProcess";
import { TEST_ACCOUNT, startTestEmulator, type TestEmulator } from "./support/testEmulator";

describe("arr account settings", function () {
  let tmp: ReturnType<typeof makeTmpDir>;
  let emu: TestEmulator;

  before(async () => {
    tmp = makeTmpDir("config");
    emu = await startTestEmulator();
  });
  after(async () => {
    await emu.close();
    tmp.remove();
  });

  const run = (args: string[], env: Record<string, string | undefined> = {}): Promise<ArrResult> =>
    runArr(args, { tmpDir: tmp.dir, env });
  const flags = (): string[] => ["--endpoint", emu.emulator.url, "--account-id", TEST_ACCOUNT.accountId];

  function writeConfig(name: string, content: unknown): string {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    return file;
  }

  it("reads an arrconfig.json-style file: account, endpoint, size and lease (hh:mm:ss)", async () => {
    const config = writeConfig("arrconfig.json", {
      accountSettings: {
        arrAccountId: TEST_ACCOUNT.accountId,
        arrAccountKey: TEST_ACCOUNT.accountKey,
        arrAccountDomain: "westeurope",
      },
      renderingSessionSettings: {
        remoteRenderingDomain: emu.emulator.url,
        vmSize: "premium",
        maxLeaseTime: "1:30:00",
      },
    });
    const result = await run([
      "session",
      "start",
      "--config",
      config,
      "--id",
      "from-config",
      "--no-wait",
      "--json",
    ]);
    assert.equal(result.code, 0, show(result));
    const view = parseJson(result);
    assert.equal(view.size, "Premium");
    assert.equal(view.maxLeaseTimeInMinutes, 90);
    assert.doesNotMatch(result.stderr, /No account configured/);

    const flagWins = await run([
      "session",
      "start",
      "--config",
      config,
      "--id",
      "from-flag",
      "--lease",
      "5",
      "--no-wait",
      "--json",
    ]);
    assert.equal(parseJson(flagWins).maxLeaseTimeInMinutes, 5);
  });

  it("lets environment variables win over the config file, and flags over both", async () => {
    const config = writeConfig("wrong-key.json", {
      accountSettings: { arrAccountId: TEST_ACCOUNT.accountId, arrAccountKey: "wrong-key-in-file" },
      renderingSessionSettings: { remoteRenderingDomain: emu.emulator.url },
    });
    const fileOnly = await run(["session", "list", "--config", config]);
    assert.equal(fileOnly.code, 3, show(fileOnly));
    assert.match(fileOnly.stderr, /HTTP status: 401/);

    const envWins = await run(["session", "list", "--config", config], {
      ARR_ACCOUNT_KEY: TEST_ACCOUNT.accountKey,
    });
    assert.equal(envWins.code, 0, show(envWins));

    const flagWins = await run(
      ["session", "list", "--config", config, "--account-key", TEST_ACCOUNT.accountKey],
      {
        ARR_ACCOUNT_KEY: "wrong-key-in-env",
      },
    );
    assert.equal(flagWins.code, 0, show(flagWins));

    const flagLoses = await run(["session", "list", ...flags(), "--account-key", "wrong-key-in-flag"], {
      ARR_ACCOUNT_KEY: TEST_ACCOUNT.accountKey,
    });
    assert.equal(flagLoses.code, 3, show(flagLoses));
    assert.ok(!flagLoses.stderr.includes("wrong-key-in-flag"), "the key was printed");
  });

  it("reports incomplete, unknown and unsafe settings as usage errors before sending anything", async () => {
    const [partial, region, insecure, badId, both] = await Promise.all([
      run(["session", "list"], { ARR_ACCOUNT_ID: TEST_ACCOUNT.accountId }),
      run(["session", "list", "--region", "mars", "--account-id", TEST_ACCOUNT.accountId]),
      run(["session", "list", "--endpoint", "http://example.com", "--account-id", TEST_ACCOUNT.accountId]),
      run([
        "session",
        "list",
        "--endpoint",
        emu.emulator.url,
        "--account-id",
        "not-a-uuid",
        "--account-key",
        "k",
      ]),
      run(["session", "list", "--endpoint", emu.emulator.url, "--region", "westeurope"]),
    ]);
    assert.equal(partial.code, 2, show(partial));
    assert.match(
      partial.stderr,
      /error: Incomplete account settings: missing the endpoint \(--endpoint URL, --region NAME, ARR_ENDPOINT or ARR_REGION\);/,
    );
    assert.match(partial.stderr, /the account domain \(--account-domain or ARR_ACCOUNT_DOMAIN/);
    assert.equal(region.code, 2, show(region));
    assert.match(
      region.stderr,
      /Unknown region "mars"\. Known regions: australiaeast, eastus, .*westus2 \(see: arr regions\)/,
    );
    assert.equal(insecure.code, 2, show(insecure));
    assert.match(insecure.stderr, /must use https; plain http is only accepted for a local emulator/);
    assert.equal(badId.code, 2, show(badId));
    assert.match(badId.stderr, /Invalid account settings: accountId must be a UUID/);
    assert.equal(both.code, 2, show(both));
    assert.match(both.stderr, /option '--endpoint <url>' cannot be used with option '--region <name>'/);
  });

  it("reports unreadable and invalid config files as usage errors", async () => {
    const cases: [content: string | object, message: RegExp][] = [
      ["{ not json", /not valid JSON/],
      [[1, 2], /expected a JSON object at the top level/],
      [{ accountSettings: "x" }, /"accountSettings" must be an object/],
      [{ accountSettings: { arrAccountId: 5 } }, /"accountSettings\.arrAccountId" must be a string/],
      [
        { renderingSessionSettings: { vmSize: "huge" } },
        /"renderingSessionSettings\.vmSize" must be standard or premium/,
      ],
      [
        { renderingSessionSettings: { maxLeaseTime: "25:00:00" } },
        /maxLeaseTime" must be "hh:mm:ss" or whole minutes, at most 24 hours/,
      ],
    ];
    const results = await Promise.all([
      run(["session", "list", "--config", path.join(tmp.dir, "absent.json")]),
      ...cases.map(([content], i) =>
        run(["session", "list", "--config", writeConfig(`bad-${i}.json`, content)]),
      ),
    ]);
    const [absent, ...rest] = results as [ArrResult, ...ArrResult[]];
    assert.equal(absent.code, 2, show(absent));
    assert.match(absent.stderr, /absent\.json: cannot read the file \(ENOENT\)/);
    rest.forEach((result, i) => {
      assert.equal(result.code, 2, show(result));
      assert.match(result.stderr, cases[i]?.[1] ?? /never/);
    });
  });

  it("authenticates with Microsoft Entra ID (DefaultAzureCredential) when no key is given", async () => {
    // A local managed-identity endpoint (as App Service provides) issues the Entra token; a local
    // token service accepts only that token and answers with a token of the emulator's account.
    const entraToken = "entra-access-token-for-test";
    const identityRequests: string[] = [];
    const identity = http.createServer((request, response) => {
      identityRequests.push(request.url ?? "");
      response.setHeader("content-type", "application/json");
      const expiresOn = String(Math.floor(Date.now() / 1000) + 3600);
      response.end(JSON.stringify({ access_token: entraToken, expires_on: expiresOn, token_type: "Bearer" }));
    });
    const sts = http.createServer((request, response) => {
      void (async () => {
        if (request.headers.authorization !== `Bearer ${entraToken}`) {
          response.statusCode = 401;
          response.end();
          return;
        }
        const url = `${emu.emulator.url}${request.url ?? ""}`;
        const answer = await fetch(url, {
          headers: { authorization: `Bearer ${TEST_ACCOUNT.accountId}:${TEST_ACCOUNT.accountKey}` },
        });
        response.statusCode = answer.status;
        response.setHeader("content-type", "application/json");
        response.end(await answer.text());
      })();
    });
    const listen = async (server: http.Server): Promise<string> => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    const identityUrl = await listen(identity);
    const stsUrl = await listen(sts);
    try {
      const result = await run(
        ["session", "list", "--json", ...flags(), "--authentication-endpoint", stsUrl],
        {
          IDENTITY_ENDPOINT: `${identityUrl}/msi/token`,
          IDENTITY_HEADER: "test-identity-header",
        },
      );
      assert.equal(result.code, 0, show(result));
      assert.match(
        result.stderr,
        /No account key given: authenticating with Microsoft Entra ID \(DefaultAzureCredential\)\./,
      );
      assert.ok(Array.isArray(parseJson(result)));
      assert.equal(identityRequests.length, 1);
      assert.match(identityRequests[0] ?? "", new RegExp(`resource=${encodeURIComponent(stsUrl)}`));
    } finally {
      identity.close();
      sts.close();
    }
  });
});
