// Errors the command line raises itself; each one maps to an exit code in reportError.
import { ExitCode } from "./exitCodes.js";

/** The command line was wrong (bad flag, value or configuration); nothing was sent. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly exitCode = ExitCode.Usage;
}

/** The operation reached the service but ended badly (for example a Failed conversion). */
export class OperationFailedError extends Error {
  override readonly name = "OperationFailedError";
  readonly exitCode = ExitCode.OperationFailed;
  /** The service's error code, when the service reported one. */
  readonly code: string | undefined;
  /** The MS-CV correlation vector of the response that reported the failure. */
  readonly msCv: string | undefined;
  constructor(message: string, cause?: unknown) {
    super(message);
    const code = (cause as { code?: unknown } | undefined)?.code;
    const msCv = (cause as { msCv?: unknown } | undefined)?.msCv;
    this.code = typeof code === "string" ? code : undefined;
    this.msCv = typeof msCv === "string" ? msCv : undefined;
  }
}

/** The user interrupted a wait; the message says what was left behind. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  readonly exitCode = ExitCode.Interrupted;
}
