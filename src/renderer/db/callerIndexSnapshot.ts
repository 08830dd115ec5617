/**
 * The caller index, persisted for a warm start (table `indexSnapshots`, one row keyed 'caller'): every
 * record's phone match keys, and each profile's site and email, as two strings of one line per record
 * (`SnapshotLines`, written by the index itself: identify/callerIndex.ts `snapshotLines`).
 *
 * Why lines: a warm start answers from them at once through a frozen index (identify/
 * frozenCallerIndex.ts) — no Map per record, no phone parsing — and IndexedDB reads two long strings
 * far faster than ~600k short ones. The live index is then built from the cached records in the
 * background with the stored keys (`keyMapsOf`: parsing numbers is nearly all of a cold build).
 *
 * The row carries the `syncSeq` of the cache it was taken from and is only used when that equals the
 * cache's `syncSeq`: every applied page moves the seq, so a row left behind by a crash or an
 * interrupted sync is ignored and the index is built the slow way, then persisted again. Rows of an
 * older layout (before lines) are ignored the same way, once. It holds the same phone numbers and
 * addresses as the cached directory (client PII, no secret) and lives and dies with that cache.
 */
import type { KeyMaps, LineTable, SnapshotLines } from '../../shared/identify/types.js';
import { siteKeysOf } from '../../shared/identify/frozenCallerIndex.js';
import { forEachSliced, type TimeSlicer } from '../scheduling/timeSlice.js';
import type { CallsignDb } from './CallsignDb.js';

export interface IndexSnapshotRow {
  key: 'caller';
  /** The cache's `syncSeq` when the snapshot was taken. */
  seq: number;
  lines?: SnapshotLines;
}

/** The stored snapshot when it describes the cache at `seq`, else undefined. */
export async function readIndexSnapshot(db: CallsignDb, seq: number): Promise<SnapshotLines | undefined> {
  return snapshotAt(await db.indexSnapshots.get('caller'), seq);
}

/** The stored row (read with `db.indexSnapshots.get('caller')`, e.g. beside the seq) when it describes the cache at `seq`. */
export function snapshotAt(row: IndexSnapshotRow | undefined, seq: number): SnapshotLines | undefined {
  if (!row || row.seq !== seq || seq === 0 || !row.lines) return undefined;
  const { sites, profiles, table } = row.lines;
  if (typeof sites !== 'string' || typeof profiles !== 'string') {
    console.warn('Callsign: the saved caller index is not readable; it is rebuilt from the cache');
    return undefined;
  }
  // A damaged table is only left out (the frozen index builds its own): every hit is checked against its line anyway.
  return table && !tableFits(table, profiles) ? { sites, profiles } : row.lines;
}

function tableFits({ starts, slots, hashes }: LineTable, profiles: string): boolean {
  const arrays = [starts, slots, hashes].every((a) => a instanceof Int32Array);
  return (
    arrays &&
    slots.length === hashes.length &&
    slots.length > 0 &&
    (slots.length & (slots.length - 1)) === 0 &&
    (starts.length === 0 ? profiles === '' : starts[0] === 0 && starts[starts.length - 1]! <= profiles.length)
  );
}

/**
 * Stores `lines` as the snapshot of the cache as it is now. Call only when the in-memory index holds
 * exactly the cached records (after a load or a sync, never while a page is being applied); the seq
 * is read in the same transaction, so it is the seq of the records the keys were taken from. With
 * `atSeq` (the seq the caller's index reached), nothing is written if the cache has moved on since
 * (a later sync wrote pages the keys do not include). Resolves with the seq written, or 0.
 */
export async function writeIndexSnapshot(db: CallsignDb, lines: SnapshotLines, atSeq?: number): Promise<number> {
  return db.transaction('rw', [db.meta, db.indexSnapshots], async () => {
    const seq = (await db.meta.get('syncSeq'))?.value ?? 0;
    // Nothing synced yet: nothing worth restoring, and a cache just wiped (remote wipe) must stay empty.
    if (seq === 0 || (atSeq !== undefined && atSeq !== seq)) return 0;
    await db.indexSnapshots.put({ key: 'caller', seq, lines });
    return seq;
  });
}

/**
 * Every record's stored keys by id (for `createCallerIndex`), the profiles in time slices: 100k lines
 * are ~100 ms of splitting, too long for one task on the renderer's main thread.
 */
export async function keyMapsOf(lines: SnapshotLines, slicer: TimeSlicer): Promise<KeyMaps> {
  // The sites (a tenth of the lines) are parsed in one go, as a restore does.
  const out: KeyMaps = { sites: siteKeysOf(lines), profiles: new Map() };
  const keysOf = (field: string) => (field ? field.split(' ') : []);
  await forEachSliced(
    lines.profiles === '' ? [] : lines.profiles.split('\n'),
    (line) => {
      out.profiles.set(line.slice(0, line.indexOf('\t')), keysOf(line.slice(line.lastIndexOf('\t') + 1)));
    },
    slicer,
  );
  return out;
}
