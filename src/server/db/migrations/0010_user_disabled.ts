/**
 * Disabled accounts (issue 16): `users.disabled_at` is when an administrator disabled the account
 * (epoch ms, like every other timestamp here); null while it may sign in.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('disabled_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('disabled_at').execute();
}
