// Reads the expiry of a JSON Web Token without verifying it: the client only needs to know when to
// fetch a new token; the service verifies signatures.

/**
 * The `exp` claim of a JWT in milliseconds since the epoch, or undefined when the text is not a JWT
 * with a numeric `exp`.
 */
export function parseJwtExpiryInMs(token: string): number | undefined {
  const parts = token.split(".");
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined || payload === "") {
    return undefined;
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof claims !== "object" || claims === null) {
    return undefined;
  }
  const exp = (claims as Record<string, unknown>)["exp"];
  return typeof exp === "number" && Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
}
