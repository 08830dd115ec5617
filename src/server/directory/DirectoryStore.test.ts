import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/index.js';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { generateDirectory } from '../demo/generate.js';
import { bulkLoadDirectory } from './bulkLoadDirectory.js';
import { DirectoryStore } from './DirectoryStore.js';

let database: ServerDatabase;
let store: DirectoryStore;
beforeEach(async () => {
  database = await openDatabase(':memory:');
  store = new DirectoryStore(database.db, () => 1_700_000_000_000);
});
afterEach(() => database.close());

const site = { id: 's1', name: 'S1', companyName: 'C1', country: 'US' };

describe('DirectoryStore', () => {
  it('gives every write a strictly increasing seq and keeps one change per record', async () => {
    const a = await store.upsertSite(site);
    const b = await store.upsertSite({ ...site, name: 'S1 renamed' });
    const c = await store.delete('site', 's1');
    expect(a.seq).toBeLessThan(b.seq);
    expect(b.seq).toBeLessThan(c!.seq);
    const changes = await store.changesSince(0, 100);
    expect(changes).toEqual([{ seq: c!.seq, kind: 'site', record_id: 's1', op: 'delete', data: null }]);
    // A seq is never reused, even after the newest row was replaced.
    const d = await store.upsertSite(site);
    expect(d.seq).toBeGreaterThan(c!.seq);
    expect(await store.delete('site', 'nope')).toBeNull();
  });

  it('validates records and names the field on bad input', async () => {
    await expect(store.upsertSite({ ...site, country: 'usa' })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'country',
    });
    await expect(
      store.upsertProfile({ id: 'p', siteId: 'missing', firstName: 'A', lastName: 'B' }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      store.upsertReference({ id: 'r', subject: 'x', kind: 'how_to', body: {}, siteIds: ['missing'] }),
    ).rejects.toMatchObject({ field: 'siteIds' });
  });

  it('bulk loads 20k profiles in one transaction with one change each', async () => {
    const dir = generateDirectory({ sites: 200, profiles: 20_000, references: 500, seed: 3 });
    const t0 = performance.now();
    bulkLoadDirectory(database.sqlite, dir, Date.now());
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(5000);
    expect(await store.countRecords()).toBe(dir.sites.length + dir.profiles.length + dir.references.length);
    expect(await store.countChangesAfter(0)).toBe(await store.countRecords());
    bulkLoadDirectory(database.sqlite, dir, Date.now()); // reload: upserts, still one change per record
    expect(await store.countChangesAfter(0)).toBe(await store.countRecords());
    expect(await store.get('profile', 'prof-dana')).toMatchObject({ firstName: 'Dana' });
  });
});
