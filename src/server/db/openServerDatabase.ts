/**
 * The server database for the CLI and the server: PostgreSQL when `DATABASE_URL` is a
 * `postgres://` / `postgresql://` URL, else the embedded SQLite file `callsign.sqlite` in the data
 * folder. Both run the same migrations and the same stores; only SQLite has the raw handle used by
 * the bulk-load fast path (`sqlite`), so callers fall back to portable Kysely writes without it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from './openDatabase.js';
import { openPostgres, redactDatabaseUrl } from './openPostgres.js';
import type { Database } from './schema.js';

/** What the stores need of a database, on either dialect. `ServerDatabase` (SQLite) is one. */
export interface AnyServerDatabase {
  db: Kysely<Database>;
  /** SQLite only. */
  sqlite?: BetterSqlite3.Database;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url.trim());
}

/** Opens (and migrates) the database; `where` is safe to print (no password). */
export async function openServerDatabase(options: {
  dataDir: string;
  databaseUrl?: string;
}): Promise<{ database: AnyServerDatabase; where: string }> {
  if (isPostgresUrl(options.databaseUrl)) {
    return {
      database: await openPostgres(options.databaseUrl.trim()),
      where: redactDatabaseUrl(options.databaseUrl.trim()),
    };
  }
  // 0700 also when the folder already existed (mkdir's mode applies only to folders it creates).
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(options.dataDir, 0o700);
  const file = join(options.dataDir, 'callsign.sqlite');
  return { database: await openDatabase(file), where: file };
}
