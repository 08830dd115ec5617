import { describe, expect, it } from 'vitest';
import { SyncPageCache, type BuiltPage, type PageBuild } from './SyncPageCache.js';

const page = (bytes: number, tag = 'x'): BuiltPage => ({ body: Buffer.alloc(bytes), etag: `"${tag}"`, encoding: 'br' });

describe('SyncPageCache', () => {
  it('stays within its byte bound, evicting the least recently used page first', async () => {
    const cache = new SyncPageCache(300);
    let builds = 0;
    const get = (key: string) => cache.get(key, 0, async () => (builds++, { page: page(100, key), keep: true }));
    for (const key of ['a', 'b', 'c']) await get(key);
    await get('a'); // now b is the least recently used
    await get('d');
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 300 });
    builds = 0;
    for (const key of ['a', 'c', 'd']) await get(key);
    expect(builds).toBe(0);
    await get('b');
    expect(builds).toBe(1);
    expect(cache.stats().bytes).toBeLessThanOrEqual(300);
  });

  it('does not keep a page its builder marks as not matching its key, nor one larger than the bound', async () => {
    const cache = new SyncPageCache(100);
    await cache.get('moved', 0, async () => ({ page: page(10), keep: false }));
    await cache.get('huge', 0, async () => ({ page: page(101), keep: true }));
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('drops everything on a newer history epoch, and a late request of the old epoch does not bring it back', async () => {
    const cache = new SyncPageCache();
    await cache.get('e0', 0, async () => ({ page: page(10), keep: true }));
    await cache.get('e1', 1, async () => ({ page: page(10), keep: true }));
    expect(cache.stats().entries).toBe(1);
    await cache.get('late', 0, async () => ({ page: page(10), keep: true }));
    expect(cache.stats().entries).toBe(1); // the old-epoch page not stored…
    let rebuilt = false;
    await cache.get('e1', 1, async () => ((rebuilt = true), { page: page(10), keep: true }));
    expect(rebuilt).toBe(false); // …and the current one still there
  });

  it('shares one build among 100 concurrent requests for the same page', async () => {
    const cache = new SyncPageCache();
    let builds = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const all = Array.from({ length: 100 }, () =>
      cache.get('k', 0, async () => {
        builds++;
        await gate;
        return { page: page(10, 'k'), keep: true };
      }),
    );
    release();
    const pages = await Promise.all(all);
    expect(builds).toBe(1);
    expect(new Set(pages).size).toBe(1);
  });

  describe('background re-compression', () => {
    const quiet = { warn: () => undefined };
    /** A build whose page is 100 bytes, refined to `refinedBytes` when its refinement runs. */
    const fastBuild = (key: string, refinedBytes = 40, onRun?: () => Promise<void>): PageBuild => ({
      page: page(100, key),
      keep: true,
      refine: {
        bytesHeld: 1000,
        run: async () => {
          await onRun?.();
          return page(refinedBytes, key);
        },
      },
    });

    it('replaces the entry with the smaller bytes, keeping its ETag, and serves them from then on', async () => {
      const cache = new SyncPageCache(10_000, quiet);
      const first = await cache.get('k', 0, async () => fastBuild('k'));
      expect(first.body.length).toBe(100); // served at once, before the refinement
      await cache.refinesDone();
      const later = await cache.get('k', 0, async () => Promise.reject(new Error('not rebuilt')));
      expect(later.body.length).toBe(40);
      expect(later.etag).toBe(first.etag);
      expect(cache.stats()).toMatchObject({ entries: 1, bytes: 40, refined: 1, refinesPending: 0 });
    });

    it('runs one refinement at a time, and none while a build is pending', async () => {
      const cache = new SyncPageCache(1_000_000, quiet);
      let running = 0;
      let most = 0;
      const events: string[] = [];
      const run = async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
        events.push('refine');
      };
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => cache.get(`p${i}`, 0, async () => fastBuild(`p${i}`, 40, run))),
      );
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slow = cache.get('slow', 0, async () => {
        await gate;
        events.push('build done');
        return { page: page(10, 'slow'), keep: true };
      });
      await new Promise((r) => setTimeout(r, 20));
      const refinedWhileBuilding = events.filter((e) => e === 'refine').length;
      release();
      await slow;
      await cache.refinesDone();
      expect(most).toBe(1);
      expect(cache.stats().refined).toBe(30);
      // The first refinement may have started before the build; none started while it was pending.
      expect(refinedWhileBuilding).toBeLessThanOrEqual(1);
      expect(events.indexOf('build done')).toBeLessThanOrEqual(1);
    });

    it('drops the refinement of a page evicted or of an older epoch meanwhile, never bringing it back', async () => {
      const cache = new SyncPageCache(150, quiet);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      await cache.get('a', 0, async () => fastBuild('a', 40, () => gate));
      await cache.get('b', 0, async () => fastBuild('b', 40)); // evicts a (200 > 150) while a compresses
      release();
      await cache.refinesDone();
      expect(cache.stats()).toMatchObject({ entries: 1, bytes: 40, refined: 1 }); // b only
      let rebuiltA = false;
      await cache.get('a', 0, async () => ((rebuiltA = true), { page: page(10, 'a'), keep: true }));
      expect(rebuiltA).toBe(true);

      const reset = new SyncPageCache(10_000, quiet);
      let releaseC!: () => void;
      const gateC = new Promise<void>((r) => (releaseC = r));
      await reset.get('c', 0, async () => fastBuild('c', 40, () => gateC));
      await reset.get('d', 1, async () => ({ page: page(10, 'd'), keep: true })); // new epoch: c dropped
      releaseC();
      await reset.refinesDone();
      expect(reset.stats()).toMatchObject({ entries: 1, bytes: 10, refined: 0 });
    });

    it('holds at most maxPendingBytes of JSON for refinements; past it a page stays as built', async () => {
      const cache = new SyncPageCache(1_000_000, quiet, 2500); // room for two jobs of 1000
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, 0, async () => fastBuild(key, 40, () => gate));
      release();
      await cache.refinesDone();
      expect(cache.stats()).toMatchObject({ refined: 2, bytes: 40 + 40 + 100 + 100 });
      await cache.get('e', 0, async () => fastBuild('e')); // the budget is released after each job
      await cache.refinesDone();
      expect(cache.stats().refined).toBe(3);
    });

    it('logs a failed refinement with its page and keeps serving the fast bytes', async () => {
      const warnings: Array<{ context: object; message: string }> = [];
      const cache = new SyncPageCache(10_000, { warn: (context, message) => warnings.push({ context, message }) });
      await cache.get('k', 0, async () => ({
        page: page(100, 'k'),
        keep: true,
        refine: { bytesHeld: 10, run: () => Promise.reject(new Error('zlib out of memory')) },
      }));
      await cache.refinesDone();
      expect(warnings).toEqual([
        { context: expect.objectContaining({ page: 'k' }), message: expect.stringMatching(/re-compression failed/) },
      ]);
      expect((await cache.get('k', 0, async () => Promise.reject(new Error('not rebuilt')))).body.length).toBe(100);
    });
  });
});
