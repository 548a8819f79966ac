// A progress line for long waits ("Starting, 0:12"). On a terminal it is rewritten in place with a
// spinner and a ticking clock; in a pipe or a log file it prints one plain line per change of text,
// so captured output stays readable and free of control characters.
import { formatDuration } from "./formatTable.js";
import type { StyledStream, TerminalStyle } from "./terminalStyle.js";

export interface ProgressStream extends StyledStream {
  write(text: string): unknown;
}

const FRAMES = ["|", "/", "-", "\\"];
const REFRESH_IN_MS = 125;

export class ProgressLine {
  private text = "";
  private frame = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly startedAt: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly style: TerminalStyle,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** Shows `text` with the time elapsed since the line was created. */
  update(text: string): void {
    if (text === this.text) return;
    this.text = text;
    if (!this.style.live) {
      this.stream.write(`${text} (${formatDuration(this.now() - this.startedAt)})\n`);
      return;
    }
    this.render();
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.render(), REFRESH_IN_MS);
      this.timer.unref?.();
    }
  }

  /** Stops the spinner and clears the live line, so the next output starts on a clean line. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.style.live && this.text !== "") this.stream.write("\r\u001b[2K");
  }

  private render(): void {
    this.frame = (this.frame + 1) % FRAMES.length;
    const elapsed = formatDuration(this.now() - this.startedAt);
    this.stream.write(`\r\u001b[2K${FRAMES[this.frame]} ${this.text} (${elapsed})`);
  }
}
