/**
 * Credential metadata in the directory change feed (sync kind `credential`): after every change
 * to an account, its lease or its rotation state, `publishCredential` rebuilds the CredentialMeta
 * JSON (never a secret: the row's sealed columns are not read) into `directory_records` and
 * replaces its change row, inside the caller's transaction. The sync page then carries it as it
 * carries sites, so the desktop's Credentials tab reads offline.
 *
 * Only back-office accounts are in the feed: they are the only ones the NOC may see or check out
 * (`GET /v1/sites/:id/credentials`, LeaseService), so another account never reaches a desktop's
 * cache; it is a tombstone, which also takes an account off the desktops when an administrator
 * turns its back-office access off (migration 0012 did the same for accounts published before).
 */
import type { Kysely } from 'kysely';
import type { CredentialMeta, RotationState } from '../../shared/api/credentials.js';
import type { Database, VaultCredentialsTable } from '../db/schema.js';
import { writeChange } from '../directory/DirectoryStore.js';

export const CREDENTIAL_KIND = 'credential';

/** The stored account fields (`vault_credentials.meta`): CredentialMeta without id, lease and rotation. */
export type StoredMeta = Omit<CredentialMeta, 'id' | 'lease' | 'rotation'>;

export type MetaRow = Pick<
  VaultCredentialsTable,
  'id' | 'meta' | 'rotation_state' | 'rotation_at' | 'rotation_reason' | 'lease_id'
>;

/** The API's three rotation states: `due` (waiting for the scheduler) reads as pending. */
export function apiRotationState(state: VaultCredentialsTable['rotation_state']): RotationState {
  return state === 'ok' ? 'ok' : state === 'failed' ? 'failed' : 'pending';
}

export function toMeta(row: MetaRow, lease: CredentialMeta['lease']): CredentialMeta {
  const stored = JSON.parse(row.meta) as StoredMeta;
  return {
    id: row.id,
    ...stored,
    lease,
    rotation: {
      state: apiRotationState(row.rotation_state),
      at: row.rotation_at === null ? null : new Date(Number(row.rotation_at)).toISOString(),
      ...(row.rotation_state === 'failed' && row.rotation_reason ? { reason: row.rotation_reason } : {}),
    },
  };
}

/** Lease state of the open exclusive lease `leaseId`, with the holder's display name. */
export async function leaseState(db: Kysely<Database>, leaseId: string | null): Promise<CredentialMeta['lease']> {
  if (!leaseId) return null;
  const l = await db
    .selectFrom('vault_leases as l')
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.user_id', 'l.expires_at', 'l.ended_at', 'u.name'])
    .where('l.id', '=', leaseId)
    .executeTakeFirst();
  if (!l || l.ended_at !== null) return null;
  return { heldBy: l.name ?? l.user_id, heldById: l.user_id, until: new Date(Number(l.expires_at)).toISOString() };
}

/** The columns CredentialMeta is made of (for `select` and `returning`). */
export const META_COLUMNS = ['id', 'meta', 'rotation_state', 'rotation_at', 'rotation_reason', 'lease_id'] as const;

export async function readMeta(db: Kysely<Database>, id: string): Promise<CredentialMeta | undefined> {
  const row = await db.selectFrom('vault_credentials').select(META_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toMeta(row, await leaseState(db, row.lease_id)) : undefined;
}

/** Whether an account is published to the desktops (see the header). */
export const inFeed = (meta: Pick<CredentialMeta, 'backOfficeAccess'>): boolean => meta.backOfficeAccess;

/**
 * Rewrites the account's feed record (or its tombstone when the account is gone or not in the
 * feed); returns the seq.
 * `known`: the row as the caller just wrote it (an update's `returning`), so it is not read again;
 * with `lease` also known (e.g. the check-out's own lease) no lease is read either.
 */
export async function publishCredential(
  trx: Kysely<Database>,
  id: string,
  now: number,
  known?: { row: MetaRow; lease?: CredentialMeta['lease'] },
): Promise<number> {
  const meta = known
    ? toMeta(known.row, known.lease !== undefined ? known.lease : await leaseState(trx, known.row.lease_id))
    : await readMeta(trx, id);
  if (!meta || !inFeed(meta)) {
    await trx.deleteFrom('directory_records').where('kind', '=', CREDENTIAL_KIND).where('id', '=', id).execute();
    return writeChange(trx, CREDENTIAL_KIND, id, 'delete', now);
  }
  const data = JSON.stringify(meta);
  await trx
    .insertInto('directory_records')
    .values({ kind: CREDENTIAL_KIND, id, site_id: meta.siteId, data, updated_at: now })
    .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet({ site_id: meta.siteId, data, updated_at: now }))
    .execute();
  return writeChange(trx, CREDENTIAL_KIND, id, 'upsert', now);
}
