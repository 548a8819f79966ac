// What the command line needs from its process: two output streams, the environment and a way to
// hear Ctrl-C. main.ts passes the real process; everything else takes this interface.
import type { ProgressStream } from "./output/progressLine.js";

export type InterruptSignal = "SIGINT" | "SIGTERM";

export interface CliIo {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Calls `handler` on SIGINT or SIGTERM until the returned function is called. */
  onInterrupt(handler: (signal: InterruptSignal) => void): () => void;
}

/** The real process. While a handler is registered, the default "exit at once" is replaced. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    onInterrupt(handler) {
      process.on("SIGINT", handler);
      process.on("SIGTERM", handler);
      return () => {
        process.off("SIGINT", handler);
        process.off("SIGTERM", handler);
      };
    },
  };
}
