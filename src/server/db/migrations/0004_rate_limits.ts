/**
 * Per-minute request limits (permissions/RateLimiter.ts) live in the database so that every server
 * process on one PostgreSQL shares them: one row per key (`login-addr:<ip>`, `login-account:<email>`,
 * `totp-addr:<ip>`) with its fixed window's start and hit count. Rows older than a window are stale.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
