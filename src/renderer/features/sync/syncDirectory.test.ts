import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api/errors.js';
import type { SyncPage } from '../../../shared/api/sync.js';
import { CallsignDb, readSyncMeta } from '../../db/CallsignDb.js';
import { syncDirectory, type SyncProgress } from './syncDirectory.js';
import { allSites } from '../../db/siteChunks.js';

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

  it('keeps the cache and the cursor when the server is unreachable', async () => {
    const api = fakeApi(10);
    await syncDirectory({ api, db, directory: { apply: () => {}, ...placed } });
    api.invoke.mockRejectedValueOnce(new AppError('server_unreachable', 'down'));
    await expect(syncDirectory({ api, db, directory: { apply: () => {}, ...placed } })).rejects.toMatchObject({
      code: 'server_unreachable',
    });
    expect((await readSyncMeta(db)).syncSeq).toBe(10);
    expect((await allSites(db)).length).toBe(10);
  });
});
