import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api/errors.js';
import type { SyncPage } from '../../../shared/api/sync.js';
import { CallsignDb, readSyncMeta } from '../../db/CallsignDb.js';
import { syncDirectory, type SyncProgress } from './syncDirectory.js';
import { allSites } from '../../db/siteChunks.js';
import { createPageWriter } from '../../db/pageWriter.js';
import { allProfiles } from '../../db/profileBundles.js';

const site = (i: number) => ({ id: `s${i}`, name: `Site ${i}`, companyName: `Co ${i}`, mainPhones: [], country: 'US' });

/** A fake server holding `n` site changes, paged by `limit`. */
function fakeApi(n: number) {
  const changes = Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    kind: 'site' as const,
    id: `s${i}`,
    op: 'upsert' as const,
    data: site(i),
  }));
  const invoke = vi.fn(
    async (_c: 'sync.pull', { since, limit }: { since: number; limit: number }): Promise<SyncPage> => {
      const rest = changes.filter((c) => c.seq > since);
      const page = rest.slice(0, limit);
      return {
        seq: page.at(-1)?.seq ?? since,
        more: rest.length > limit,
        remaining: Math.max(0, rest.length - limit),
        maxAgeSeconds: 3600,
        changes: page as unknown as SyncPage['changes'],
      };
    },
  );
  return { invoke } as unknown as { invoke: typeof invoke } & Parameters<typeof syncDirectory>[0]['api'];
}

let db: CallsignDb;
let k = 0;
beforeEach(() => {
  db = new CallsignDb(`sync-${++k}`);
});
afterEach(async () => {
  await db.delete();
});

/** This fake directory caches no profiles, so every profile in a page is new. */
const placed = { locateProfile: () => undefined, whenLoaded: Promise.resolve() };

