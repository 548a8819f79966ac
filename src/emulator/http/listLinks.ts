// `@nextLink` values: absolute URLs on the host the client called, so that a client that only
// sends credentials to its own endpoint can follow them.
import type { OperationContext } from "../config/emulatorRuntime.js";
import { SKIP_TOKEN_PARAMETER } from "./paging.js";

export function listPageLink(
  context: OperationContext,
  collection: "sessions" | "conversions",
  token: string,
): string {
  const query = new URLSearchParams();
  if (context.apiVersion !== undefined) query.set("api-version", context.apiVersion);
  query.set(SKIP_TOKEN_PARAMETER, token);
  const account = encodeURIComponent(context.parameters.account_id);
  return `${context.baseUrl}/accounts/${account}/${collection}?${query.toString()}`;
}
