// Exit codes of the `arr` command line. Scripts can tell apart a mistake in the command, an error
// answered by the service, and an operation that ran but ended badly.
export const ExitCode = Object.freeze({
  /** The command did what was asked. */
  Success: 0,
  /** A bug or an unexpected local failure (file system, network stack). */
  Unexpected: 1,
  /** Bad flags or values, missing or invalid configuration: nothing was sent. */
  Usage: 2,
  /** The service answered with an error (HTTP 4xx/5xx after retries) or could not be reached. */
  ServiceError: 3,
  /** The operation ran but failed: session ended in Error, Expired or Stopped; conversion Failed or Cancelled. */
  OperationFailed: 4,
  /** Interrupted by Ctrl-C (SIGINT) or SIGTERM while waiting (128 + SIGINT). */
  Interrupted: 130,
});

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
