/**
 * The NOC credential vault (issue 10). Secrets are stored only sealed (AES-256-GCM with the server
 * key's `vault` sub-key, AAD `credential:<id>:v<version>`); the key itself is never in the database.
 *  - `vault_credentials`: an account's metadata, its sealed secret and version, a sealed *pending*
 *    secret while a rotation is under way (stored before the target changes, committed after), the
 *    rotation state machine (ok → due → pending → ok | failed) with its claim and retry times, and
 *    the exclusive lease of a dynamic account.
 *  - `vault_leases`: every check-out, kept for the record (reason, ticket, approval, wrong-site flag).
 *  - `vault_settings`: one row (id `workspace`): login window minutes and the ticket pattern.
 *  - `vault_directories`: per-site LDAP settings for the `ldap` driver, its bind password sealed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vault_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('username_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('driver', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('pending_secret', 'text')
    .addColumn('rotation_state', 'text', (c) => c.notNull())
    .addColumn('rotation_at', 'bigint')
    .addColumn('rotation_reason', 'text')
    .addColumn('rotation_attempts', 'integer', (c) => c.notNull())
    .addColumn('next_retry_at', 'bigint')
    .addColumn('claim_until', 'bigint')
    .addColumn('rotated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('lease_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vault_credentials_site').on('vault_credentials').column('site_id').execute();
  await db.schema.createIndex('vault_credentials_state').on('vault_credentials').column('rotation_state').execute();

  await db.schema
    .createTable('vault_leases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('credential_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('ticket', 'text', (c) => c.notNull())
    .addColumn('approval_id', 'text')
    .addColumn('wrong_site', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema.createIndex('vault_leases_open').on('vault_leases').columns(['ended_at', 'expires_at']).execute();
  await db.schema.createIndex('vault_leases_credential').on('vault_leases').column('credential_id').execute();

  await db.schema
    .createTable('vault_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login_window_minutes', 'integer', (c) => c.notNull())
    .addColumn('ticket_pattern', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vault_directories')
    .addColumn('site_id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('flavor', 'text', (c) => c.notNull())
    .addColumn('bind_dn', 'text', (c) => c.notNull())
    .addColumn('base_dn', 'text', (c) => c.notNull())
    .addColumn('user_attribute', 'text', (c) => c.notNull())
    .addColumn('ca_cert_pem', 'text')
    .addColumn('bind_secret', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['vault_directories', 'vault_settings', 'vault_leases', 'vault_credentials'])
    await db.schema.dropTable(t).execute();
}
