// Errors the command line raises itself; each one maps to an exit code in reportError.
import { ExitCode } from "./exitCodes";

/** The command line was wrong (bad flag, value or configuration); nothing was sent. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  readonly exitCode = ExitCode.Usage;
}

/** The operation reached the service but ended badly (for example a Failed conversion). */
export class OperationFailedError extends Error {
  override readonly name = "OperationFailedError";
  readonly exitCode = ExitCode.OperationFailed;
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

/** The user interrupted a wait; the message says what was left behind. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  readonly exitCode = ExitCode.Interrupted;
}
