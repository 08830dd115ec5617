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
  /** The snapshot as six newline-joined strings (see `PackedSnapshot`): how it is written now. */
  packed?: PackedSnapshot;
  /** As arrays: rows from before packing, or ids that contain a newline (never from our server). */
  keys?: PhoneKeys;
  profiles?: SnapshotProfiles;
}

/**
 * One string per list, items joined by '\n'. IndexedDB stores and reads a few long strings far faster
 * than ~600k short ones (a structured clone per item), and splitting them is a few ms: the warm start
 * reads this row before anything else.
 */
export interface PackedSnapshot {
  siteIds: string;
  siteKeys: string;
  profileIds: string;
  profileKeys: string;
  profileSites: string;
  profileEmails: string;
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

const SEP = '\n';
const split = (s: string) => (s === '' ? [] : s.split(SEP));

/** The packed form, or undefined when an item contains the separator (then arrays are stored). */
export function packSnapshot({ keys, profiles }: { keys: PhoneKeys; profiles: SnapshotProfiles }) {
  const lists = [keys.siteIds, keys.siteKeys, keys.profileIds, keys.profileKeys, profiles.siteIds, profiles.emails];
  // '' items (a record without a number or an email) split back the same; a newline inside would not.
  if (lists.some((l) => l.some((item) => item.includes(SEP)))) return undefined;
  const [siteIds, siteKeys, profileIds, profileKeys, profileSites, profileEmails] = lists.map((l) => l.join(SEP));
  return { siteIds, siteKeys, profileIds, profileKeys, profileSites, profileEmails } as PackedSnapshot;
}

/** Back to lists; undefined when the lists do not line up (a damaged row: the slow way is taken). */
export function unpackSnapshot(p: PackedSnapshot): { keys: PhoneKeys; profiles: SnapshotProfiles } | undefined {
  // A list of one '' item joins to '' too: such lists are re-padded from their partner list's length.
  const pad = (s: string, n: number) => (s === '' ? Array<string>(n).fill('') : s.split(SEP));
  const siteIds = split(p.siteIds);
  const profileIds = split(p.profileIds);
  const out = {
    keys: {
      siteIds,
      siteKeys: pad(p.siteKeys, siteIds.length),
      profileIds,
      profileKeys: pad(p.profileKeys, profileIds.length),
    },
    profiles: { siteIds: pad(p.profileSites, profileIds.length), emails: pad(p.profileEmails, profileIds.length) },
  };
  const n = profileIds.length;
  const whole =
    out.keys.siteKeys.length === siteIds.length &&
    [out.keys.profileKeys, out.profiles.siteIds, out.profiles.emails].every((l) => l.length === n);
  return whole ? out : undefined;
}

/** The stored snapshot when it describes the cache at `seq`, else undefined. */
export async function readIndexSnapshot(db: CallsignDb, seq: number): Promise<IndexSnapshot | undefined> {
  const row = await db.indexSnapshots.get('caller');
  if (!row || row.seq !== seq || seq === 0) return undefined;
  if (row.packed) {
    const unpacked = unpackSnapshot(row.packed);
    if (!unpacked) console.warn('Callsign: the saved caller index does not line up; it is rebuilt from the cache');
    return unpacked;
  }
  if (!row.keys) return undefined;
  const whole =
    row.profiles &&
    row.profiles.siteIds.length === row.keys.profileIds.length &&
    row.profiles.emails.length === row.keys.profileIds.length;
  return whole ? { keys: row.keys, profiles: row.profiles } : { keys: row.keys };
}

/**
 * Stores `keys` as the snapshot of the cache as it is now. Call only when the in-memory index holds
 * exactly the cached records (after a load or a sync, never while a page is being applied); the seq
 * is read in the same transaction, so it is the seq of the records the keys were taken from. With
 * `atSeq` (the seq the caller's index reached), nothing is written if the cache has moved on since
 * (a later sync wrote pages the keys do not include). Resolves with the seq written, or 0.
 */
export async function writeIndexSnapshot(
  db: CallsignDb,
  keys: PhoneKeys,
  profiles?: SnapshotProfiles,
  atSeq?: number,
): Promise<number> {
  const packed = profiles ? packSnapshot({ keys, profiles }) : undefined;
  return db.transaction('rw', [db.meta, db.indexSnapshots], async () => {
    const seq = (await db.meta.get('syncSeq'))?.value ?? 0;
    // Nothing synced yet: nothing worth restoring, and a cache just wiped (remote wipe) must stay empty.
    if (seq === 0 || (atSeq !== undefined && atSeq !== seq)) return 0;
    await db.indexSnapshots.put(
      packed ? { key: 'caller', seq, packed } : { key: 'caller', seq, keys, ...(profiles ? { profiles } : {}) },
    );
    return seq;
  });
}
