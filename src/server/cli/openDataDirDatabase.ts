/**
 * The database a CLI command works on: PostgreSQL when `DATABASE_URL=postgres://…` is set, else
 * the SQLite file `callsign.sqlite` in `--data-dir` (default: the per-user data folder).
 */
import { mkdirSync } from 'node:fs';
import { openServerDatabase, type AnyServerDatabase } from '../db/openServerDatabase.js';
import type { CliIo } from './io.js';
import { defaultDataDir } from './options.js';

export async function openDataDirDatabase(
  dataDir: string | undefined,
  io: Pick<CliIo, 'env'>,
): Promise<{ database: AnyServerDatabase; where: string }> {
  const dir = dataDir ?? defaultDataDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return openServerDatabase({ dataDir: dir, databaseUrl: io.env.DATABASE_URL });
}
