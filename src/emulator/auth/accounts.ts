// Accounts the emulator serves, and the well-known default account used when none is configured.
import { ACCOUNT_ID_PATTERN } from "../operations/validation.js";

export interface EmulatorAccount {
  /** A UUID. */
  accountId: string;
  /** The account key clients exchange for tokens at the token service. */
  accountKey: string;
  /**
   * Host names of storage accounts linked to this account (for example
   * `contoso.blob.core.windows.net`). Conversions may use these containers without a shared access
   * signature; other containers need one, or creation answers 403 DelegatedResourceAccessError.
   */
  linkedStorageAccounts?: readonly string[];
}

/**
 * The account used when none is configured. Its key is public and only good for this emulator,
 * like the well-known development account of other Azure emulators.
 */
export const DEFAULT_EMULATOR_ACCOUNT: Readonly<EmulatorAccount> = Object.freeze({
  accountId: "8c1a7e4d-52f3-4b6e-9d0a-e3a1f5c2b7d9",
  accountKey: "YXJyLWVtdWxhdG9yLWRldmVsb3BtZW50LWtleS0wMDAx",
  linkedStorageAccounts: Object.freeze([]) as readonly string[],
});

/** Checks configured accounts; errors name the offending entry and the allowed form. */
export function validateAccounts(accounts: unknown, parameterName: string): EmulatorAccount[] {
  if (!Array.isArray(accounts)) {
    throw new TypeError(`${parameterName} must be an array of { accountId, accountKey } objects.`);
  }
  if (accounts.length === 0) {
    throw new RangeError(
      `${parameterName} must hold at least one account; leave it out to use the default account.`,
    );
  }
  const seen = new Set<string>();
  return accounts.map((entry: unknown, index) => {
    const name = `${parameterName}[${index}]`;
    if (typeof entry !== "object" || entry === null) {
      throw new TypeError(`${name} must be an object { accountId, accountKey }.`);
    }
    const { accountId, accountKey, linkedStorageAccounts } = entry as Record<string, unknown>;
    if (typeof accountId !== "string" || !ACCOUNT_ID_PATTERN.test(accountId)) {
      throw new RangeError(`${name}.accountId must be a UUID such as 30ea64bd-100f-4bf0-adc9-29fa45d4880c.`);
    }
    if (typeof accountKey !== "string" || accountKey.length === 0 || /\s/.test(accountKey)) {
      throw new TypeError(`${name}.accountKey must be a non-empty string without spaces.`);
    }
    if (
      linkedStorageAccounts !== undefined &&
      (!Array.isArray(linkedStorageAccounts) ||
        linkedStorageAccounts.some((host) => typeof host !== "string"))
    ) {
      throw new TypeError(`${name}.linkedStorageAccounts must be an array of host names.`);
    }
    const key = accountId.toLowerCase();
    if (seen.has(key)) throw new RangeError(`${name}.accountId repeats an earlier account id.`);
    seen.add(key);
    return {
      accountId: key,
      accountKey,
      linkedStorageAccounts: ((linkedStorageAccounts as string[] | undefined) ?? []).map((host) =>
        host.toLowerCase(),
      ),
    };
  });
}
