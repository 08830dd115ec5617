/**
 * Which rotation drivers `serve` offers. The demo workspace gets the `simulated-agent` (it records
 * rotations in the data folder); the real `ldap` driver (drivers/LdapDriver.ts) is added here, built
 * with `context.directories` for its site's settings.
 */
import type { RotationDriver } from './RotationDriver.js';
import { LdapDriver } from './drivers/LdapDriver.js';
import { ldapConfigSource } from './drivers/ldapConfigSource.js';
import { SimulatedAgentDriver } from './drivers/SimulatedAgentDriver.js';
import type { VaultDriverContext } from './vaultServices.js';

export function vaultDrivers(
  context: VaultDriverContext,
  options: { demo: boolean; dataDir: string },
): RotationDriver[] {
  // The real directory driver is always offered; a site uses it once its directory is configured.
  const drivers: RotationDriver[] = [new LdapDriver(ldapConfigSource(context.directories))];
  if (options.demo) drivers.push(new SimulatedAgentDriver(options.dataDir));
  return drivers;
}
