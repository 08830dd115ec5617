/**
 * Issue 11 #8: TOTP secrets are sealed with the server key (mfa/totpSecrets.ts). A migration cannot
 * see the key, so this marks every secret still in plain text with the prefix `plain:`; the server
 * seals the marked rows at start (`MfaService.sealPlainSecrets`, called by `serve`) and, until then,
 * reads them as plain (and seals one whenever it is used). Idempotent: sealed (`v1.`) and marked
 * rows are left alone. Nothing to undo: `down` leaves sealed secrets sealed.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update totp_credentials set secret = 'plain:' || secret
    where secret not like 'v1.%' and secret not like 'plain:%'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update totp_credentials set secret = substr(secret, 7) where secret like 'plain:%'`.execute(db);
}
