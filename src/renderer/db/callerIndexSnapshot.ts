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
 */
import type { PhoneKeys } from '../../shared/identify/types.js';
import type { CallsignDb } from './CallsignDb.js';

export interface IndexSnapshotRow {
  key: 'caller';
  /** The cache's `syncSeq` when the keys were taken. */
  seq: number;
  keys: PhoneKeys;
}

/** The stored keys when they describe the cache at `seq`, else undefined. */
export async function readIndexSnapshot(db: CallsignDb, seq: number): Promise<PhoneKeys | undefined> {
  const row = await db.indexSnapshots.get('caller');
  return row && row.seq === seq && seq > 0 ? row.keys : undefined;
}

/**
 * Stores `keys` as the snapshot of the cache as it is now. Call only when the in-memory index holds
 * exactly the cached records (after a load or a sync, never while a page is being applied); the seq
 * is read in the same transaction, so it is the seq of the records the keys were taken from.
 */
export async function writeIndexSnapshot(db: CallsignDb, keys: PhoneKeys): Promise<number> {
  return db.transaction('rw', [db.meta, db.indexSnapshots], async () => {
    const seq = (await db.meta.get('syncSeq'))?.value ?? 0;
    // Nothing synced yet: nothing worth restoring, and a cache just wiped (remote wipe) must stay empty.
    if (seq === 0) return seq;
    await db.indexSnapshots.put({ key: 'caller', seq, keys });
    return seq;
  });
}
