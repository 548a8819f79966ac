// The token service's GetToken operation.
import { issueAccessToken } from "../auth/accessTokens.js";
import { authenticateAccountKey } from "../auth/authentication.js";
import type { OperationContext, OperationResult } from "../config/emulatorRuntime.js";
import type { WireStsToken } from "./wireTypes.js";
import type { EmulatorAccount } from "../auth/accounts.js";
import { checkEntraToken, looksLikeJwt } from "../auth/entraTokens.js";
import { EmulatorHttpError } from "../http/errors.js";

/** The account of the path, for a Microsoft Entra token (any valid one may use any account). */
function entraAccount(context: OperationContext, token: string): EmulatorAccount {
  checkEntraToken(token, context.baseUrl, Date.now());
  const account = context.runtime.accounts.get(context.parameters.account_id.toLowerCase());
  if (account === undefined) {
    throw new EmulatorHttpError(401, "Unauthorized", "This token service does not know the account.", {
      headers: { "WWW-Authenticate": "Invalid token: unknown account" },
    });
  }
  return account;
}

export function handleGetToken(context: OperationContext): OperationResult {
  const { runtime } = context;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(context.headers.authorization ?? "")?.[1];
  const account =
    bearer !== undefined && !bearer.includes(":") && looksLikeJwt(bearer)
      ? entraAccount(context, bearer)
      : authenticateAccountKey(
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
