// Who may call what. The token service takes `Bearer {accountId}:{accountKey}`; the data plane
// takes `Bearer <access token>` issued for the account named in the path.
import { timingSafeEqual } from "node:crypto";
import type { EmulatorAccount } from "./accounts.js";
import type { VerifiedTokenCache } from "./verifiedTokenCache.js";
import { EmulatorHttpError } from "../http/errors.js";

function unauthorized(message: string, challenge: string): EmulatorHttpError {
  return new EmulatorHttpError(401, "Unauthorized", message, { headers: { "WWW-Authenticate": challenge } });
}

function bearerValue(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The token service's check. Challenges follow the style of the token service's examples
 * ("Invalid token: ..."). A key for another account than the one in the path is refused too.
 */
export function authenticateAccountKey(
  authorization: string | undefined,
  pathAccountId: string,
  accounts: ReadonlyMap<string, EmulatorAccount>,
): EmulatorAccount {
  const value = bearerValue(authorization);
  if (value === undefined) {
    const message = "The Authorization header must be 'Bearer {accountId}:{accountKey}'.";
    throw unauthorized(message, `Invalid token: ${message}`);
  }
  const separator = value.indexOf(":");
  const accountId = separator > 0 ? value.slice(0, separator).toLowerCase() : "";
  const key = separator > 0 ? value.slice(separator + 1) : "";
  const account = accounts.get(pathAccountId.toLowerCase());
  if (account === undefined || accountId !== account.accountId || !sameSecret(key, account.accountKey)) {
    const message = "The account id or account key is not valid for this account.";
    throw unauthorized(message, `Invalid token: ${message}`);
  }
  return account;
}

/** The data plane's check: 401 for a missing, malformed, forged or expired token; 403 for another account. */
export function authenticateAccessToken(
  authorization: string | undefined,
  pathAccountId: string,
  accounts: ReadonlyMap<string, EmulatorAccount>,
  tokens: VerifiedTokenCache,
  nowInMs: number,
): EmulatorAccount {
  const token = bearerValue(authorization);
  if (token === undefined) {
    throw unauthorized(
      "An access token from the token service is required: 'Authorization: Bearer <token>'.",
      'Bearer error="invalid_request", error_description="The access token is missing"',
    );
  }
  const check = tokens.check(token, nowInMs);
  if (!check.valid) {
    const description =
      check.reason === "expired" ? "The access token expired" : "The access token is not valid";
    throw unauthorized(`${description}.`, `Bearer error="invalid_token", error_description="${description}"`);
  }
  const tokenAccount = accounts.get(check.claims["account-id"]);
  if (tokenAccount === undefined) {
    const description = "The access token names an account this service does not know";
    throw unauthorized(`${description}.`, `Bearer error="invalid_token", error_description="${description}"`);
  }
  if (tokenAccount.accountId !== pathAccountId.toLowerCase()) {
    throw new EmulatorHttpError(403, "Forbidden", "The access token was issued for another account.");
  }
  return tokenAccount;
}
