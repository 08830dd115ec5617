import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change } from '../../../shared/api/sync.js';
import { createCallerIndex, identifyCaller } from '../../../shared/identify/index.js';
import * as phoneKeys from '../../../shared/phone/phoneMatchKey.js';
import { fakeSyncApi, foundIds, newTestDirectory } from '../sync/fakeSyncServer.testkit.js';
import { CallsignDb } from '../../db/CallsignDb.js';
import { syncDirectory } from '../sync/syncDirectory.js';
import { DirectoryIndexStore } from './DirectoryIndexStore.js';
import type { SnapshotLines } from '../../../shared/identify/types.js';
import { createPageWriter } from '../../db/pageWriter.js';
import { prefetchCache } from '../../boot/prefetchCache.js';

const N_SITES = 20;
const N_PROFILES = 400;

function serverChanges(): Change[] {
  const rows = [
    ...Array.from({ length: N_SITES }, (_, i) => ({
      kind: 'site',
      id: `s${i}`,
      data: { id: `s${i}`, name: `Site ${i}`, companyName: `Co ${i}`, mainPhones: [], country: 'US' },
    })),
    ...Array.from({ length: N_PROFILES }, (_, i) => ({
      kind: 'profile',
      id: `p${i}`,
      data: {
        id: `p${i}`,
        siteId: `s${i % N_SITES}`,
        firstName: `Dana${i}`,
        lastName: `Quill${i}`,
        email: `p${i}@co.test`,
        // National numbers, read with the site's country: the parse a warm start skips.
        phones: [{ number: `(206) 555-${String(1000 + i).slice(-4)}`, type: 'office' }],
      },
    })),
  ];
  return rows.map((r, i) => ({ seq: i + 1, op: 'upsert', ...r }) as unknown as Change);
}

let db: CallsignDb;
let k = 0;
beforeEach(async () => {
  db = new CallsignDb(`directory-store-${++k}`);
  const directory = newTestDirectory();
  await directory.load(db);
  await syncDirectory({ api: fakeSyncApi(serverChanges()), db, directory });
  await directory.whenPersisted();
});

