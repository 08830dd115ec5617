/**
 * The rotation drivers this server has, keyed by name (`ldap`, `simulated-agent`). Built once at
 * start from driver instances (`createDriverRegistry([new SimulatedAgentDriver(dir), ldapDriver])`);
 * an account names its driver, and a dynamic account whose driver is missing cannot be created.
 */
import type { RotationDriverName } from '../../shared/api/index.js';
import type { RotationDriver } from './RotationDriver.js';

export interface DriverRegistry {
  get(name: string): RotationDriver | undefined;
  has(name: string): boolean;
  names(): RotationDriverName[];
}

export function createDriverRegistry(drivers: readonly RotationDriver[]): DriverRegistry {
  const byName = new Map<string, RotationDriver>();
  for (const d of drivers) {
    if (byName.has(d.name)) throw new Error(`Two rotation drivers are named "${d.name}"; give each its own name.`);
    byName.set(d.name, d);
  }
  return {
    get: (name) => byName.get(name),
    has: (name) => byName.has(name),
    names: () => [...byName.keys()].sort() as RotationDriverName[],
  };
}
