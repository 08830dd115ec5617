/**
 * Opens the server database: SQLite via better-sqlite3 in WAL mode with foreign keys on, wrapped in
 * Kysely, migrated to the latest schema. The file lives in the server's data directory
 * (`callsign.sqlite`); `:memory:` is for tests.
 *
 * The file and its WAL/shared-memory companions hold password hashes, sealed TOTP secrets and the
 * audit chain: they are made 0600 on every open (also when an older version, a copy or a restore
 * left them readable to others); the folder is made 0700 by openServerDatabase.
 */
import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { StatementCache, type StatementCacheStats } from './StatementCache.js';

export interface ServerDatabase {
  db: Kysely<Database>;
  /** The raw handle, for SQLite-only fast paths (bulk load). */
  sqlite: BetterSqlite3.Database;
  /** Kysely's prepared statements (StatementCache.ts): hits, misses, size — one count per query run. */
  statementCache: () => StatementCacheStats;
  close(): Promise<void>;
}

export async function openDatabase(file: string): Promise<ServerDatabase> {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  if (file !== ':memory:') restrictFiles(file);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536'); // 64 MiB page cache: bulk loads and 100k-record syncs stay in memory
  const statements = new StatementCache(sqlite);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: { prepare: (sql: string) => statements.prepare(sql), close: () => sqlite.close() },
    }),
  });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`Could not update the database schema in ${file}: ${String(error)}`);
  }
  return { db, sqlite, statementCache: () => statements.stats(), close: () => db.destroy() };
}

/** Owner-only access to the database file and its `-wal` / `-shm` companions (no-op on Windows). */
export function restrictFiles(file: string): void {
  if (process.platform === 'win32') return;
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}
