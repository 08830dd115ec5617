/**
 * The audit chain's anchor (audit/auditAnchor.ts): one row, id `head`, holding the newest entry's
 * seq and hash and, when the server has a key, an HMAC of both with the key's `audit-anchor` sub-key.
 * Rewritten in the same transaction as every append.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_anchor')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('mac', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_anchor').execute();
}
