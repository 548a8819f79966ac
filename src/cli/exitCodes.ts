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

/** The exit code table printed at the end of `arr --help`. */
export const EXIT_CODE_HELP = `
Exit codes:
  ${ExitCode.Success}    success
  ${ExitCode.Unexpected}    unexpected error (a bug or a local failure)
  ${ExitCode.Usage}    usage error: bad flag, value or configuration; nothing was sent
  ${ExitCode.ServiceError}    service error: the service answered with an error or could not be reached
  ${ExitCode.OperationFailed}    failed operation: session ended in Error, Expired or Stopped; conversion Failed or Cancelled
  ${ExitCode.Interrupted}  interrupted by Ctrl-C while waiting

Environment: ARR_ACCOUNT_ID, ARR_ACCOUNT_DOMAIN, ARR_ACCOUNT_KEY, ARR_ENDPOINT or ARR_REGION,
ARR_AUTHENTICATION_ENDPOINT; NO_COLOR turns colours off. Flags win over the environment, which
wins over --config.
`;
