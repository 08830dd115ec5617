/**
 * The cache holds the vault's credential metadata only for roles the server sends it to: those that
 * may check credentials out (server/sync/syncPage.ts `receivesCredentials`, the same permission the
 * desktop uses to show the Credentials tab). The server filters the `credential` kind out of other
 * roles' pages, so what the cache holds must follow the signed-in role — checked at the start of
 * every sync run (`meta.credentialScope`; absent: a cache synced before the filter, with everything):
 * - a role without the permission (a technician at a desk a NOC colleague used, or a cache from before
 *   the filter): the credentials are deleted from the cache, in the same transaction as the mark;
 * - a role with it, on a cache synced without: the credentials skipped so far are pulled again by
 *   syncing from the start of the change log. A finished cache stays in use meanwhile (every page is
 *   an idempotent upsert over it); an unfinished first sync starts over from an empty cache, so its
 *   bulk run (the first sync's fast path, which assumes one) holds.
 */
import { hasPermission } from '../../shared/auth/permissions.js';
import type { Role } from '../../shared/api/auth.js';
import type { CallsignDb } from './CallsignDb.js';

/** 'all': the role is sent credential metadata; 'none': it is not. */
export type CredentialScope = 'all' | 'none';

export function credentialScopeOf(role: Role): CredentialScope {
  return hasPermission(role, 'credentials.checkout') ? 'all' : 'none';
}

/** What matching the cache to `scope` did to the records it holds ('kept': nothing, the mark at most). */
export type ScopeChange = 'kept' | 'cleared' | 'resync' | 'restart';

export async function matchCredentialScope(db: CallsignDb, scope: CredentialScope): Promise<ScopeChange> {
  const wanted = scope === 'all' ? 1 : 0;
  const matches = async () => ((await db.meta.get('credentialScope'))?.value ?? 1) === wanted;
  // Every routine run (each minute) ends here: one read, no write lock on the directory's tables.
  if (await matches()) return 'kept';
  const directoryTables = [db.siteChunks, db.siteProfiles, db.referenceChunks, db.policies, db.indexSnapshots];
  return db.transaction('rw', [db.meta, db.credentials, ...directoryTables], async (): Promise<ScopeChange> => {
    if (await matches()) return 'kept'; // another window matched it meanwhile
    await db.meta.put({ key: 'credentialScope', value: wanted });
    if (scope === 'none') {
      // A technician's first sync into a new cache has nothing to delete: only the mark is new.
      const credentials = await db.credentials.count();
      if (credentials) await db.credentials.clear();
      return credentials ? 'cleared' : 'kept';
    }
    await db.meta.put({ key: 'syncSeq', value: 0 });
    if ((await db.meta.get('lastSyncAt')) !== undefined) return 'resync';
    await Promise.all([db.credentials, ...directoryTables].map((table) => table.clear()));
    return 'restart';
  });
}
