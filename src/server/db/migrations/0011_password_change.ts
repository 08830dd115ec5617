/**
 * One-time passwords that really are one-time (issue 16):
 *  - `users.password_change_required_at`: when an administrator set the account's password (an
 *    invitation or a reset); null once the person chose their own. While set, the password only
 *    opens the "choose your own password" step, and only until 72 hours after this time.
 *  - `password_change_tokens`: that step's short-lived, single-use token (stored as a SHA-256 hash),
 *    with the device the sign-in came from, so the session it ends in is bound to that device.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('password_change_required_at', 'bigint').execute();
  await db.schema
    .createTable('password_change_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('device_name', 'text', (c) => c.notNull())
    .addColumn('device_platform', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('password_change_tokens').execute();
  await db.schema.alterTable('users').dropColumn('password_change_required_at').execute();
}
