// Microsoft Entra ID access tokens at the emulator's token service, so that TokenCredential flows
// (DefaultAzureCredential and friends) can be tested end to end with a local credential. The
// client asks Entra ID for a token with the scope "{token service URL}/.default", so the token's
// audience is the emulator's own URL. Such a token is accepted when its audience is the emulator's
// URL (the origin the request came to) or the real token service's, and it has not expired (real
// time: Entra tokens come from the real world). Its signature is NOT checked: an unsigned
// (alg "none") or self-signed test token is fine. Never expose the emulator beyond loopback.
import { EmulatorHttpError } from "../http/errors.js";

/** The real Mixed Reality token service's audience, also accepted. */
export const MIXED_REALITY_STS_AUDIENCE = "https://sts.mixedreality.azure.com";

export interface EntraTokenClaims {
  aud: string;
  exp: number;
  oid?: string;
  tid?: string;
}

function unauthorized(description: string): EmulatorHttpError {
  return new EmulatorHttpError(401, "Unauthorized", `${description}.`, {
    headers: { "WWW-Authenticate": `Invalid token: ${description}` },
  });
}

/** Whether the bearer value looks like a JWT (header.payload.signature, the signature may be empty). */
export function looksLikeJwt(value: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value);
}

function sameAudience(audience: string, baseUrl: string): boolean {
  const trimmed = audience.replace(/\/+$/, "").toLowerCase();
  if (trimmed === MIXED_REALITY_STS_AUDIENCE) return true;
  try {
    return new URL(trimmed).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

/**
 * Checks an Entra ID token for the token service at `baseUrl`; throws 401 naming what is wrong.
 * `nowInMs` is real time.
 */
export function checkEntraToken(token: string, baseUrl: string, nowInMs: number): EntraTokenClaims {
  let claims: Record<string, unknown>;
  try {
    const payload = token.split(".")[1] ?? "";
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    throw unauthorized("The Microsoft Entra token is not a readable JWT");
  }
  if (typeof claims !== "object" || claims === null) {
    throw unauthorized("The Microsoft Entra token is not a readable JWT");
  }
  const audiences = Array.isArray(claims["aud"]) ? claims["aud"] : [claims["aud"]];
  const audience = audiences.find(
    (value): value is string => typeof value === "string" && sameAudience(value, baseUrl),
  );
  if (audience === undefined) {
    throw unauthorized(
      `The Microsoft Entra token's audience must be this token service (${baseUrl}) or ${MIXED_REALITY_STS_AUDIENCE}`,
    );
  }
  const exp = claims["exp"];
  if (typeof exp !== "number" || exp * 1000 <= nowInMs) {
    throw unauthorized("The Microsoft Entra token expired or has no exp claim");
  }
  return {
    aud: audience,
    exp,
    ...(typeof claims["oid"] === "string" ? { oid: claims["oid"] } : {}),
    ...(typeof claims["tid"] === "string" ? { tid: claims["tid"] } : {}),
  };
}
