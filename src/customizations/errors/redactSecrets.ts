// Redaction of credentials (account keys, tokens) from text a user can see: error messages and the
// service's error details.

/** Secrets at least this long are replaced wherever they occur, even inside a longer word. */
export const minimumSubstringSecretLength = 8;

/** The text that stands in for a redacted secret. */
export const redactedText = "[REDACTED]";

/**
 * A character that continues a token: a letter, a digit, or one of "+/-_" (as in base64, base64url and
 * correlation vectors), so that words and correlation vectors are never cut into.
 */
const tokenCharacter = "[\\p{L}\\p{N}+/_-]";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces each secret in a text with "[REDACTED]". A secret of 8 characters or more is replaced
 * wherever it occurs. A shorter one (a toy key such as "k" on a local emulator) is replaced only where
 * it stands as a whole token, not directly after or before a letter, a digit or one of "+/-_":
 * replacing every "k" would mangle words such as "Token" or a correlation vector while hiding nothing.
 * Longer secrets are replaced first, so that a credential containing a shorter secret (such as
 * "{accountId}:{key}") goes as a whole.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const ordered = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of ordered) {
    if (secret.length >= minimumSubstringSecretLength) {
      result = result.split(secret).join(redactedText);
    } else {
      const wholeToken = new RegExp(
        `(?<!${tokenCharacter})${escapeRegExp(secret)}(?!${tokenCharacter})`,
        "gu",
      );
      result = result.replace(wholeToken, redactedText);
    }
  }
  return result;
}
