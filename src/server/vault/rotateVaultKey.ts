/**
 * Re-encrypts every sealed vault value under a new server key, in ONE transaction: each account's
 * secret and pending secret and each site directory's bind password is opened with the old key and
 * sealed with the new one (fresh nonce, same AAD). If any value does not open with the old key,
 * nothing changes. Plaintexts live only in memory for the length of the loop. Servers still running
 * with the old key can no longer open anything: restart them with the new one.
 */
import type { Kysely } from 'kysely';
import type { AuditSink } from '../audit/AuditLog.js';
import type { ServerKey } from '../crypto/serverKey.js';
import { isPostgres } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { credentialAad, directoryAad, VaultCipher } from './vaultCipher.js';

export interface KeyRotationCounts {
  secrets: number;
  pending: number;
  directories: number;
}

export class KeyRotationError extends Error {
  override name = 'KeyRotationError';
}

export async function rotateVaultKey(
  db: Kysely<Database>,
  audit: AuditSink,
  oldKey: ServerKey,
  newKey: ServerKey,
): Promise<KeyRotationCounts> {
  const from = new VaultCipher(oldKey);
  const to = new VaultCipher(newKey);
  const reseal = (sealed: string, aad: string, what: string) => {
    let plain: string;
    try {
      plain = from.open(sealed, aad);
    } catch {
      throw new KeyRotationError(
        `${what} does not open with the current key; nothing was changed. Check that CALLSIGN_VAULT_KEY_FILE / CALLSIGN_VAULT_KEY is the key the server uses now.`,
      );
    }
    return to.seal(plain, aad);
  };
  return db.transaction().execute(async (trx) => {
    const counts: KeyRotationCounts = { secrets: 0, pending: 0, directories: 0 };
    let creds = trx.selectFrom('vault_credentials').select(['id', 'version', 'secret', 'pending_secret']);
    if (isPostgres(trx)) creds = creds.forUpdate(); // no server may rotate a password meanwhile
    for (const row of await creds.execute()) {
      const version = Number(row.version);
      const secret = row.secret
        ? reseal(row.secret, credentialAad(row.id, version), `The secret of account ${row.id}`)
        : null;
      const pending = row.pending_secret
        ? reseal(row.pending_secret, credentialAad(row.id, version + 1), `The pending secret of account ${row.id}`)
        : null;
      await trx
        .updateTable('vault_credentials')
        .set({ secret, pending_secret: pending })
        .where('id', '=', row.id)
        .execute();
      if (secret) counts.secrets++;
      if (pending) counts.pending++;
    }
    let dirs = trx.selectFrom('vault_directories').select(['site_id', 'bind_secret']);
    if (isPostgres(trx)) dirs = dirs.forUpdate();
    for (const row of await dirs.execute()) {
      const bind_secret = reseal(
        row.bind_secret,
        directoryAad(row.site_id),
        `The bind password of site ${row.site_id}`,
      );
      await trx.updateTable('vault_directories').set({ bind_secret }).where('site_id', '=', row.site_id).execute();
      counts.directories++;
    }
    await audit.append({ type: 'vault.key_rotated', actor: 'cli', subject: 'vault', data: { ...counts } }, trx);
    return counts;
  });
}
