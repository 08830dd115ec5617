import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../shared/domain/index.js';
import { CallsignDb } from './CallsignDb.js';
import { allProfiles, getProfile, profilesOfSite, writeProfiles } from './profileBundles.js';

const p = (id: string, siteId: string, firstName = 'Dana'): ClientProfile => ({
  id,
  siteId,
  firstName,
  lastName: 'Reyes',
  phones: [],
  thinClient: false,
  psaContact: false,
});
let db: CallsignDb;
const where = new Map<string, string>();
const write = async (put: ClientProfile[], deleted: string[] = []) => {
  await db.transaction('rw', db.siteProfiles, () => writeProfiles(db, put, deleted, (id) => where.get(id)));
  for (const x of put) where.set(x.id, x.siteId);
  for (const id of deleted) where.delete(id);
};

beforeEach(() => {
  where.clear();
  db = new CallsignDb(`bundles-${Math.random()}`);
});
afterEach(() => db.delete());

describe('profiles grouped by site', () => {
  it('groups, updates in place, moves between sites and deletes', async () => {
    await write([p('a', 's1'), p('b', 's1'), p('c', 's2')]);
    expect((await profilesOfSite(db, 's1')).map((x) => x.id)).toEqual(['a', 'b']);
    await write([p('a', 's1', 'Ana')]);
    expect((await getProfile(db, 'a'))?.firstName).toBe('Ana');
    expect(await profilesOfSite(db, 's1')).toHaveLength(2);
    await write([p('b', 's2')]); // moved
    expect((await profilesOfSite(db, 's1')).map((x) => x.id)).toEqual(['a']);
    expect((await profilesOfSite(db, 's2')).map((x) => x.id).sort()).toEqual(['b', 'c']);
    await write([], ['a']);
    expect(await db.siteProfiles.get('s1')).toBeUndefined(); // empty rows go away
    expect((await allProfiles(db)).map((x) => x.id).sort()).toEqual(['b', 'c']);
    expect(await getProfile(db, 'zzz')).toBeUndefined();
  });

  it('upgrades a v2 cache (one row per profile) without losing anyone', async () => {
    const name = `upgrade-${Math.random()}`;
    const { Dexie } = await import('dexie');
    const v2 = new Dexie(name);
    v2.version(1).stores({
      sites: 'id',
      profiles: 'id, siteId',
      references: 'id, *siteIds',
      meta: 'key',
      favourites: 'id, kind, addedAt',
      recents: '++id, at',
    });
    v2.version(2).stores({
      policies: 'siteId',
      approvals: 'id, chainIndex, uploadState, nextAttemptAt, record.siteId',
      chain: 'key',
    });
    await v2.open();
    await v2.table('profiles').bulkPut([p('a', 's1'), p('b', 's1'), p('c', 's2')]);
    v2.close();
    const upgraded = new CallsignDb(name);
    expect((await profilesOfSite(upgraded, 's1')).map((x) => x.id)).toEqual(['a', 'b']);
    expect((await getProfile(upgraded, 'c'))?.siteId).toBe('s2');
    expect((await getProfile(upgraded, 'a', 's1'))?.id).toBe('a');
    await upgraded.delete();
  });
});
