// Access tokens shaped like the Mixed Reality token service's: a JWT (header.payload.signature,
// base64url) signed with HMAC-SHA256 and a secret only this emulator knows.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export const TOKEN_ISSUER = "https://sts.mixedreality.emulator.localhost";
export const TOKEN_AUDIENCE = "https://remoterendering.mixedreality.emulator.localhost";

/** Tolerance for `nbf`, as clocks of a restarted, faster emulator may disagree a little. */
const NOT_BEFORE_SKEW_IN_SECONDS = 300;

export interface AccessTokenClaims {
  iss: string;
  aud: string;
  "account-id": string;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}

export type TokenCheck =
  | { valid: true; claims: AccessTokenClaims }
  | { valid: false; reason: "malformed" | "bad-signature" | "expired" | "not-yet-valid" };

function sign(data: string, secret: Buffer): string {
  return createHmac("sha256", secret).update(data).digest("base64url");
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** Issues a token for `accountId`, valid from `nowInMs` for `lifetimeInSeconds`. */
export function issueAccessToken(
  accountId: string,
  nowInMs: number,
  lifetimeInSeconds: number,
  secret: Buffer,
): string {
  const issuedAt = Math.floor(nowInMs / 1000);
  const claims: AccessTokenClaims = {
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    "account-id": accountId.toLowerCase(),
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + lifetimeInSeconds,
    jti: randomUUID(),
  };
  const unsigned = `${encodeSegment({ alg: "HS256", typ: "JWT" })}.${encodeSegment(claims)}`;
  return `${unsigned}.${sign(unsigned, secret)}`;
}

function parseClaims(segment: string): AccessTokenClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null) return undefined;
    const claims = value as Record<string, unknown>;
    const numeric = ["iat", "nbf", "exp"].every((name) => typeof claims[name] === "number");
    return numeric && typeof claims["account-id"] === "string" ? (value as AccessTokenClaims) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks signature and lifetime at `nowInMs` (the emulator clock). */
export function verifyAccessToken(token: string, nowInMs: number, secret: Buffer): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) {
    return { valid: false, reason: "malformed" };
  }
  const [header, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${header}.${payload}`, secret), "utf8");
  const actual = Buffer.from(signature, "utf8");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { valid: false, reason: "bad-signature" };
  }
  const claims = parseClaims(payload);
  if (claims === undefined) return { valid: false, reason: "malformed" };
  return checkTokenLifetime(claims, nowInMs);
}

/** Checks the lifetime of claims whose signature was verified, at `nowInMs` (the emulator clock). */
export function checkTokenLifetime(claims: AccessTokenClaims, nowInMs: number): TokenCheck {
  const nowInSeconds = nowInMs / 1000;
  if (nowInSeconds >= claims.exp) return { valid: false, reason: "expired" };
  if (nowInSeconds + NOT_BEFORE_SKEW_IN_SECONDS < claims.nbf)
    return { valid: false, reason: "not-yet-valid" };
  return { valid: true, claims };
}
