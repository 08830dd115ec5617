/**
 * Vault accounts in directory bundles (bundle/BundleService.ts): metadata out and in, never a
 * secret. On import, accounts are matched by id: changed metadata is rewritten (the secret, lease
 * and rotation state stay), new accounts arrive without a password — a dynamic one shows "rotation
 * failed: imported without its password" and is not retried; a static one refuses check-out —
 * until an administrator sets it; accounts missing from the bundle are deleted (their leases end).
 */
import type { Kysely } from 'kysely';
import { bareUsername, CredentialBundleEntry } from '../../shared/api/index.js';
import { canonicalJson } from '../../shared/chain/canonicalJson.js';
import type { Database } from '../db/schema.js';
import { publishCredential, type StoredMeta } from './credentialFeed.js';

export const IMPORTED_WITHOUT_SECRET = 'imported without its password: an administrator sets it in the account';

export type CredentialWrite =
  { op: 'upsert'; entry: CredentialBundleEntry; added: boolean } | { op: 'delete'; id: string };

/** Every account's bundle entry, by id. */
export async function currentCredentialEntries(db: Kysely<Database>): Promise<Map<string, CredentialBundleEntry>> {
  const rows = await db.selectFrom('vault_credentials').select(['id', 'meta']).orderBy('id').execute();
  return new Map(
    rows.map((r) => [r.id, CredentialBundleEntry.parse({ id: r.id, ...(JSON.parse(r.meta) as StoredMeta) })]),
  );
}

/** The writes that make the vault's accounts equal to `entries`, and their counts. */
export function diffCredentials(
  existing: Map<string, CredentialBundleEntry>,
  entries: readonly CredentialBundleEntry[],
): { writes: CredentialWrite[]; added: number; updated: number; deleted: number; unchanged: number } {
  const left = new Map(existing);
  const writes: CredentialWrite[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const entry of entries) {
    const before = left.get(entry.id);
    left.delete(entry.id);
    if (before && canonicalJson(before) === canonicalJson(entry)) {
      unchanged++;
      continue;
    }
    if (before) updated++;
    else added++;
    writes.push({ op: 'upsert', entry, added: !before });
  }
  for (const id of [...left.keys()].sort()) writes.push({ op: 'delete', id });
  return { writes, added, updated, deleted: left.size, unchanged };
}

export async function applyCredentialWrites(
  trx: Kysely<Database>,
  writes: readonly CredentialWrite[],
  now: number,
): Promise<void> {
  for (const w of writes) {
    if (w.op === 'delete') {
      await trx.deleteFrom('vault_credentials').where('id', '=', w.id).execute();
      await trx
        .updateTable('vault_leases')
        .set({ ended_at: now, end_reason: 'deleted' })
        .where('credential_id', '=', w.id)
        .where('ended_at', 'is', null)
        .execute();
      await publishCredential(trx, w.id, now);
      continue;
    }
    const { id, ...meta } = w.entry;
    const columns = {
      site_id: meta.siteId,
      meta: JSON.stringify(meta),
      username_key: bareUsername(meta.username),
      kind: meta.kind,
      driver: meta.driver,
      updated_at: now,
    };
    if (w.added) {
      await trx
        .insertInto('vault_credentials')
        .values({
          id,
          ...columns,
          secret: null,
          version: 1,
          pending_secret: null,
          rotation_state: meta.kind === 'dynamic' ? 'failed' : 'ok',
          rotation_at: now,
          rotation_reason: meta.kind === 'dynamic' ? IMPORTED_WITHOUT_SECRET : null,
          rotation_attempts: 0,
          next_retry_at: null, // never retried by itself: there is nothing to rotate from
          claim_until: null,
          rotated_at: now,
          last_used_at: null,
          lease_id: null,
          created_at: now,
        })
        .execute();
    } else {
      await trx.updateTable('vault_credentials').set(columns).where('id', '=', id).execute();
    }
    await publishCredential(trx, id, now);
  }
}
