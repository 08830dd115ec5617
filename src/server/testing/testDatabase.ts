/**
 * The database a server test runs on: SQLite in memory, or — when the suite runs as its
 * PostgreSQL project (`CALLSIGN_TEST_DB=postgres` with `TEST_DATABASE_URL`, see vitest.config.ts) —
 * a schema of its own on that PostgreSQL, dropped again on close. One schema per database keeps
 * the forked test files from seeing each other's rows while they run side by side.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase } from '../db/openDatabase.js';
import { openPostgres } from '../db/openPostgres.js';
import type { AnyServerDatabase } from '../db/openServerDatabase.js';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  if (process.env.CALLSIGN_TEST_DB !== 'postgres') return 'sqlite';
  if (!process.env.TEST_DATABASE_URL)
    throw new Error(
      'CALLSIGN_TEST_DB=postgres needs TEST_DATABASE_URL=postgres://… (scripts/ensure-postgres.sh prints one).',
    );
  return 'postgres';
}

export async function openTestDatabase(): Promise<AnyServerDatabase & { dialect: TestDialect }> {
  if (testDialect() === 'sqlite') return Object.assign(await openDatabase(':memory:'), { dialect: 'sqlite' as const });
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(url, { max: 1, migrate: false });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  const database = await openPostgres(url, { schema, max: 4 });
  return {
    db: database.db,
    dialect: 'postgres',
    async close() {
      await database.close();
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    },
  };
}
