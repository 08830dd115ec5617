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
  const optimizer = scheduleOptimize(sqlite, file);
  return {
    db,
    sqlite,
    statementCache: () => statements.stats(),
    close: async () => {
      clearInterval(optimizer);
      runOptimize(sqlite, file, 'optimize');
      await db.destroy();
    },
  };
}

/** How often a long-lived server re-runs `PRAGMA optimize` (SQLite recommends every few hours). */
export const OPTIMIZE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Planner statistics. Without `sqlite_stat1` SQLite guesses index selectivity, and with several
 * indexes on one table (approval_records has one per review filter) it can pick a poor one. The
 * documented recipe for a long-lived connection: `optimize=0x10002` at open (analyses every table
 * that needs it, not only those queried on this connection; bounded by its analysis_limit), then
 * `optimize` every few hours and at close. Cheap when nothing changed.
 */
function scheduleOptimize(sqlite: BetterSqlite3.Database, file: string): ReturnType<typeof setInterval> {
  runOptimize(sqlite, file, 'optimize=0x10002');
  const timer = setInterval(() => runOptimize(sqlite, file, 'optimize'), OPTIMIZE_EVERY_MS);
  timer.unref(); // never keeps a CLI or a test process alive
  return timer;
}

function runOptimize(sqlite: BetterSqlite3.Database, file: string, pragma: string) {
  if (!sqlite.open) return;
  try {
    sqlite.pragma(pragma);
  } catch (err) {
    // Only query plans suffer (they keep the statistics they had); the database works on.
    console.warn(`Callsign server: PRAGMA ${pragma} failed on ${file}; query plans may be slower`, err);
  }
}

/** Owner-only access to the database file and its `-wal` / `-shm` companions (no-op on Windows). */
export function restrictFiles(file: string): void {
  if (process.platform === 'win32') return;
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}
