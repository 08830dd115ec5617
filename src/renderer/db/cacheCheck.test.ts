import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change, SyncPage } from '../../shared/api/sync.js';
import { createCallerIndex, identifyCaller } from '../../shared/identify/index.js';
import { DirectoryIndexStore } from '../features/lookup/DirectoryIndexStore.js';
import { syncDirectory } from '../features/sync/syncDirectory.js';
import { CallsignDb, readSyncMeta } from './CallsignDb.js';
import { allProfiles } from './profileBundles.js';
import { allReferences } from './referenceChunks.js';
import { bucketOf } from './recordChunks.js';
import { allSites } from './siteChunks.js';

const site = (i: number) => ({ id: `s${i}`, name: `Site ${i}`, companyName: `Co ${i}`, mainPhones: [], country: 'US' });
const profile = (i: number) => ({
  id: `p${i}`,
  siteId: `s${i % 20}`,
  firstName: `First${i}`,
  lastName: `Last${i}`,
  email: `p${i}@co${i % 20}.test`,
  phones: [{ number: `+1 206 555 ${String(1000 + i).slice(-4)}`, type: 'office' }],
});
const reference = (i: number) => ({
  id: `r${i}`,
  subject: `How to ${i}`,
  tags: [],
  allSites: true,
  siteIds: [],
  kind: 'how_to',
  body: { summary: '', symptoms: [], steps: [] },
});

/** The server's change log: 20 sites, 60 profiles, 10 references. */
function serverChanges(): Change[] {
  const rows = [
    ...Array.from({ length: 20 }, (_, i) => ({ kind: 'site', id: `s${i}`, data: site(i) })),
    ...Array.from({ length: 60 }, (_, i) => ({ kind: 'profile', id: `p${i}`, data: profile(i) })),
    ...Array.from({ length: 10 }, (_, i) => ({ kind: 'reference', id: `r${i}`, data: reference(i) })),
  ];
  return rows.map((r, i) => ({ seq: i + 1, op: 'upsert', ...r }) as unknown as Change);
}

function fakeApi(changes: Change[]) {
  const invoke = vi.fn(async (_c: 'sync.pull', { since, limit }: { since: number; limit: number }) => {
    const rest = changes.filter((c) => c.seq > since);
    const page = rest.slice(0, limit);
    return {
      seq: page.at(-1)?.seq ?? since,
      more: rest.length > limit,
      remaining: Math.max(0, rest.length - limit),
      maxAgeSeconds: 3600,
      changes: page,
    } as SyncPage;
  });
  return { invoke } as unknown as Parameters<typeof syncDirectory>[0]['api'] & { invoke: typeof invoke };
}

const newDirectory = () => new DirectoryIndexStore({ createIndex: createCallerIndex, identify: identifyCaller });
const counts = async (db: CallsignDb) => ({
  sites: (await allSites(db)).length,
  profiles: (await allProfiles(db)).length,
  references: (await allReferences(db)).length,
});

let db: CallsignDb;
let k = 0;
beforeEach(async () => {
  db = new CallsignDb(`cache-check-${++k}`);
  const directory = newDirectory();
  await directory.load(db);
  await syncDirectory({ api: fakeApi(serverChanges()), db, directory });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('a cache row corrupted by hand', () => {
  it('is noticed on load: the bad records are dropped and reported, the rest loads, and the next sync fetches everything again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await counts(db)).toEqual({ sites: 20, profiles: 60, references: 10 });
    // One site with a number for a name, one profile with a broken phone list, one reference chunk unreadable.
    const siteRow = (await db.siteChunks.get(bucketOf('s3')))!;
    await db.siteChunks.put({
      ...siteRow,
      records: siteRow.records.map((s) => (s.id === 's3' ? { ...s, name: 42 as unknown as string } : s)),
    });
    const bundle = (await db.siteProfiles.get('s5'))!;
    await db.siteProfiles.put({
      ...bundle,
      profiles: bundle.profiles.map((p) => (p.id === 'p5' ? { ...p, phones: 'garbage' as never } : p)),
    });
    await db.referenceChunks.put({ bucket: bucketOf('r7'), records: 'not a list' as never });

    const directory = newDirectory();
    await directory.load(db);
    expect(directory.isLoaded).toBe(true);
    expect(directory.site('s3')).toBeUndefined();
    expect(directory.profile('p5')).toBeUndefined();
    expect(directory.site('s4')).toBeDefined(); // the rest of the cache is still there
    expect(directory.cacheRepairs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'site', id: 's3', reason: expect.stringMatching(/^name/) }),
        expect.objectContaining({ kind: 'profile', id: 'p5', reason: expect.stringMatching(/^phones/) }),
        expect.objectContaining({ kind: 'reference', reason: expect.stringMatching(/records/) }),
      ]),
    );
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/damaged/), expect.anything());
    expect((await readSyncMeta(db)).syncSeq).toBe(0); // the next sync starts from the beginning
    const afterRepair = await counts(db);
    expect(afterRepair.sites).toBe(19);
    expect(afterRepair.profiles).toBe(59);
    expect(afterRepair.references).toBeLessThan(10);

    // The resync brings every record back: nothing lost.
    await syncDirectory({ api: fakeApi(serverChanges()), db, directory });
    expect(await counts(db)).toEqual({ sites: 20, profiles: 60, references: 10 });
    expect(directory.site('s3')?.name).toBe('Site 3');
    expect(directory.profile('p5')?.phones).toHaveLength(1);
    expect((await readSyncMeta(db)).syncSeq).toBe(90);

    // And the next load finds nothing to repair.
    const again = newDirectory();
    await again.load(db);
    expect(again.cacheRepairs).toEqual([]);
  });

  it('an intact cache loads with no repairs and keeps its seq', async () => {
    const directory = newDirectory();
    await directory.load(db);
    expect(directory.cacheRepairs).toEqual([]);
    expect((await readSyncMeta(db)).syncSeq).toBe(90);
  });
});
