/**
 * The caller index's phone keys, persisted for a warm start (table `indexSnapshots`, one row keyed
 * 'caller'). Parsing every phone number is nearly all of the cost of building the exact-match index
 * (seconds at 100k profiles); with the keys stored, a restart indexes the cached records straight
 * from them and answers the first phone lookup in well under a second.
 *
 * The row holds packed arrays (ids and space-joined E.164 keys: see `PhoneKeys`) and the `syncSeq`
 * of the cache it was taken from. It is only used when that seq equals the cache's `syncSeq`: every
 * applied page moves the seq, so a snapshot left behind by a crash or an interrupted sync is ignored
 * and the index is built the slow way, then persisted again. It holds the same phone numbers as the
 * cached directory (client PII, no secret) and lives and dies with that cache.
 *
 * `profiles` (each profile's site id and email, parallel to `keys.profileIds`) make the row a whole
 * exact-match index on its own: a warm start restores numbers, emails and domains from it plus the
 * site records (64 rows), without reading the 100k profile records, and answers the first lookup in
 * well under a second; the profile records follow (issue 12). Rows written before it existed lack it
 * and take the longer way once.
 */
import type { PhoneKeys } from '../../shared/identify/types.js';
import type { CallsignDb } from './CallsignDb.js';

export interface IndexSnapshotRow {
  key: 'caller';
  /** The cache's `syncSeq` when the keys were taken. */
  seq: number;
  keys: PhoneKeys;
  profiles?: SnapshotProfiles;
}

/** `siteIds[i]` and `emails[i]` ('' for none) of the profile `keys.profileIds[i]`. */
export interface SnapshotProfiles {
  siteIds: string[];
  emails: string[];
}

export interface IndexSnapshot {
  keys: PhoneKeys;
  profiles?: SnapshotProfiles;
}

/** The stored snapshot when it describes the cache at `seq`, else undefined. */
export async function readIndexSnapshot(db: CallsignDb, seq: number): Promise<IndexSnapshot | undefined> {
  const row = await db.indexSnapshots.get('caller');
  if (!row || row.seq !== seq || seq === 0) return undefined;
  const whole =
    row.profiles &&
    row.profiles.siteIds.length === row.keys.profileIds.length &&
    row.profiles.emails.length === row.keys.profileIds.length;
  return whole ? { keys: row.keys, profiles: row.profiles } : { keys: row.keys };
}

/**
 * Stores `keys` as the snapshot of the cache as it is now. Call only when the in-memory index holds
 * exactly the cached records (after a load or a sync, never while a page is being applied); the seq
 * is read in the same transaction, so it is the seq of the records the keys were taken from.
 */
export async function writeIndexSnapshot(
  db: CallsignDb,
  keys: PhoneKeys,
  profiles?: SnapshotProfiles,
): Promise<number> {
  return db.transaction('rw', [db.meta, db.indexSnapshots], async () => {
    const seq = (await db.meta.get('syncSeq'))?.value ?? 0;
    // Nothing synced yet: nothing worth restoring, and a cache just wiped (remote wipe) must stay empty.
    if (seq === 0) return seq;
    await db.indexSnapshots.put({ key: 'caller', seq, keys, ...(profiles ? { profiles } : {}) });
    return seq;
  });
}
