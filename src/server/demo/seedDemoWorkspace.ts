/**
 * Seeds the demo workspace: a generated directory (~50 sites, ~2,000 profiles, ~300 references,
 * plus the fixtures) and one account per role. The password is used only to hash the accounts'
 * passwords; it is never stored or logged here.
 */
import type { Role } from '../../shared/api/index.js';
import { DEFAULT_SCRYPT, type ScryptParams } from '../auth/password.js';
import { UserStore } from '../auth/UserStore.js';
import type { AnyServerDatabase } from '../db/openServerDatabase.js';
import { loadDirectory } from '../bundle/loadDirectory.js';
import { DirectoryStore } from '../directory/DirectoryStore.js';
import { bulkLoadDirectory } from '../directory/bulkLoadDirectory.js';
import { demoPolicies } from './demoPolicies.js';
import { generateDirectory } from './generate.js';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' },
  { email: 'noc@callsign.demo', name: 'Nico Noc', role: 'noc' },
  { email: 'supervisor@callsign.demo', name: 'Sky Supervisor', role: 'supervisor' },
  { email: 'admin@callsign.demo', name: 'Alex Admin', role: 'admin' },
];

export const DEMO_SIZE = { sites: 50, profiles: 2000, references: 300, seed: 'callsign-demo' } as const;

export interface SeedOptions {
  password: string;
  now?: () => number;
  /** Lower cost for tests only. */
  scrypt?: ScryptParams;
}

export async function seedDemoWorkspace(
  database: AnyServerDatabase,
  options: SeedOptions,
): Promise<{ sites: number; profiles: number; references: number; accounts: number }> {
  const now = options.now ?? Date.now;
  const directory = generateDirectory(DEMO_SIZE);
  const data = { ...directory, policies: demoPolicies(directory, DEMO_SIZE.seed) };
  // SQLite: the prepared-statement fast path; PostgreSQL: portable writes in one transaction.
  const counts = database.sqlite
    ? bulkLoadDirectory(database.sqlite, data, now())
    : await loadDirectory(new DirectoryStore(database.db, now), data);
  const users = new UserStore(database.db, now, options.scrypt ?? DEFAULT_SCRYPT);
  // In parallel: four scrypt hashes at the production cost (N=2^17) run on libuv's four threads at once.
  await Promise.all(
    DEMO_ACCOUNTS.map(async (account) => {
      if (!(await users.findByEmail(account.email))) await users.create({ ...account, password: options.password });
    }),
  );
  return { ...counts, accounts: DEMO_ACCOUNTS.length };
}
