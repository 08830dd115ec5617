import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallsignDb } from '../../db/CallsignDb.js';
import { addRecent, listFavourites, listRecents, MAX_RECENTS, toggleFavourite } from './favouritesStore.js';

let db: CallsignDb;
let k = 0;
beforeEach(() => {
  db = new CallsignDb(`fav-${++k}`);
});
afterEach(async () => {
  await db.delete();
});

describe('favourites', () => {
  it('toggles a site on and off, newest first, and survives reopening the cache', async () => {
    expect(await toggleFavourite(db, 's1', 'site', 1)).toBe(true);
    expect(await toggleFavourite(db, 's2', 'site', 2)).toBe(true);
    expect((await listFavourites(db)).map((f) => f.id)).toEqual(['s2', 's1']);
    db.close();
    const reopened = new CallsignDb(db.name);
    expect((await listFavourites(reopened)).map((f) => f.id)).toEqual(['s2', 's1']);
    expect(await toggleFavourite(reopened, 's2', 'site', 3)).toBe(false);
    expect((await listFavourites(reopened)).map((f) => f.id)).toEqual(['s1']);
    db = reopened;
  });
});

describe('recents', () => {
  it('keeps the last 20, newest first, and moves a repeated input to the top', async () => {
    for (let i = 0; i < 25; i++)
      await addRecent(db, { input: `+1 206 555 01${String(i).padStart(2, '0')}`, siteId: 's1', at: 1000 + i });
    let rows = await listRecents(db);
    expect(rows).toHaveLength(MAX_RECENTS);
    expect(rows[0]!.input).toBe('+1 206 555 0124');
    expect(rows.at(-1)!.input).toBe('+1 206 555 0105');
    expect(await db.recents.count()).toBe(MAX_RECENTS);
    await addRecent(db, { input: ' +1 206 555 0110 ', siteId: 's1', profileId: 'p1', at: 5000 });
    rows = await listRecents(db);
    expect(rows[0]).toMatchObject({ input: '+1 206 555 0110', profileId: 'p1' });
    expect(rows.filter((r) => r.input === '+1 206 555 0110')).toHaveLength(1);
    db.close();
    db = new CallsignDb(db.name);
    expect((await listRecents(db))[0]!.input).toBe('+1 206 555 0110');
  });
});
