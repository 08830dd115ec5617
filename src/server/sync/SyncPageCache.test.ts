import { describe, expect, it } from 'vitest';
import { SyncPageCache, type BuiltPage } from './SyncPageCache.js';

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
});
