// A log sink that gathers lines and hands them on in one write per turn of the event loop (or per
// 64 KiB), instead of one write (a system call on a terminal, pipe or file) per request. Lines are
// written in order; `flush` writes what is pending at once, and so does the process's exit.
import type { EmulatorLogSink } from "./requestLog.js";

const FLUSH_AT_CHARACTERS = 64 * 1024;

/** A log sink that writes its lines in batches (see createBufferedLogSink). */
export interface BufferedLogSink extends EmulatorLogSink {
  /** Writes the pending lines now. */
  flush(): void;
  /** Adds a line that is formatted only when it is written. */
  later(format: () => string): void;
}

/** A sink that passes lines to `write` in batches (text of whole lines, each ending in "\n"). */
export function createBufferedLogSink(write: (text: string) => void): BufferedLogSink {
  let pending: Array<string | (() => string)> = [];
  let size = 0;
  let scheduled: NodeJS.Immediate | undefined;
  let hooked = false;
  const flush = (): void => {
    if (scheduled !== undefined) clearImmediate(scheduled);
    scheduled = undefined;
    if (pending.length === 0) return;
    const text = `${pending.map((line) => (typeof line === "string" ? line : line())).join("\n")}\n`;
    pending = [];
    size = 0;
    write(text);
  };
  /** Lines formatted later are counted as this long towards the flush threshold. */
  const LATER_SIZE = 160;
  const add = (line: string | (() => string)): void => {
    pending.push(line);
    size += typeof line === "string" ? line.length + 1 : LATER_SIZE;
    if (size >= FLUSH_AT_CHARACTERS) {
      flush();
      return;
    }
    if (!hooked) {
      hooked = true;
      process.once("exit", flush);
    }
    scheduled ??= setImmediate(flush);
  };
  const sink = (line: string): void => add(line);
  return Object.assign(sink, { flush, later: (format: () => string) => add(format) });
}

/** Gives `sink` a line: formatted when written if the sink buffers lines, at once otherwise. */
export function writeLogLine(sink: EmulatorLogSink, format: () => string): void {
  const later = (sink as Partial<BufferedLogSink>).later;
  if (typeof later === "function") later.call(sink, format);
  else sink(format());
}

/** Writes the pending lines of `sink` if it buffers them (see createBufferedLogSink). */
export function flushLogSink(sink: EmulatorLogSink | undefined): void {
  const flush = (sink as Partial<BufferedLogSink> | undefined)?.flush;
  if (typeof flush === "function") flush.call(sink);
}
