/**
 * Favourites and recent lookups, kept in the offline cache (`favourites`, `recents` tables of
 * CallsignDb) so both survive reloads. Favourites stay until the technician removes them; recents
 * keep only the last `MAX_RECENTS` identifications (a repeated input moves to the top). Only ids and
 * the text looked up are stored — the records themselves come from the synced directory.
 */
import type { CallsignDb, FavouriteRow, RecentRow } from '../../db/CallsignDb.js';

export const MAX_RECENTS = 20;

export async function listFavourites(db: CallsignDb): Promise<FavouriteRow[]> {
  return db.favourites.orderBy('addedAt').reverse().toArray();
}

/** Adds the favourite when absent, removes it when present; returns whether it is now a favourite. */
export async function toggleFavourite(
  db: CallsignDb,
  id: string,
  kind: FavouriteRow['kind'],
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.favourites, async () => {
    if (await db.favourites.get(id)) {
      await db.favourites.delete(id);
      return false;
    }
    await db.favourites.put({ id, kind, addedAt: now });
    return true;
  });
}

export async function listRecents(db: CallsignDb): Promise<RecentRow[]> {
  return db.recents.orderBy('at').reverse().limit(MAX_RECENTS).toArray();
}

/** Records one successful identification and trims the list to the newest `MAX_RECENTS`. */
export async function addRecent(db: CallsignDb, row: Omit<RecentRow, 'id'>): Promise<void> {
  await db.transaction('rw', db.recents, async () => {
    const input = row.input.trim();
    await db.recents.filter((r) => r.input.trim() === input).delete();
    await db.recents.add({ ...row, input });
    const old = await db.recents.orderBy('at').reverse().offset(MAX_RECENTS).primaryKeys();
    if (old.length) await db.recents.bulkDelete(old);
  });
}
