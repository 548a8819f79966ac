// The output pieces in-process: colour and live-line decisions (NO_COLOR, terminals, pipes), tables,
// the progress line with a fake terminal, and the whole program run with a fake terminal.
import assert from "node:assert/strict";
import FakeTimers from "@sinonjs/fake-timers";
import { runCli } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/cliIo";
import { formatDetails, formatDuration, formatTable } from "../../src/cli/output/formatTable";
import { ProgressLine } from "../../src/cli/output/progressLine";
import { paint, terminalStyle } from "../../src/cli/output/terminalStyle";
import { arrCommandName } from "../../src/cli/commands/followUpCommand";
import { shellQuote } from "../../src/cli/commandContext";

const PLAIN = { color: false, live: false };
const ESC = "\u001b[";

function fakeStream(isTTY: boolean): { isTTY: boolean; text: string; write(chunk: string): boolean } {
  return {
    isTTY,
    text: "",
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe("arr output", () => {
  it("colours only terminals without NO_COLOR, and animates only terminals", () => {
    assert.deepEqual(terminalStyle({ isTTY: true }, {}), { color: true, live: true });
    assert.deepEqual(terminalStyle({ isTTY: true }, { NO_COLOR: "1" }), { color: false, live: true });
    assert.deepEqual(terminalStyle({ isTTY: true }, { NO_COLOR: "" }), { color: true, live: true });
    assert.deepEqual(terminalStyle({ isTTY: true }, { TERM: "dumb" }), { color: false, live: false });
    assert.deepEqual(terminalStyle({ isTTY: false }, {}), { color: false, live: false });
    assert.deepEqual(terminalStyle({}, {}), { color: false, live: false });
    assert.equal(paint({ color: true, live: true }, "bold", "x"), `${ESC}1mx${ESC}22m`);
    assert.equal(paint(PLAIN, "red", "x"), "x");
  });

  it("aligns table columns and detail labels, leaving out empty details", () => {
    assert.equal(
      formatTable(
        ["ID", "STATUS", "NOTE"],
        [
          ["a", "Ready", "x"],
          ["longer-id", "Starting", ""],
        ],
        PLAIN,
      ),
      "ID         STATUS    NOTE\na          Ready     x\nlonger-id  Starting\n",
    );
    assert.equal(
      formatDetails(
        [
          ["Session", "s1"],
          ["Hostname", undefined],
          ["Port", "5"],
        ],
        PLAIN,
      ),
      "Session:  s1\nPort:     5\n",
    );
    assert.equal(formatDuration(0), "0:00");
    assert.equal(formatDuration(65_400), "1:05");
    assert.equal(formatDuration(3_725_000), "1:02:05");
    assert.equal(formatDuration(-5), "0:00");
  });

  it("prints one plain line per change of text when not on a terminal", () => {
    let now = 0;
    const stream = fakeStream(false);
    const line = new ProgressLine(stream, PLAIN, () => now);
    line.update("Session s: Starting");
    now = 3_000;
    line.update("Session s: Starting");
    now = 12_000;
    line.update("Session s: Ready");
    line.stop();
    assert.equal(stream.text, "Session s: Starting (0:00)\nSession s: Ready (0:12)\n");
  });

  it("rewrites one line with a spinner and a ticking clock on a terminal, and clears it when stopped", () => {
    const clock = FakeTimers.install({ toFake: ["setInterval", "clearInterval", "Date"], now: 0 });
    try {
      const stream = fakeStream(true);
      const line = new ProgressLine(stream, { color: true, live: true });
      line.update("Session s: Starting");
      assert.equal(stream.text, `\r${ESC}2K/ Session s: Starting (0:00)`);
      stream.text = "";
      clock.tick(1_000);
      const frames = stream.text.split("\r").filter(Boolean);
      assert.equal(frames.length, 8);
      assert.equal(frames[frames.length - 1], `${ESC}2K/ Session s: Starting (0:01)`);
      stream.text = "";
      line.stop();
      assert.equal(stream.text, `\r${ESC}2K`);
      clock.tick(1_000);
      assert.equal(stream.text, `\r${ESC}2K`, "no frames after stop");
    } finally {
      clock.uninstall();
    }
  });

  it("runs the program with colours on a terminal and none with NO_COLOR", async () => {
    const run = async (env: Record<string, string>): Promise<string> => {
      const stdout = fakeStream(true);
      const io: CliIo = { stdout, stderr: fakeStream(true), env, onInterrupt: () => () => undefined };
      assert.equal(await runCli(["regions"], io), 0);
      return stdout.text;
    };
    assert.ok((await run({})).startsWith(`${ESC}1mREGION`));
    const plain = await run({ NO_COLOR: "1" });
    assert.ok(plain.startsWith("REGION"));
    assert.ok(!plain.includes(ESC));
  });

  it("names the command as npx runs it, and quotes shell values only when needed", () => {
    assert.equal(arrCommandName({ npm_command: "exec" }), "npx arr");
    assert.equal(arrCommandName({ npm_command: "test" }), "arr");
    assert.equal(arrCommandName({}), "arr");
    assert.equal(shellQuote("http://127.0.0.1:80/x"), "http://127.0.0.1:80/x");
    assert.equal(shellQuote("a b"), "'a b'");
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
    assert.equal(shellQuote("$HOME"), "'$HOME'");
  });
});
