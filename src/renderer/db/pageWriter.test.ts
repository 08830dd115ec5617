import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallsignDb, readSyncMeta } from './CallsignDb.js';
import { createPageWriter } from './pageWriter.js';
import { allProfiles, profilesOfSite } from './profileBundles.js';
import { allSites, getSite } from './siteChunks.js';
import { allReferences } from './referenceChunks.js';

const site = (id: string) => ({ id, name: id, companyName: 'Co', mainPhones: [], country: 'US' });
const profile = (id: string, siteId: string) => ({ id, siteId, firstName: 'A', lastName: id, phones: [] });
const page = (seq: number, changes: unknown[]) => ({ seq, more: false, remaining: 0, maxAgeSeconds: 60, changes });
const up = (seq: number, kind: string, data: { id: string }) => ({ seq, kind, id: data.id, op: 'upsert', data });

let db: CallsignDb;
let n = 0;
beforeEach(() => {
  db = new CallsignDb(`page-writer-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('createPageWriter', () => {
  it('moves a profile between site rows using what it wrote itself (no directory needed)', async () => {
    const w = createPageWriter(db);
    await w.write(
      page(3, [up(1, 'site', site('s1')), up(2, 'site', site('s2')), up(3, 'profile', profile('p1', 's1'))]),
    );
    const r = await w.write(page(4, [up(4, 'profile', profile('p1', 's2'))]));
    expect(r.rows).toBeUndefined(); // a bulk run's renderer alone reads rows back
    expect(r).toMatchObject({
      seq: 4,
      count: 1,
      profiles: { put: [expect.objectContaining({ id: 'p1', siteId: 's2' })] },
    });
    expect(await profilesOfSite(db, 's1')).toEqual([]);
    expect((await profilesOfSite(db, 's2')).map((p) => p.id)).toEqual(['p1']);
    expect((await allProfiles(db)).length).toBe(1);
    expect((await readSyncMeta(db)).syncSeq).toBe(4);
  });

  it("a bulk run keeps a site's people whose pages are apart, reading back only the rows it wrote", async () => {
    const w = createPageWriter(db);
    w.bulkStart!();
    await w.write(
      page(3, [up(1, 'site', site('s1')), up(2, 'site', site('s2')), up(3, 'profile', profile('p1', 's1'))]),
    );
    await w.write(page(5, [up(4, 'profile', profile('p2', 's2')), up(5, 'profile', profile('p3', 's1'))]));
    // moved within the run: both rows are named for the renderer to read back (profileRowReader.ts)
    expect((await w.write(page(6, [up(6, 'profile', profile('p1', 's2'))]))).rows?.sort()).toEqual(['s1', 's2']);
    await w.bulkFinish!(6);
    expect((await profilesOfSite(db, 's1')).map((p) => p.id)).toEqual(['p3']);
    expect((await profilesOfSite(db, 's2')).map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    // After the run, rows are read again as usual: a later page adds to s1 without losing p3.
    await w.write(page(7, [up(7, 'profile', profile('p4', 's1'))]));
    expect((await profilesOfSite(db, 's1')).map((p) => p.id)).toEqual(['p3', 'p4']);
  });

  it('a bulk run writes site and reference chunks without reading them back, as a routine run would write them', async () => {
    const reference = (id: string) => ({ id, subject: id, allSites: true, kind: 'how_to', body: {} });
    const pages = [
      page(
        40,
        Array.from({ length: 40 }, (_, i) => up(i + 1, 'site', site(`s${i}`))),
      ),
      page(
        80,
        Array.from({ length: 40 }, (_, i) => up(41 + i, 'reference', reference(`r${i}`))),
      ),
      page(
        120,
        Array.from({ length: 40 }, (_, i) => up(81 + i, 'reference', reference(`r${i + 40}`))),
      ),
      page(122, [
        { seq: 121, kind: 'reference', id: 'r3', op: 'delete' },
        up(122, 'site', { ...site('s1'), name: 'Renamed' } as { id: string }),
      ]),
    ];
    const reads = [vi.spyOn(db.siteChunks, 'bulkGet'), vi.spyOn(db.referenceChunks, 'bulkGet')];
    const w = createPageWriter(db);
    w.bulkStart!();
    for (const p of pages) await w.write(p);
    await w.bulkFinish!(122);
    expect(reads.map((r) => r.mock.calls.length)).toEqual([0, 0]);
    const bulkChunks = { sites: await db.siteChunks.toArray(), references: await db.referenceChunks.toArray() };
    // The same pages written by a routine run (it reads every chunk it changes) leave the same rows.
    const other = new CallsignDb(`page-writer-other-${n}`);
    try {
      const routine = createPageWriter(other);
      for (const p of pages) await routine.write(p);
      expect(bulkChunks).toEqual({
        sites: await other.siteChunks.toArray(),
        references: await other.referenceChunks.toArray(),
      });
    } finally {
      await other.delete();
    }
    expect((await allReferences(db)).length).toBe(79);
    expect((await getSite(db, 's1'))?.name).toBe('Renamed');
  });

  it('a bulk run whose write failed reads the chunks from the cache from then on (none of the failed page is kept)', async () => {
    const w = createPageWriter(db);
    w.bulkStart!();
    await w.write(page(1, [up(1, 'site', site('s1'))]));
    // The page's chunks are written, then its checkpoint fails: the transaction is rolled back.
    const meta = vi.spyOn(db.meta, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(w.write(page(2, [up(2, 'site', site('s2'))]))).rejects.toThrow(/Quota/);
    meta.mockRestore();
    const reads = vi.spyOn(db.siteChunks, 'bulkGet');
    await w.write(page(3, [up(3, 'site', site('s3'))]));
    expect(reads).toHaveBeenCalled();
    expect((await allSites(db)).map((s) => s.id).sort()).toEqual(['s1', 's3']);
  });

  it('deletes a profile cached before it started, from the placement it was seeded with', async () => {
    const first = createPageWriter(db);
    await first.write(page(2, [up(1, 'profile', profile('p1', 's1')), up(2, 'profile', profile('p2', 's1'))]));
    // A new worker (an app restart): it knows the cache only through the seed.
    const w = createPageWriter(db);
    w.seed({ ids: ['p1', 'p2'], siteIds: ['s1', 's1'] });
    await w.write(page(3, [{ seq: 3, kind: 'profile', id: 'p1', op: 'delete' }]));
    expect((await allProfiles(db)).map((p) => p.id)).toEqual(['p2']);
  });

  it('rejects a malformed page naming the field and leaves the cache and the checkpoint as they were', async () => {
    const w = createPageWriter(db);
    await w.write(page(1, [up(1, 'site', site('s1'))]));
    const bad = page(2, [{ seq: 2, kind: 'profile', id: 'p9', op: 'upsert', data: { id: 'p9' } }]);
    await expect(w.write(bad)).rejects.toMatchObject({
      code: 'bad_request',
      field: expect.stringMatching(/^syncPage/),
    });
    expect((await readSyncMeta(db)).syncSeq).toBe(1);
    expect(await allProfiles(db)).toEqual([]);
  });

  it('reads a page given as UTF-8 JSON bytes, and refuses bytes that are not UTF-8 JSON', async () => {
    const w = createPageWriter(db);
    const named = { ...profile('p1', 's1'), lastName: 'Ó Súilleabháin 東' };
    await w.write(new TextEncoder().encode(JSON.stringify(page(1, [up(1, 'profile', named)]))));
    expect((await allProfiles(db)).map((p) => p.lastName)).toEqual(['Ó Súilleabháin 東']);
    const refused = { code: 'bad_request', field: 'syncPage', message: expect.stringMatching(/UTF-8 JSON/) };
    await expect(w.write(new TextEncoder().encode('{"seq":'))).rejects.toMatchObject(refused);
    // Latin-1 bytes for "Zoë": not UTF-8; read leniently they would store "Zo\uFFFD".
    const latin1 = Uint8Array.from([...'{"seq":2,"n":"Zo'].map((c) => c.charCodeAt(0)).concat([0xeb, 0x22, 0x7d]));
    await expect(w.write(latin1)).rejects.toMatchObject(refused);
    expect((await readSyncMeta(db)).syncSeq).toBe(1);
  });

  it("works out each written record's phone keys, reading national numbers with the site's country when it saw the site", async () => {
    const w = createPageWriter(db);
    const withPhones = (p: ReturnType<typeof profile>, ...numbers: string[]) => ({
      ...p,
      phones: numbers.map((number) => ({ number, type: 'office' })),
    });
    const gb = { ...site('s2'), country: 'GB', mainPhones: ['020 7946 0000'] };
    const r = await w.write(
      page(3, [
        up(1, 'site', gb),
        up(2, 'profile', withPhones(profile('p1', 's2'), '020 7946 0958', '+1 206 555 0101')),
        up(3, 'profile', withPhones(profile('p2', 's-unseen'), '(206) 555-0102')),
      ]),
    );
    expect(r.keys).toEqual({
      sites: [{ phones: ['+442079460000'] }],
      profiles: [{ phones: ['+442079460958', '+12065550101'], readWith: 'GB' }, { phones: [''] }],
    });
    // A later page: the site is remembered (its people are read with GB).
    const later = await w.write(page(4, [up(4, 'profile', withPhones(profile('p3', 's2'), '020 7946 0959'))]));
    expect(later.keys!.profiles).toEqual([{ phones: ['+442079460959'], readWith: 'GB' }]);
  });

  it('writes nothing for a page older than the cache', async () => {
    const w = createPageWriter(db);
    await w.write(page(5, [up(5, 'site', site('s1'))]));
    expect(await w.write(page(2, [up(2, 'profile', profile('p1', 's1'))]))).toMatchObject({ seq: 2, count: 0 });
    expect(await allProfiles(db)).toEqual([]);
  });
});
