/**
 * Incoming calls from the phone system (issue 13): CTI integrations (one per phone system, its bearer
 * token stored only as SHA-256 hex, like access and refresh tokens), each technician's extension (what
 * the PBX sends in `user[]`, `answeringNumber` or `to`), and the call log (one row per call of an
 * integration, updated by its `answer` and `hangup` events).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cti_integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('cti_extensions')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('extension', 'text', (c) => c.notNull().unique())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cti_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull().references('cti_integrations.id').onDelete('cascade'))
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('from_number', 'text', (c) => c.notNull())
    .addColumn('to_number', 'text', (c) => c.notNull())
    .addColumn('users', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('identification', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addUniqueConstraint('cti_calls_integration_call', ['integration_id', 'call_id'])
    .execute();
  await db.schema.createIndex('cti_calls_started').on('cti_calls').column('started_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['cti_calls', 'cti_extensions', 'cti_integrations']) await db.schema.dropTable(t).execute();
}
