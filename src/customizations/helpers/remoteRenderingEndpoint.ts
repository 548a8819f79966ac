// The endpoint of the Remote Rendering service in a region, built from the region name with the
// form checked, so a typo fails at once instead of as a DNS error at the first request.
import { requireString } from "../validation.js";

/**
 * The public endpoint of the Remote Rendering service in an Azure region, for example
 * `remoteRenderingEndpoint("eastus")` is `https://remoterendering.eastus.mixedreality.azure.com`.
 *
 * @param region - an Azure region name: letters and digits only, such as "eastus" or "westeurope".
 */
export function remoteRenderingEndpoint(region: string): string {
  const form = 'an Azure region name of letters and digits, such as "eastus"';
  const name = requireString("region", region, form);
  if (!/^[A-Za-z0-9]+$/.test(name)) {
    throw new RangeError(`region must be ${form}; got ${JSON.stringify(name)}.`);
  }
  return `https://remoterendering.${name.toLowerCase()}.mixedreality.azure.com`;
}
