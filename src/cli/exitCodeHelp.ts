// The exit code table printed at the end of `arr --help`.
import { ExitCode } from "./exitCodes";

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
