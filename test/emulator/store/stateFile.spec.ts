// Reading data files: every record is checked, and errors name the file, the line (or the record of
// a first-format file) and the field. Nothing is loaded or saved from a file that fails a check.
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ManualClock, startEmulator } from "../../../src/emulator/index";
import { parseStateFile } from "../../../src/emulator/store/stateFile";
import { START_TIME_IN_MS, callUrl, dataPlaneUrl, fetchToken } from "../support/emulatorHarness";

const ACCOUNT = { accountId: "5e1f0c2a-8d3b-4e6f-9a7c-1b2d3e4f5a6b", accountKey: "persisted-key" };
const CONVERSION = {
  settings: {
    inputLocation: {
      storageContainerUri: "https://a.blob.core.windows.net/in",
      storageContainerReadListSas: "secret-read",
      relativeInputAssetPath: "a.fbx",
    },
    outputLocation: {
      storageContainerUri: "https://a.blob.core.windows.net/out",
      storageContainerWriteSas: "secret-write",
    },
  },
};

type Line = Record<string, Record<string, unknown>>;

describe("emulator data files", () => {
  let folder: string;
  let dataFile: string;
  /** A valid file: the header, two sessions (s1, s2) and a conversion (c1). */
  let lines: Line[];

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), "arr-state-file-"));
    dataFile = path.join(folder, "state.json");
    const emulator = await startEmulator({
      dataFile,
      logger: false,
      accounts: [ACCOUNT],
      clock: new ManualClock(START_TIME_IN_MS),
    });
    const token = await fetchToken(emulator.url, ACCOUNT);
    const url = (p: string) => dataPlaneUrl(emulator.url, ACCOUNT.accountId, p);
    for (const id of ["s1", "s2"]) {
      await callUrl("PUT", url(`/sessions/${id}`), {
        token,
        body: { maxLeaseTimeMinutes: 30, size: "Standard" },
      });
    }
    await callUrl("PUT", url("/conversions/c1"), { token, body: CONVERSION });
    await emulator.close();
    lines = (await fs.readFile(dataFile, "utf8"))
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Line);
  });
  after(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  const text = (edited: Line[]): string => edited.map((line) => `${JSON.stringify(line)}\n`).join("");
  const edit = (index: number, change: (line: Line) => void): Line[] => {
    const copy = structuredClone(lines);
    change(copy[index] as Line);
    return copy;
  };

  it("refuses invalid records with an error naming the file, the line, the record and the field", async () => {
    const cases: Array<[string, Line[], RegExp]> = [
      [
        "an empty signing secret",
        edit(0, (h) => ((h as Record<string, unknown>).signingSecret = "")),
        /line 1: signingSecret must be base64 of at least 16 bytes/,
      ],
      [
        "a short signing secret",
        edit(0, (h) => ((h as Record<string, unknown>).signingSecret = "c2hvcnQ=")),
        /line 1: signingSecret /,
      ],
      [
        "a bad account",
        edit(0, (h) => ((h as Record<string, unknown>).accounts = [{ accountId: "x", accountKey: "k" }])),
        /line 1: accounts\[0\]\.accountId must be a UUID/,
      ],
      [
        "a negative lease",
        edit(1, (l) => (l.session!.maxLeaseTimeMinutes = -5)),
        /line 2 \(session "s1"\): maxLeaseTimeMinutes must be an integer from 30 to 1440; got -5/,
      ],
      [
        "an unknown size",
        edit(2, (l) => (l.session!.size = "Huge")),
        /line 3 \(session "s2"\): size must be "Standard" or "Premium"; got "Huge"/,
      ],
      [
        "a time that is not a number",
        edit(1, (l) => (l.session!.readyAtInMs = "soon")),
        /line 2 \(session "s1"\): readyAtInMs must be a time/,
      ],
      [
        "a bad id",
        edit(2, (l) => (l.session!.id = "has space")),
        /line 3 \(session "has space"\): id must be a string matching/,
      ],
      [
        "a kept access signature",
        edit(
          3,
          (l) =>
            ((
              l.conversion!.settings as { inputLocation: Record<string, unknown> }
            ).inputLocation.storageContainerReadListSas = "sig"),
        ),
        /line 4 \(conversion "c1"\): settings\.inputLocation\.storageContainerReadListSas must be absent/,
      ],
      [
        "a conversion ending before it runs",
        edit(3, (l) => (l.conversion!.finishedAtInMs = 0)),
        /line 4 \(conversion "c1"\): finishedAtInMs must be a time/,
      ],
      [
        "two records with one sequence",
        edit(2, (l) => (l.session!.sequence = lines[1]!.session!.sequence)),
        /line 3 \(session "s2"\): sequence \d+ is used by both session .*\/s1 and session .*\/s2/,
      ],
      [
        "a line that is no record",
        [...lines.slice(0, 2), { other: {} }, ...lines.slice(2)],
        /line 3 is neither \{"session": \.\.\.\} nor \{"conversion": \.\.\.\}/,
      ],
      [
        "a record that is not an object",
        edit(1, (l) => ((l as Record<string, unknown>).session = 42)),
        /line 2 \(session\): the session must be an object; got 42/,
      ],
    ];
    for (const [name, edited, message] of cases) {
      const content = text(edited);
      await fs.writeFile(dataFile, content);
      await assert.rejects(startEmulator({ dataFile, logger: false }), (error: Error) => {
        assert.ok(error instanceof RangeError, `${name}: ${error.name}`);
        assert.ok(
          error.message.startsWith(`The emulator data file ${dataFile} cannot be used: `),
          `${name}: ${error.message}`,
        );
        assert.match(error.message, message, name);
        return true;
      });
      assert.equal(await fs.readFile(dataFile, "utf8"), content, `${name}: the file was changed`);
    }
    const broken = `${text(lines.slice(0, 2))}{"session": \n${text(lines.slice(2))}`;
    assert.throws(() => parseStateFile(broken, "f.json"), /f\.json cannot be used: line 3 is not valid JSON/);
  });

  it("never shows the signing secret in an error", () => {
    const secret = "x".repeat(10);
    const content = text(edit(0, (h) => ((h as Record<string, unknown>).signingSecret = secret)));
    assert.throws(
      () => parseStateFile(content, "f.json"),
      (error: Error) => !error.message.includes(secret) && /got "10 characters"/.test(error.message),
    );
  });

  it("leaves out an unfinished last line (a save cut short, never acknowledged)", () => {
    const torn = `${text(lines)}{"session":{"accountId":"${ACCOUNT.accountId}","id":"s3","seq`;
    const parsed = parseStateFile(torn, "f.json");
    assert.equal(parsed.tornTail, true);
    assert.deepEqual(
      [...parsed.state.sessions.values()].map((session) => session.id),
      ["s1", "s2"],
    );
    assert.equal(parsed.state.conversions.size, 1);
  });

  it("applies later lines over earlier ones and continues the sequence", () => {
    const stopped = edit(1, (l) => (l.session!.stoppedAtInMs = START_TIME_IN_MS + 1000));
    const parsed = parseStateFile(text([...lines, stopped[1] as Line]), "f.json");
    const s1 = [...parsed.state.sessions.values()].find((session) => session.id === "s1");
    assert.equal(s1?.stoppedAtInMs, START_TIME_IN_MS + 1000);
    assert.equal(parsed.state.nextSequence, 4);
    assert.deepEqual(
      [...parsed.state.sessions.openAfter(ACCOUNT.accountId, 0)].map((session) => session.id),
      ["s2"],
    );
  });

  it("reads files of the first format (one JSON document) and rewrites them as a journal", async () => {
    const header = lines[0] as Record<string, unknown>;
    const sessions = lines.filter((line) => "session" in line).map((line) => line.session);
    const conversions = lines.filter((line) => "conversion" in line).map((line) => line.conversion);
    const document = {
      format: "arr-emulator-state/1",
      signingSecret: header.signingSecret,
      accounts: header.accounts,
      nextSequence: 4,
      sessions,
      conversions,
    };
    await fs.writeFile(dataFile, JSON.stringify(document, null, 1));
    const emulator = await startEmulator({ dataFile, logger: false });
    try {
      const token = await fetchToken(emulator.url, ACCOUNT);
      const answer = await callUrl("GET", dataPlaneUrl(emulator.url, ACCOUNT.accountId, "/sessions/s2"), {
        token,
      });
      assert.equal(answer.status, 200);
    } finally {
      await emulator.close();
    }
    const rewritten = (await fs.readFile(dataFile, "utf8")).split("\n");
    assert.equal((JSON.parse(rewritten[0] ?? "") as { format: string }).format, "arr-emulator-state/2");
    assert.equal(rewritten.length, 1 + 3 + 1);

    (document.sessions[1] as Record<string, unknown>).size = "Tiny";
    const invalid = JSON.stringify(document, null, 1);
    await fs.writeFile(dataFile, invalid);
    await assert.rejects(
      startEmulator({ dataFile, logger: false }),
      /cannot be used: sessions\[1\] \(session "s2"\): size must be/,
    );
    assert.equal(await fs.readFile(dataFile, "utf8"), invalid);
  });
});
