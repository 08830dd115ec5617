/**
 * syncPage.ts with real compression: a page is served fast-compressed at once, and the background
 * re-compression (SyncPageCache) replaces it with smaller bytes of the same JSON under the same ETag.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/createTestApp.js';
import { SyncPageCache, type BuiltPage } from './SyncPageCache.js';
import { syncPage, type PageAnswer } from './syncPage.js';

let t: TestApp;
afterEach(() => t?.close());

async function setUp(sites: number) {
  t = await createTestApp({ seed: false });
  for (let i = 1; i <= sites; i++) {
    await t.services.directory.upsertSite({
      id: `s${i}`,
      name: `Site ${i}`,
      companyName: `Company ${i % 7} of the sync page tests`,
      country: 'US',
      callerGreeting: `Thank you for calling site ${i}; which device is it about?`,
    });
  }
  return t.services.directory;
}

function built(answer: PageAnswer): BuiltPage {
  if ('tooNew' in answer) throw new Error(`unexpected tooNew ${answer.tooNew}`);
  return answer;
}

const decode = (p: BuiltPage) =>
  (p.encoding === 'br' ? brotliDecompressSync(p.body) : p.encoding === 'gzip' ? gunzipSync(p.body) : p.body).toString();

describe('syncPage fast first, small later', () => {
  it.each(['br', 'gzip'] as const)(
    'serves %s fast, then the same JSON in fewer bytes under the same ETag',
    async (encoding) => {
      const directory = await setUp(300);
      const cache = new SyncPageCache();
      const req = { since: 0, limit: 300, role: 'technician', encoding };
      const fast = built(await syncPage(directory, cache, req));
      await cache.refinesDone();
      const small = built(await syncPage(directory, cache, req));
      expect(cache.stats()).toMatchObject({ builds: 1, refined: 1 });
      expect(small.encoding).toBe(encoding);
      expect(small.body.length).toBeLessThan(fast.body.length);
      expect(decode(small)).toBe(decode(fast));
      expect(JSON.parse(decode(small)).changes).toHaveLength(300);
      expect(small.etag).toBe(fast.etag);
      expect(small.etag).toMatch(/^W\/"[^"]+"$/);
    },
  );

  it('gives the same JSON the same ETag in a new cache (a restarted server), and other JSON another', async () => {
    const directory = await setUp(50);
    const req = { since: 0, limit: 50, role: 'technician', encoding: 'br' } as const;
    const a = built(await syncPage(directory, new SyncPageCache(), req));
    const other = new SyncPageCache();
    await syncPage(directory, other, req);
    await other.refinesDone();
    expect(built(await syncPage(directory, other, req)).etag).toBe(a.etag);
    expect(built(await syncPage(directory, new SyncPageCache(), { ...req, limit: 49 })).etag).not.toBe(a.etag);
  });

  it('does not re-compress an identity page', async () => {
    const directory = await setUp(50);
    const cache = new SyncPageCache();
    const p = built(
      await syncPage(directory, cache, { since: 0, limit: 50, role: 'technician', encoding: 'identity' }),
    );
    await cache.refinesDone();
    expect(p.etag).toMatch(/^"[^"]+"$/); // strong: these bytes never change
    expect(cache.stats()).toMatchObject({ refined: 0, refinesPending: 0 });
  });

  it('serves a large uncompressed page without keeping it, so it cannot evict the compressed ones', async () => {
    const directory = await setUp(0);
    const greeting = 'Thank you for calling; which device is it about? '.repeat(6);
    await directory.applyBatch(
      Array.from({ length: 1000 }, (_, i) => ({
        op: 'upsert' as const,
        kind: 'site' as const,
        id: `b${i}`,
        siteId: null,
        data: JSON.stringify({
          id: `b${i}`,
          name: `Site ${i}`,
          companyName: 'Co',
          country: 'US',
          callerGreeting: greeting,
        }),
      })),
    );
    const cache = new SyncPageCache();
    const req = { since: 0, limit: 1000, role: 'technician', encoding: 'identity' } as const;
    const p = built(await syncPage(directory, cache, req));
    expect(p.body.length).toBeGreaterThan(256 * 1024);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    built(await syncPage(directory, cache, { ...req, encoding: 'br' }));
    expect(cache.stats().entries).toBe(1);
  });
});
