// The settings the command line gathers from flags, environment variables and a config file,
// before they are merged (see resolveSettings).
import type { SessionSizeName } from "../parseOptionValues.js";

/** Where to connect and how to authenticate. Every field is optional at this stage. */
export interface AccountSettings {
  accountId?: string;
  accountDomain?: string;
  accountKey?: string;
  /** A full service URL. Wins over `region` from the same source. */
  endpoint?: string;
  /** A region name such as `westeurope`, turned into its endpoint. */
  region?: string;
  /** The token service URL; default `https://sts.{accountDomain}`. */
  authenticationEndpoint?: string;
}

/** Defaults for `arr session start`. */
export interface SessionDefaults {
  size?: SessionSizeName;
  leaseInMinutes?: number;
}

/** Defaults for `arr conversion start`. */
export interface ConversionDefaults {
  inputContainerUrl?: string;
  inputBlobPrefix?: string;
  inputAssetPath?: string;
  outputContainerUrl?: string;
  outputBlobPrefix?: string;
  outputAssetName?: string;
  /** Local folder to upload (localAssetDirectoryPath). */
  localAssetDirectory?: string;
}

/** Everything a config file can hold. */
export interface ConfigFileSettings {
  account: AccountSettings;
  session: SessionDefaults;
  conversion: ConversionDefaults;
}

/** Where a setting came from, for messages ("ARR_ENDPOINT", "--endpoint", "config file"). */
export type SettingSource = "flag" | "environment" | "config file";
