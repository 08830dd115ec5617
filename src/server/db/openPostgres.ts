/**
 * Opens the server database on PostgreSQL (`DATABASE_URL=postgres://…`): a `pg` pool wrapped in
 * Kysely's PostgresDialect, migrated with the same portable migrations as SQLite. BIGINT columns
 * (epoch-millisecond timestamps, seqs, counts) are read as JS numbers — all stay below 2^53 — so
 * the stores behave exactly as on SQLite.
 */
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

const INT8_OID = 20;

export interface PostgresServerDatabase {
  db: Kysely<Database>;
  dialect: 'postgres';
  close(): Promise<void>;
}

/** `postgres://user:***@host/db` — the password never reaches a message or log. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/**
 * `schema` (an existing schema; tests use one per file) puts every table in it instead of `public`:
 * it becomes the connections' search_path and the migrator's home. `migrate: false` opens a plain
 * connection (tests use one to create and drop their schemas).
 */
export async function openPostgres(
  url: string,
  options: { max?: number; schema?: string; migrate?: boolean } = {},
): Promise<PostgresServerDatabase> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format),
  };
  const searchPath = options.schema ? { options: `-c search_path=${options.schema}` } : {};
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: types as pg.CustomTypesConfig,
    ...searchPath,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (options.migrate === false) return { db, dialect: 'postgres', close: () => db.destroy() };
  // Named explicitly: Kysely's migrator otherwise takes a migration table in ANY schema as its own.
  // This is the first query on the pool: when it fails the database cannot be reached or used, so
  // the failure is the one to report (it was once swallowed, and the migrator's own failure then
  // blamed the schema update for a refused connection or a wrong password).
  let schema = options.schema;
  if (!schema) {
    try {
      schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
    } catch (error) {
      await db.destroy();
      throw new Error(
        `Could not connect to the database ${redactDatabaseUrl(url)}: ${error instanceof Error ? error.message : String(error)}. Check that PostgreSQL is running there and that DATABASE_URL's user and password are right.`,
        { cause: error },
      );
    }
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(
      `Could not update the database schema in ${redactDatabaseUrl(url)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