/** The stored snapshot, and a way to store a changed one (as the app writes it). */
async function storedSnapshot() {
  const row = (await db.indexSnapshots.get('caller'))!;
  return { seq: row.seq, lines: row.lines! };
}
async function storeSnapshot(seq: number, lines: SnapshotLines) {
  await db.indexSnapshots.put({ key: 'caller', seq, lines });
}
/** `lines` with every profile's keys (or only `id`'s) replaced by `key`. */
function withProfileKeys(lines: SnapshotLines, key: string, id?: string): SnapshotLines {
  const profiles = lines.profiles
    .split('\n')
    .map((line) => (id === undefined || line.startsWith(`${id}\t`) ? line.replace(/[^\t]*$/, key) : line))
    .join('\n');
  return { ...lines, profiles };
}
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('warm start', () => {
  it('persists the phone keys after a sync and restores the exact index from them without parsing a phone', async () => {
    expect((await db.indexSnapshots.get('caller'))?.seq).toBe(N_SITES + N_PROFILES);
    const parse = vi.spyOn(phoneKeys, 'phoneMatchKey');
    const directory = newTestDirectory();
    let parsedBeforeExact = -1;
    directory.subscribe(() => {
      if (directory.isLoaded && parsedBeforeExact < 0) parsedBeforeExact = parse.mock.calls.length;
    });
    await directory.load(db);
    expect(foundIds(directory, '+1 206 555 1007')).toEqual(['p7']);
    // None of the 400 cached numbers went through the phone parser for the exact index (the
    // type-ahead, built afterwards, reads digits its own way).
    expect(parsedBeforeExact).toBe(0);
  });

  it('restores from what boot.ts read before the app was evaluated, without reading the snapshot again', async () => {
    const prefetched = prefetchCache(indexedDB, db.name);
    const readSnapshot = vi.spyOn(db.indexSnapshots, 'get');
    const parse = vi.spyOn(phoneKeys, 'phoneMatchKey');
    const directory = newTestDirectory();
    let parsedBeforeExact = -1;
    directory.subscribe(() => {
      if (directory.isLoaded && parsedBeforeExact < 0) parsedBeforeExact = parse.mock.calls.length;
    });
    await directory.load(db, prefetched);
    expect(await prefetched).toMatchObject({ syncSeq: N_SITES + N_PROFILES });
    expect(readSnapshot).not.toHaveBeenCalled();
    expect(parsedBeforeExact).toBe(0); // the snapshot answered
    expect(foundIds(directory, '+1 206 555 1007')).toEqual(['p7']);
    expect(directory.site('s7')?.name).toBe('Site 7');
  });

  it('reads the cache itself when there is no prefetch (boot.ts did not run, or gave nothing)', async () => {
    const directory = newTestDirectory();
    await directory.load(db, Promise.resolve(undefined));
    expect(foundIds(directory, '+1 206 555 1007')).toEqual(['p7']);
  });

  it('answers numbers and emails from the snapshot and the site rows alone, before any profile row is read', async () => {
    const readProfiles = vi.spyOn(db.siteProfiles, 'bulkGet');
    const directory = newTestDirectory();
    const firstExact: Array<{ rowsRead: number; phone: unknown; email: unknown; site: unknown; person: unknown }> = [];
    const answers: unknown[] = [];
    directory.subscribe(() => {
      if (!directory.isLoaded) return;
      answers.push(foundIds(directory, '+1 206 555 1007'));
      if (firstExact.length === 0)
        firstExact.push({
          rowsRead: readProfiles.mock.calls.length,
          phone: foundIds(directory, '+1 206 555 1007'),
          email: foundIds(directory, 'p8@co.test'),
          site: directory.site('s7')?.name,
          person: directory.profile('p7'),
        });
    });
    await directory.load(db);
    // The site is there to show; the person's record follows with the profile rows.
    expect(firstExact).toEqual([{ rowsRead: 0, phone: ['p7'], email: ['p8'], site: 'Site 7', person: undefined }]);
    expect(readProfiles).toHaveBeenCalled();
    expect(directory.profile('p7')?.lastName).toBe('Quill7');
    // Every notice from then on answered: the full index was swapped in whole, never seen half-built.
    expect(answers.every((a) => JSON.stringify(a) === '["p7"]')).toBe(true);
  });

  it('takes the longer way with a snapshot of the older layout (before lines)', async () => {
    const row = await storedSnapshot();
    await db.indexSnapshots.put({ key: 'caller', seq: row.seq, packed: { profileIds: 'p1' } } as never);
    const readProfiles = vi.spyOn(db.siteProfiles, 'bulkGet');
    const directory = newTestDirectory();
    let rowsReadAtExact = -1;
    directory.subscribe(() => {
      if (directory.isLoaded && rowsReadAtExact < 0) rowsReadAtExact = readProfiles.mock.calls.length;
    });
    await directory.load(db);
    expect(rowsReadAtExact).toBe(1);
    expect(foundIds(directory, '+1 206 555 1007')).toEqual(['p7']);
    // …once: the load saves it in today's form for the next start.
    await directory.whenPersisted();
    expect((await db.indexSnapshots.get('caller'))?.lines?.profiles).toContain('p7\ts7\tp7@co.test\t+12065551007');
  });

  it('ignores a snapshot taken at another seq and builds the index the slow way, then persists it again', async () => {
    const row = await storedSnapshot();
    // A snapshot left from before the last page: its keys name a number nobody has.
    await storeSnapshot(row.seq - 1, withProfileKeys(row.lines, '+12065550199'));
    const directory = newTestDirectory();
    await directory.load(db);
    expect(foundIds(directory, '+1 206 555 1007')).toEqual(['p7']);
    expect(foundIds(directory, '+1 206 555 0199')).toEqual([]);
    await directory.whenPersisted();
    expect((await db.indexSnapshots.get('caller'))?.seq).toBe(row.seq);
  });

  it('uses a snapshot taken at the same seq (so a tampered one shows: it is really read)', async () => {
    const row = await storedSnapshot();
    await storeSnapshot(row.seq, withProfileKeys(row.lines, '+12065550199', 'p7'));
    const directory = newTestDirectory();
    await directory.load(db);
    expect(foundIds(directory, '+1 206 555 0199')).toEqual(['p7']);
  });

  it('answers exact lookups before the type-ahead index is ready, and says so through its flags', async () => {
    const directory = newTestDirectory();
    const seen: Array<{ exact: boolean; names: boolean; answer: unknown }> = [];
    directory.subscribe(() =>
      seen.push({
        exact: directory.isLoaded,
        names: directory.typeaheadReady,
        answer: directory.isLoaded ? foundIds(directory, 'p7@co.test') : undefined,
      }),
    );
    expect(directory.isLoaded).toBe(false);
    const loading = directory.load(db);
    await loading;
    // The first notice after exact-ready already answers an email typed during the load…
    const firstExact = seen.find((s) => s.exact)!;
    expect(firstExact).toEqual({ exact: true, names: false, answer: ['p7'] });
    // …and names follow: the type-ahead finds people once typeaheadReady is set.
    expect(seen.at(-1)).toMatchObject({ exact: true, names: true });
    expect(directory.search('Quill7', { limit: 5 }).length).toBeGreaterThan(0);
    expect(directory.loadProgress.stage).toBe('done');
  });
});

