/**
 * Spreadsheet import jobs in the database (directory/import/ImportJobs.ts), not in one server
 * process's memory: with several processes sharing one PostgreSQL, a desktop's polls and its apply
 * may reach any of them, and each must know the job. `token_hash`: SHA-256 of the job's token (the
 * token itself is never stored). `status`: JSON of the progress, preview, result or error the desktop
 * polls; `prepared`: the validated plan, held between preview and apply only. `heartbeat_at`: when the
 * process running the job last wrote to it (a job whose process stopped is reported failed).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('prepared', 'text')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_jobs').execute();
}
