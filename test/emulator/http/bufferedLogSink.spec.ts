import assert from "node:assert/strict";
import { createBufferedLogSink, writeLogLine } from "../../../src/emulator/http/bufferedLogSink";

describe("createBufferedLogSink", () => {
  it("writes the lines of one turn of the event loop in one write, in order, formatting late ones then", async () => {
    const writes: string[] = [];
    const sink = createBufferedLogSink((text) => writes.push(text));
    let formatted = 0;
    sink("one");
    writeLogLine(sink, () => {
      formatted += 1;
      return "two";
    });
    sink("three");
    assert.deepEqual(writes, []);
    assert.equal(formatted, 0, "not formatted before it is written");
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(writes, ["one\ntwo\nthree\n"]);
    assert.equal(formatted, 1);
  });

  it("writes pending lines at once on flush, and when 64 KiB are pending", () => {
    const writes: string[] = [];
    const sink = createBufferedLogSink((text) => writes.push(text));
    sink("a");
    sink.flush();
    assert.deepEqual(writes, ["a\n"]);
    sink.flush();
    assert.equal(writes.length, 1, "nothing pending, nothing written");
    const long = "x".repeat(1000);
    for (let i = 0; i < 70; i += 1) sink(long);
    assert.equal(writes.length, 2);
    sink.flush();
  });

  it("calls a plain function sink with each formatted line", () => {
    const lines: string[] = [];
    writeLogLine(
      (line) => lines.push(line),
      () => "formatted",
    );
    assert.deepEqual(lines, ["formatted"]);
  });
});
