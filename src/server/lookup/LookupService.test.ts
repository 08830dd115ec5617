import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedIdentifier } from '../app.js';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { DirectoryStore } from '../directory/DirectoryStore.js';
import { LookupService } from './LookupService.js';

let database: ServerDatabase;
beforeEach(async () => (database = await openDatabase(':memory:')));
afterEach(() => database.close());

const site = { id: 's1', name: 'S1', companyName: 'C1', country: 'US', mainPhones: ['(415) 555-0111'] };

describe('LookupService', () => {
  it('sees its own store’s writes at once and other writers’ after recheckMs', async () => {
    let now = 0;
    const mine = new DirectoryStore(database.db, Date.now);
    const other = new DirectoryStore(database.db, Date.now); // stands in for another process
    const lookup = new LookupService(mine, sharedIdentifier, { recheckMs: 1000, inlineLimit: 5000, now: () => now });

    await mine.upsertSite(site);
    expect((await lookup.lookup({ phone: '+14155550111' })).candidates).toHaveLength(1);

    await other.upsertSite({ ...site, id: 's2', mainPhones: ['(415) 555-0122'] });
    expect((await lookup.lookup({ phone: '+14155550122' })).candidates).toHaveLength(0);
    now += 1000;
    expect((await lookup.lookup({ phone: '+14155550122' })).candidates[0]).toMatchObject({
      siteId: 's2',
      site: { id: 's2' },
    });
    expect(lookup.stats).toMatchObject({ sites: 2 });
  });

  it('applies a large backlog from elsewhere in the background instead of in the request', async () => {
    let now = 0;
    const mine = new DirectoryStore(database.db, Date.now);
    const lookup = new LookupService(mine, sharedIdentifier, { recheckMs: 1000, inlineLimit: 2, now: () => now });
    await mine.upsertSite(site);
    await lookup.catchUp();
    const other = new DirectoryStore(database.db, Date.now);
    for (const n of [22, 33, 44]) await other.upsertSite({ ...site, id: `s${n}`, mainPhones: [`(415) 555-01${n}`] });
    now += 1000;
    expect((await lookup.lookup({ phone: '+14155550144' })).candidates).toEqual([]); // answered from the current index
    await lookup.catchUp();
    expect((await lookup.lookup({ phone: '+14155550144' })).candidates).toHaveLength(1);
  });

  it('drops a deleted site and its profiles', async () => {
    const store = new DirectoryStore(database.db, Date.now);
    const lookup = new LookupService(store, sharedIdentifier);
    await store.upsertSite(site);
    await store.upsertProfile({
      id: 'p1',
      siteId: 's1',
      firstName: 'Zoë',
      lastName: 'Ødegaard',
      email: 'zoe@c1.example',
    });
    expect((await lookup.lookup({ email: 'zoe@c1.example' })).candidates).toHaveLength(1);
    await store.delete('site', 's1');
    expect((await lookup.lookup({ email: 'zoe@c1.example' })).candidates).toEqual([]);
    expect((await lookup.lookup({ phone: '+14155550111' })).candidates).toEqual([]);
  });
});
