// The account domain (flag and ARR_ACCOUNT_DOMAIN), ARR_REGION and ARR_AUTHENTICATION_ENDPOINT as a
// child `arr` reads them. The emulator ignores the account domain, so its handling shows in what is
// accepted and what is refused before anything is sent.
import assert from "node:assert/strict";
import { makeTmpDir, parseJson, runArr, show, type ArrResult } from "./support/arrProcess";
import { TEST_ACCOUNT, startTestEmulator, type TestEmulator } from "./support/testEmulator";

describe("arr account domain, region and token service settings", function () {
  let tmp: ReturnType<typeof makeTmpDir>;
  let emu: TestEmulator;

  before(async () => {
    tmp = makeTmpDir("account-env");
    emu = await startTestEmulator();
  });
  after(async () => {
    await emu.close();
    tmp.remove();
  });

  const run = (args: string[], env: Record<string, string | undefined> = {}): Promise<ArrResult> =>
    runArr(["session", "list", "--json", ...args], { tmpDir: tmp.dir, env });
  const flags = (): string[] => [
    "--endpoint",
    emu.emulator.url,
    "--account-id",
    TEST_ACCOUNT.accountId,
    "--account-key",
    TEST_ACCOUNT.accountKey,
  ];

  /** The error reported on stderr (as JSON, since every run has --json). */
  function errorOf(result: ArrResult): { exitCode: number; message: string } {
    const line = result.stderr.trim().split("\n").pop() ?? "";
    return (JSON.parse(line) as { error: { exitCode: number; message: string } }).error;
  }

  it("takes --account-domain, a bare region standing for {region}.mixedreality.azure.com", async () => {
    const [region, full, bad] = await Promise.all([
      run([...flags(), "--account-domain", "westeurope"]),
      run([...flags(), "--account-domain", "westeurope.mixedreality.azure.com"]),
      run([...flags(), "--account-domain", "not a domain"]),
    ]);
    assert.equal(region.code, 0, show(region));
    assert.ok(Array.isArray(parseJson(region)));
    assert.equal(full.code, 0, show(full));
    assert.equal(bad.code, 2, show(bad));
    assert.match(errorOf(bad).message, /Invalid account settings: accountDomain must be a host name/);
  });

  it("takes ARR_ACCOUNT_DOMAIN, and a flag wins over it", async () => {
    const env = { ...emu.env, ARR_ACCOUNT_DOMAIN: "contoso" };
    const [fromEnv, flagWins] = await Promise.all([
      run([], env),
      run(["--account-domain", "eastus.mixedreality.azure.com"], env),
    ]);
    assert.equal(fromEnv.code, 2, show(fromEnv));
    assert.match(errorOf(fromEnv).message, /accountDomain must be .*; got the bare name "contoso"/);
    assert.equal(flagWins.code, 0, show(flagWins));
  });

  it("takes ARR_REGION and ARR_AUTHENTICATION_ENDPOINT: unknown or insecure ones are usage errors", async () => {
    const [region, insecure, unreachable] = await Promise.all([
      run([], { ARR_REGION: "mars", ARR_ACCOUNT_ID: TEST_ACCOUNT.accountId }),
      run([], { ...emu.env, ARR_AUTHENTICATION_ENDPOINT: "http://example.com" }),
      // Port 9 (discard) on this machine: nothing listens, so getting a token fails.
      run([], { ...emu.env, ARR_AUTHENTICATION_ENDPOINT: "http://127.0.0.1:9" }),
    ]);
    assert.equal(region.code, 2, show(region));
    assert.match(errorOf(region).message, /Unknown region "mars"/);
    assert.equal(insecure.code, 2, show(insecure));
    assert.match(errorOf(insecure).message, /authentication endpoint "http:\/\/example\.com" must use https/);
    assert.equal(unreachable.code, 3, show(unreachable));
    assert.equal(errorOf(unreachable).exitCode, 3);
    assert.match(errorOf(unreachable).message, /ECONNREFUSED|127\.0\.0\.1:9/);
  });
});
