// The token service's GetToken operation.
import { issueAccessToken } from "../auth/accessTokens.js";
import { authenticateAccountKey } from "../auth/authentication.js";
import type { OperationContext, OperationResult } from "../config/emulatorRuntime.js";
import type { WireStsToken } from "./wireTypes.js";

export function handleGetToken(context: OperationContext): OperationResult {
  const { runtime } = context;
  const account = authenticateAccountKey(
    context.headers.authorization,
    context.parameters.account_id,
    runtime.accounts,
  );
  const body: WireStsToken = {
    AccessToken: issueAccessToken(
      account.accountId,
      context.now,
      runtime.config.tokenLifetimeInSeconds,
      runtime.signingSecret,
    ),
  };
  return { status: 200, body };
}