describe('syncDirectory', () => {
  it('pulls pages until more is false, reporting determinate progress', async () => {
    const api = fakeApi(12_000);
    const progress: SyncProgress[] = [];
    const apply = vi.fn();
    const r = await syncDirectory({
      api,
      db,
      directory: { apply, ...placed },
      onProgress: (p) => progress.push(p),
      now: () => 42,
    });
    expect(progress.map((p) => [p.written, p.total])).toEqual([
      [0, 0],
      [5000, 12000],
      [10000, 12000],
      [12000, 12000],
    ]);
    expect(progress.every((p) => p.firstSync)).toBe(true);
    expect(apply).toHaveBeenCalledTimes(3);
    expect(r).toEqual({ seq: 12000, written: 12000, lastSyncAt: 42 });
    expect((await allSites(db)).length).toBe(12000);
    expect(await readSyncMeta(db)).toEqual({ syncSeq: 12000, lastSyncAt: 42, maxAgeSeconds: 3600 });
    const again = await syncDirectory({
      api,
      db,
      directory: { apply, ...placed },
      onProgress: (p) => progress.push(p),
    });
    expect(again.written).toBe(0);
    expect(progress.at(-1)?.firstSync).toBe(false);
  });

  it('matches the cached credential metadata to the signed-in role before pulling (db/credentialScope.ts)', async () => {
    const api = fakeApi(10);
    const directory = { apply: () => {}, ...placed };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // A NOC colleague synced this desk: credentials in the cache.
    await syncDirectory({ api, db, directory, credentialScope: async () => 'all' });
    await db.credentials.put({ id: 'c1', siteId: 's1' } as never);
    // A technician signs in: the next run deletes them, and pulls on from the checkpoint.
    await syncDirectory({ api, db, directory, credentialScope: async () => 'none' });
    expect(await db.credentials.count()).toBe(0);
    expect(api.invoke.mock.calls.at(-1)![1]).toMatchObject({ since: 10 });
    // The NOC colleague again: everything is pulled again from 0, so the credentials skipped come back.
    const r = await syncDirectory({ api, db, directory, credentialScope: async () => 'all' });
    expect(api.invoke.mock.calls.at(-1)![1]).toMatchObject({ since: 0 });
    expect(r).toMatchObject({ seq: 10, written: 10 });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('(cleared)'),
      expect.stringContaining('(resync)'),
    ]);
    warn.mockRestore();
  });

  it('keeps the cache and the cursor when the server is unreachable', async () => {
    const api = fakeApi(10);
    await syncDirectory({ api, db, directory: { apply: () => {}, ...placed } });
    api.invoke.mockRejectedValueOnce(new AppError('server_unreachable', 'down'));
    const noRetry = { retryDelaysMs: [] };
    await expect(
      syncDirectory({ api, db, directory: { apply: () => {}, ...placed }, ...noRetry }),
    ).rejects.toMatchObject({
      code: 'server_unreachable',
    });
    expect((await readSyncMeta(db)).syncSeq).toBe(10);
    expect((await allSites(db)).length).toBe(10);
  });

  it('waits and pulls again from its checkpoint when the server drops away mid-sync', async () => {
    const api = fakeApi(12_000);
    const down = new AppError('server_unreachable', 'down');
    let calls = 0;
    const real = api.invoke.getMockImplementation()!;
    // The second and third requests (the page after seq 5000) fail: the server is gone for a while.
    api.invoke.mockImplementation(async (c, q) => (++calls === 2 || calls === 3 ? Promise.reject(down) : real(c, q)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sleep = vi.fn(async () => {});
    const progress: SyncProgress[] = [];
    const r = await syncDirectory({
      api,
      db,
      directory: { apply: () => {}, ...placed },
      onProgress: (p) => progress.push(p),
      sleep,
      retryDelaysMs: [10, 20, 40],
    });
    warn.mockRestore();
    expect(r.written).toBe(12_000);
    expect(api.invoke.mock.calls.map(([, q]) => q.since)).toEqual([0, 5000, 5000, 5000, 10000]);
    expect(sleep.mock.calls).toEqual([[10], [20]]);
    expect(progress.some((p) => p.waiting)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ waiting: false, written: 12_000, total: 12_000 });
    expect((await allSites(db)).length).toBe(12_000);
  });

  it('waits out a server answering 503 while it shuts down (unavailable), like one that is gone', async () => {
    const api = fakeApi(12_000);
    const real = api.invoke.getMockImplementation()!;
    let calls = 0;
    api.invoke.mockImplementation(async (c, q) =>
      ++calls === 2 ? Promise.reject(new AppError('unavailable', 'HTTP 503')) : real(c, q),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const progress: SyncProgress[] = [];
    const r = await syncDirectory({
      api,
      db,
      directory: { apply: () => {}, ...placed },
      onProgress: (p) => progress.push(p),
      sleep: async () => {},
      retryDelaysMs: [10],
    });
    warn.mockRestore();
    expect(r.written).toBe(12_000);
    expect(api.invoke.mock.calls.map(([, q]) => q.since)).toEqual([0, 5000, 5000, 10000]);
    expect(progress.some((p) => p.waiting)).toBe(true);
  });

  it('a first sync resumed from an earlier run waits for the server from its first pull; one with no data fails at once', async () => {
    const api = fakeApi(12_000);
    const real = api.invoke.getMockImplementation()!;
    const down = new AppError('server_unreachable', 'down');
    // Nothing cached yet: the badge says Offline at once, there is no progress to keep.
    api.invoke.mockRejectedValueOnce(down);
    const sleep = vi.fn(async () => {});
    await expect(
      syncDirectory({ api, db, directory: { apply: () => {}, ...placed }, sleep, retryDelaysMs: [10] }),
    ).rejects.toMatchObject({ code: 'server_unreachable' });
    expect(sleep).not.toHaveBeenCalled();
    // An earlier run got one page in, then the app restarted with the server still down.
    api.invoke.mockImplementationOnce(real).mockRejectedValueOnce(down);
    await expect(
      syncDirectory({ api, db, directory: { apply: () => {}, ...placed }, retryDelaysMs: [] }),
    ).rejects.toThrow();
    expect(await readSyncMeta(db)).toMatchObject({ syncSeq: 5000, lastSyncAt: undefined });
    api.invoke.mockClear();
    api.invoke.mockRejectedValueOnce(down).mockRejectedValueOnce(down);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const progress: SyncProgress[] = [];
    const r = await syncDirectory({
      api,
      db,
      directory: { apply: () => {}, ...placed },
      onProgress: (p) => progress.push(p),
      sleep,
      retryDelaysMs: [10, 20, 40],
    });
    warn.mockRestore();
    expect(sleep.mock.calls).toEqual([[10], [20]]);
    expect(api.invoke.mock.calls.map(([, q]) => q.since)).toEqual([5000, 5000, 5000, 10000]);
    expect(progress.filter((p) => p.waiting).every((p) => p.firstSync && p.resumed)).toBe(true);
    expect(progress.some((p) => p.waiting)).toBe(true);
    expect(r.written).toBe(7000);
  });

  it('gives up after the last retry with the cursor at the last applied page', async () => {
    const api = fakeApi(12_000);
    const real = api.invoke.getMockImplementation()!;
    api.invoke.mockImplementation(async (c, q) =>
      q.since >= 5000 ? Promise.reject(new AppError('server_unreachable', 'down')) : real(c, q),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(
      syncDirectory({ api, db, directory: { apply: () => {}, ...placed }, sleep: async () => {}, retryDelaysMs: [1] }),
    ).rejects.toMatchObject({ code: 'server_unreachable' });
    warn.mockRestore();
    expect((await readSyncMeta(db)).syncSeq).toBe(5000);
  });

  it('resumes an interrupted first sync from its checkpoint after a restart, still as the first sync', async () => {
    const api = fakeApi(12_000);
    const real = api.invoke.getMockImplementation()!;
    api.invoke.mockImplementationOnce(real).mockRejectedValueOnce(new AppError('server_unreachable', 'down'));
    await expect(
      syncDirectory({ api, db, directory: { apply: () => {}, ...placed }, retryDelaysMs: [] }),
    ).rejects.toThrow();
    expect(await readSyncMeta(db)).toMatchObject({ syncSeq: 5000, lastSyncAt: undefined });

    db.close(); // the app restarts: a new connection to the same cache
    db = new CallsignDb(db.name);
    api.invoke.mockClear();
    let clock = 1000;
    const progress: SyncProgress[] = [];
    const r = await syncDirectory({
      api,
      db,
      directory: { apply: () => {}, ...placed },
      onProgress: (p) => progress.push(p),
      now: () => (clock += 500),
    });
    expect(api.invoke.mock.calls[0]![1].since).toBe(5000); // not from 0
    expect(r.written).toBe(7000);
    expect(progress.every((p) => p.firstSync && p.resumed)).toBe(true);
    expect(progress.map((p) => [p.written, p.total])).toEqual([
      [0, 0],
      [5000, 7000],
      [7000, 7000],
    ]);
    // 5,000 records in 0.5 s (one clock tick) with 2,000 left: about 0.2 s to go, then none.
    expect(progress.map((p) => p.etaMs)).toEqual([undefined, 200, 0]);
    expect((await allSites(db)).length).toBe(12_000);
  });

  it('persists the caller index keys after a run that changed something, not after an empty one', async () => {
    const api = fakeApi(10);
    const persistKeys = vi.fn(async () => {});
    await syncDirectory({ api, db, directory: { apply: () => {}, persistKeys, ...placed } });
    expect(persistKeys).toHaveBeenCalledTimes(1);
    await syncDirectory({ api, db, directory: { apply: () => {}, persistKeys, ...placed } });
    expect(persistKeys).toHaveBeenCalledTimes(1);
  });
});

describe('syncDirectory with a page writer (the sync worker)', () => {
  /** A server with profiles: p0..p2 at s0, then (after `move`) p1 moved to s1 and p2 deleted. */
  function bytesApi() {
    const changes: unknown[] = [
      { seq: 1, kind: 'site', id: 's0', op: 'upsert', data: site(0) },
      { seq: 2, kind: 'site', id: 's1', op: 'upsert', data: site(1) },
      ...[0, 1, 2].map((i) => ({
        seq: 3 + i,
        kind: 'profile',
        id: `p${i}`,
        op: 'upsert',
        data: { id: `p${i}`, siteId: 's0', firstName: 'A', lastName: `B${i}`, phones: [] },
      })),
    ];
    const invoke = vi.fn(async (channel: string, { since, limit }: { since: number; limit: number }) => {
      const rest = changes.filter((c) => (c as { seq: number }).seq > since);
      const page = rest.slice(0, limit);
      const seq = (page.at(-1) as { seq: number } | undefined)?.seq ?? since;
      const body = { seq, more: rest.length > limit, remaining: Math.max(0, rest.length - limit), maxAgeSeconds: 60 };
      return channel === 'sync.pullBytes'
        ? { ...body, count: page.length, bytes: new TextEncoder().encode(JSON.stringify({ ...body, changes: page })) }
        : { ...body, changes: page };
    });
    const move = () =>
      changes.push(
        {
          seq: 6,
          kind: 'profile',
          id: 'p1',
          op: 'upsert',
          data: { id: 'p1', siteId: 's1', firstName: 'A', lastName: 'B1', phones: [] },
        },
        { seq: 7, kind: 'profile', id: 'p2', op: 'delete' },
      );
    return { api: { invoke } as unknown as Parameters<typeof syncDirectory>[0]['api'], invoke, move };
  }

  it('stops at the checkpoint when a page does not match the cursor sent beside it (main reads it from a header)', async () => {
    const page = (seq: number, ids: number[]) => ({
      seq,
      more: true,
      remaining: 10,
      maxAgeSeconds: 3600,
      changes: ids.map((i, n) => ({
        seq: seq - ids.length + n + 1,
        kind: 'site',
        id: `s${i}`,
        op: 'upsert',
        data: site(i),
      })),
    });
    // The header announces seq 5 for a page that ends at seq 2: pulling on from 5 would skip 3–5.
    const invoke = vi.fn(async () => ({
      seq: 5,
      more: true,
      remaining: 10,
      count: 2,
      bytes: new TextEncoder().encode(JSON.stringify(page(2, [0, 1]))),
    }));
    const api = { invoke } as unknown as Parameters<typeof syncDirectory>[0]['api'];
    const directory = { ...placed, apply: vi.fn() };
    await expect(syncDirectory({ api, db, directory, writer: createPageWriter(db) })).rejects.toMatchObject({
      code: 'internal',
      field: 'syncPage',
      message: expect.stringMatching(/did not match its cursor/),
    });
    // The page itself was written with its own seq: the next run starts from there, skipping nothing;
    // and the directory holds it too (it matches the cache).
    expect(await readSyncMeta(db)).toMatchObject({ syncSeq: 2 });
    expect(directory.apply).toHaveBeenCalledWith(expect.objectContaining({ seq: 2, count: 2 }));
  });

  it('pulls pages as UTF-8 JSON bytes, has them written by the writer, and indexes the net changes it returns', async () => {
    const { api, invoke, move } = bytesApi();
    const indexed = new Map<string, string>();
    const directory = {
      whenLoaded: Promise.resolve(),
      locateProfile: () => undefined,
      placement: () => ({ ids: [...indexed.keys()], siteIds: [...indexed.values()] }),
      apply: vi.fn((c: { profiles: { put: Array<{ id: string; siteId: string }>; deleted: string[] } }) => {
        for (const p of c.profiles.put) indexed.set(p.id, p.siteId);
        for (const id of c.profiles.deleted) indexed.delete(id);
      }),
    };
    const r = await syncDirectory({ api, db, directory, writer: createPageWriter(db) });
    expect(r.written).toBe(5);
    expect(invoke.mock.calls.every(([channel]) => channel === 'sync.pullBytes')).toBe(true);
    expect([...indexed]).toEqual([
      ['p0', 's0'],
      ['p1', 's0'],
      ['p2', 's0'],
    ]);
    // A new writer (an app restart): it learns where p1 and p2 are stored from the directory's placement.
    move();
    await syncDirectory({ api, db, directory, writer: createPageWriter(db) });
    expect((await allProfiles(db)).map((p) => [p.id, p.siteId]).sort()).toEqual([
      ['p0', 's0'],
      ['p1', 's1'],
    ]);
    expect([...indexed].sort()).toEqual([
      ['p0', 's0'],
      ['p1', 's1'],
    ]);
    expect(await readSyncMeta(db)).toMatchObject({ syncSeq: 7 });
  });

  it("keeps the writer's placement across runs: a profile moved between sites in run 2 is placed right, unseeded", async () => {
    const { api, move } = bytesApi();
    const indexed = new Map<string, string>();
    const directory = {
      whenLoaded: Promise.resolve(),
      locateProfile: () => undefined,
      placement: vi.fn(() => ({ ids: [...indexed.keys()], siteIds: [...indexed.values()] })),
      apply: (c: { profiles: { put: Array<{ id: string; siteId: string }>; deleted: string[] } }) => {
        for (const p of c.profiles.put) indexed.set(p.id, p.siteId);
        for (const id of c.profiles.deleted) indexed.delete(id);
      },
    };
    const writer = createPageWriter(db); // one worker for the whole session
    const seed = vi.spyOn(writer, 'seed');
    await syncDirectory({ api, db, directory, writer });
    expect(seed).toHaveBeenCalledTimes(1);
    move();
    await syncDirectory({ api, db, directory, writer });
    await syncDirectory({ api, db, directory, writer }); // nothing new
    // Seeded once (an empty cache), then kept in step by its own writes: no 100k placements per run.
    expect(seed).toHaveBeenCalledTimes(1);
    expect(directory.placement).toHaveBeenCalledTimes(1);
    // p1 is stored under s1 only (the writer knew it was under s0), p2 is gone from s0.
    expect((await allProfiles(db)).map((p) => [p.id, p.siteId]).sort()).toEqual([
      ['p0', 's0'],
      ['p1', 's1'],
    ]);
    expect((await db.siteProfiles.get('s0'))?.profiles.map((p) => p.id)).toEqual(['p0']);
  });
});
