/**
 * The database a CLI command works on: `DATABASE_URL` (PostgreSQL) when set, else the SQLite file
 * `callsign.sqlite` in `--data-dir` (default: the per-user data folder), created if missing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import type { CliIo } from './io.js';
import { defaultDataDir } from './options.js';

export async function openDataDirDatabase(dataDir: string | undefined, _io: Pick<CliIo, 'env'>): Promise<{ database: ServerDatabase; where: string }> {
  const dir = dataDir ?? defaultDataDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'callsign.sqlite');
  return { database: await openDatabase(file), where: file };
}