describe('sync pages written by the sync worker', () => {
  it("indexes a page with the worker's phone keys without reading a number, answering as without them", async () => {
    const fresh = new CallsignDb(`directory-store-fresh-${++k}`);
    const changes = serverChanges();
    const written = await createPageWriter(fresh).write({
      seq: changes.length,
      more: false,
      remaining: 0,
      maxAgeSeconds: 3600,
      changes,
    });
    expect(written.keys?.profiles).toHaveLength(N_PROFILES);
    const withKeys = newTestDirectory();
    const without = newTestDirectory();
    await withKeys.load(fresh);
    await without.load(fresh);
    const parse = vi.spyOn(phoneKeys, 'phoneMatchKey');
    await withKeys.apply(written);
    expect(parse).not.toHaveBeenCalled();
    await without.apply({ ...written, keys: undefined });
    expect(parse.mock.calls.length).toBeGreaterThanOrEqual(N_PROFILES);
    for (const d of [withKeys, without]) {
      expect(foundIds(d, '+1 206 555 1007')).toEqual(['p7']);
      expect(foundIds(d, '(206) 555-1007')).toEqual(['p7']);
      expect(d.search('12065551007').map((h) => h.id)).toEqual(['p7']);
    }
    expect(withKeys.stats).toEqual(without.stats);
    await fresh.delete();
  });
});

describe('saving the caller index after a sync (deferred to idle)', () => {
  /** A directory whose indexes count `snapshotLines()` calls (the costly part of a save). */
  function countingDirectory() {
    let taken = 0;
    const directory = new DirectoryIndexStore({
      createIndex: (keys) => {
        const index = createCallerIndex(keys);
        const linesOf = index.snapshotLines.bind(index);
        index.snapshotLines = () => (taken++, linesOf());
        return index;
      },
      identify: identifyCaller,
    });
    return { directory, taken: () => taken };
  }
  const person = (i: number) => ({
    id: `new${i}`,
    siteId: 's1',
    firstName: 'New',
    lastName: `Person${i}`,
    thinClient: false,
    psaContact: false,
    phones: [{ number: `+1 206 555 01${10 + i}`, type: 'mobile' as const }],
  });

  it('takes the keys after the caller has moved on, not on the path of a change becoming visible', async () => {
    const { directory, taken } = countingDirectory();
    await directory.load(db);
    const seq = (await storedSnapshot()).seq;
    const put = vi.spyOn(db.indexSnapshots, 'put');
    const saved = directory.persistKeys(seq);
    expect(taken()).toBe(0);
    await saved;
    expect(taken()).toBe(1);
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('is not written when a newer page was applied meanwhile (the index no longer holds the cache at its seq)', async () => {
    const { directory, taken } = countingDirectory();
    await directory.load(db);
    const before = await db.indexSnapshots.get('caller');
    const put = vi.spyOn(db.indexSnapshots, 'put');
    const saved = directory.persistKeys(before!.seq);
    // A later run applies a page before the idle moment (the cache's seq is still the same here).
    await directory.apply({ sites: { put: [], deleted: [] }, profiles: { put: [person(1)], deleted: [] } });
    await saved;
    expect(taken()).toBe(0);
    expect(put).not.toHaveBeenCalled();
    expect(await db.indexSnapshots.get('caller')).toEqual(before);
    // The save requested after that page is written.
    await directory.persistKeys(before!.seq);
    expect(put).toHaveBeenCalledTimes(1);
    expect((await storedSnapshot()).lines.profiles).toContain('new1\ts1\t\t+12065550111');
  });
});
