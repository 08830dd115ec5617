/** `callsign-server generate` — loads a deterministic generated directory into the database. */
import { mkdirSync } from 'node:fs';
import { loadDirectory } from '../bundle/loadDirectory.js';
import { openServerDatabase } from '../db/openServerDatabase.js';
import { DirectoryStore } from '../directory/DirectoryStore.js';
import { demoPolicies } from '../demo/demoPolicies.js';
import { generateDirectory } from '../demo/generate.js';
import { bulkLoadDirectory } from '../directory/bulkLoadDirectory.js';
import type { CliIo } from './io.js';
import { defaultDataDir, intFlag, parseFlags } from './options.js';

export async function generateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('generate', args, {
    sites: { type: 'string' },
    profiles: { type: 'string' },
    references: { type: 'string' },
    seed: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  const options = {
    sites: intFlag('sites', values.sites, 50, 0, 1_000_000),
    profiles: intFlag('profiles', values.profiles, 2000, 0, 10_000_000),
    references: intFlag('references', values.references, 300, 0, 1_000_000),
    seed: values.seed ?? '1',
  };
  if (options.profiles > 0 && options.sites === 0)
    io.stderr.write('Note: --sites 0, so profiles go to the fixture sites.\n');
  const dataDir = values['data-dir'] ?? defaultDataDir();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // PostgreSQL when DATABASE_URL=postgres://… is set, else SQLite in the data folder.
  const { database, where: file } = await openServerDatabase({ dataDir, databaseUrl: io.env.DATABASE_URL });
  try {
    const t0 = performance.now();
    const directory = generateDirectory({
      ...options,
      seed: /^\d+$/.test(options.seed) ? Number(options.seed) : options.seed,
    });
    const t1 = performance.now();
    const data = { ...directory, policies: demoPolicies(directory, options.seed) };
    const counts = database.sqlite
      ? bulkLoadDirectory(database.sqlite, data, Date.now())
      : await loadDirectory(new DirectoryStore(database.db, Date.now), data);
    const t2 = performance.now();
    const s = (ms: number) => (ms / 1000).toFixed(2);
    io.stdout.write(
      `Loaded ${counts.sites} sites, ${counts.profiles} profiles, ${counts.references} references (fixtures included) into ${file} ` +
        `in ${s(t2 - t0)} s (generate ${s(t1 - t0)} s, load ${s(t2 - t1)} s).\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
