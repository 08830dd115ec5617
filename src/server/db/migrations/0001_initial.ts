/**
 * Initial schema. Portable column types only (text, integer, bigint). The one SQLite-specific
 * piece is `changes.seq` AUTOINCREMENT, which guarantees a seq is never reused even after the row
 * holding the highest seq is deleted; on PostgreSQL use `bigint generated always as identity`.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('technician', 'noc', 'supervisor', 'admin')`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  for (const table of ['access_tokens', 'refresh_tokens'] as const) {
    let t = db.schema
      .createTable(table)
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
      .addColumn('expires_at', 'bigint', (c) => c.notNull());
    if (table === 'refresh_tokens') t = t.addColumn('used_at', 'bigint');
    await t.execute();
    await db.schema.createIndex(`${table}_session`).on(table).column('session_id').execute();
  }

  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .execute();

  await db.schema
    .createTable('directory_records')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_records_pk', ['kind', 'id'])
    .execute();
  await db.schema.createIndex('directory_records_site').on('directory_records').columns(['kind', 'site_id']).execute();

  await db.schema
    .createTable('changes')
    // Portable since issue 6: the SQLite SQL is unchanged; PostgreSQL gets an identity column.
    .addColumn('seq', pg ? 'bigint' : 'integer', (c) =>
      pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull().check(sql`op in ('upsert', 'delete')`))
    .addColumn('changed_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('changes_record').on('changes').columns(['kind', 'record_id']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'changes',
    'directory_records',
    'login_failures',
    'refresh_tokens',
    'access_tokens',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
