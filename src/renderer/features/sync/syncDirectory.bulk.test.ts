import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change } from '../../../shared/api/sync.js';
import type { SnapshotLines } from '../../../shared/identify/types.js';
import { fakeSyncApi, foundIds, newTestDirectory } from './fakeSyncServer.testkit.js';
import { CallsignDb, readSyncMeta } from '../../db/CallsignDb.js';
import { createPageWriter } from '../../db/pageWriter.js';
import { syncDirectory } from './syncDirectory.js';

const N_SITES = 30;
const N_PROFILES = 12_000;

/** Sites after their people (a site's country reaches profiles written before it), as a server may page them. */
function serverChanges(): Change[] {
  const rows = [
    ...Array.from({ length: N_PROFILES }, (_, i) => ({
      kind: 'profile',
      id: `p${i}`,
      data: {
        id: `p${i}`,
        siteId: `s${i % N_SITES}`,
        firstName: `Dana${i}`,
        lastName: `Quill${i}`,
        email: `P${i}@Co.test`,
        // National numbers without a country: read with the site's (which arrives later).
        phones: [
          { number: `(206) 55${5 + Math.floor(i / 10_000)}-${String(i % 10_000).padStart(4, '0')}`, type: 'office' },
        ],
      },
    })),
    ...Array.from({ length: N_SITES }, (_, i) => ({
      kind: 'site',
      id: `s${i}`,
      data: { id: `s${i}`, name: `Site ${i}`, companyName: `Co ${i}`, mainPhones: [], country: 'US' },
    })),
  ];
  return rows.map((r, i) => ({ seq: i + 1, op: 'upsert', ...r }) as unknown as Change);
}

let db: CallsignDb;
let k = 0;
beforeEach(() => {
  db = new CallsignDb(`bulk-${++k}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('the first sync into an empty cache (bulk)', () => {
  it('answers lookups from the worker lines while it runs, then holds the whole directory and its snapshot', async () => {
    const directory = newTestDirectory();
    await directory.load(db);
    const writer = createPageWriter(db);
    const apply = vi.spyOn(directory, 'apply');
    const during: unknown[] = [];
    const applyBulk = directory.applyBulk.bind(directory);
    vi.spyOn(directory, 'applyBulk').mockImplementation(async (changes) => {
      expect(changes.profiles.put).toEqual([]); // no profile record crosses to the renderer
      await applyBulk(changes);
      during.push([
        foundIds(directory, '+1 206 555 0007'),
        foundIds(directory, 'p8@co.test'),
        directory.typeaheadReady,
      ]);
    });
    await syncDirectory({ api: fakeSyncApi(serverChanges()), db, directory, writer });
    expect(apply).not.toHaveBeenCalled();
    // Pages 1–2 (5,000 people each, no site yet): their national numbers have no country to be read
    // with; emails answer. Page 3 (2,000 people and the sites) is under the step at which the worker
    // takes its lines again (directoryLines.ts): lookups answer from page 2's until the run ends.
    expect(during).toEqual([
      [[], ['p8'], false],
      [[], ['p8'], false],
      [[], ['p8'], false],
    ]);
    // After the run: the live index and the records, built from the cache; the names follow (the
    // notice says so meanwhile, as after a restart).
    expect(foundIds(directory, '+1 206 555 0007')).toEqual(['p7']);
    expect(directory.profile('p7')?.lastName).toBe('Quill7');
    await directory.whenNamesReady();
    expect(directory.typeaheadReady).toBe(true);
    expect(directory.search('Quill7').map((h) => h.id)).toContain('p7');
    const row = await db.indexSnapshots.get('caller');
    expect(row?.seq).toBe(N_PROFILES + N_SITES);
    expect(row?.lines?.profiles).toContain('p7\ts7\tp7@co.test\t+12065550007');

    // The snapshot the worker stored is the one the live index would have written.
    const live = (directory as unknown as { index: { snapshotLines(): SnapshotLines } }).index.snapshotLines();
    const sorted = (l: SnapshotLines | undefined) =>
      l && { sites: l.sites.split('\n').sort(), profiles: l.profiles.split('\n').sort() };
    expect(sorted(row?.lines)).toEqual(sorted(live));
  });

  it('builds the directory from the cache when the run stops part-way, and the next run carries on page by page', async () => {
    const directory = newTestDirectory();
    await directory.load(db);
    const writer = createPageWriter(db);
    await expect(
      syncDirectory({ api: fakeSyncApi(serverChanges(), { failAfter: 2 }), db, directory, writer, retryDelaysMs: [] }),
    ).rejects.toThrow('Refused');
    expect((await readSyncMeta(db)).syncSeq).toBe(10_000);
    // What was written is in the live index with its records (the sites have not come yet).
    expect(directory.profile('p9999')?.firstName).toBe('Dana9999');
    expect(foundIds(directory, 'p8@co.test')).toEqual(['p8']);
    const apply = vi.spyOn(directory, 'apply');
    await syncDirectory({ api: fakeSyncApi(serverChanges()), db, directory, writer });
    expect(apply).toHaveBeenCalled(); // resumed from the checkpoint: not a bulk run
    expect(foundIds(directory, '+1 206 555 0007')).toEqual(['p7']);
    expect(directory.typeaheadReady).toBe(true);
  });
});
