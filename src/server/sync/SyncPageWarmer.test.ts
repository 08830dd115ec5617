/**
 * SyncPageWarmer: pages below the head built before anyone asks, re-built after the log moved,
 * single-flight with requests, bounded targets, stopped with the server.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import { createTestApp, type TestApp } from '../testing/createTestApp.js';
import { SyncPageCache } from './SyncPageCache.js';
import { SyncPageWarmer, walkSinces, type WarmTarget } from './SyncPageWarmer.js';
import { syncPage } from './syncPage.js';

let t: TestApp;
let warmer: SyncPageWarmer | undefined;
afterEach(async () => {
  await warmer?.stop();
  await t?.close();
});

const quiet = { warn: () => undefined };
const site = (i: number, name = `Site ${i}`) => ({ id: `s${i}`, name, companyName: `Company ${i}`, country: 'US' });

async function setUp(sites: number): Promise<DirectoryStore> {
  t = await createTestApp({ seed: false });
  for (let i = 1; i <= sites; i++) await t.services.directory.upsertSite(site(i));
  return t.services.directory;
}

/** Requests every page of a walk as a desktop would; the number of rows read from the database. */
async function walk(directory: DirectoryStore, cache: SyncPageCache, target: WarmTarget): Promise<number> {
  const spy = vi.spyOn(directory, 'changesSince');
  const view = await directory.changeLogView(await directory.headMark());
  for (const since of walkSinces(view.seqs, target.limit, 1000)) await syncPage(directory, cache, { since, ...target });
  const reads = spy.mock.calls.length;
  spy.mockRestore();
  return reads;
}

describe('walkSinces', () => {
  it("lists each page's since from 0, as the desktop pages", () => {
    const seqs = Float64Array.from([2, 3, 5, 8, 9, 12, 13]);
    expect(walkSinces(seqs, 3, 100)).toEqual([0, 5, 12]);
    expect(walkSinces(seqs, 7, 100)).toEqual([0]);
    expect(walkSinces(seqs, 2, 2)).toEqual([0, 3]);
    expect(walkSinces(new Float64Array(0), 5, 100)).toEqual([]);
  });
});

describe('SyncPageWarmer', () => {
  const tech: WarmTarget = { role: 'technician', limit: 10, encoding: 'br' };

  it('builds every page of its targets at start, so a desktop then reads nothing from the database', async () => {
    const directory = await setUp(35);
    const cache = new SyncPageCache(undefined, quiet);
    warmer = new SyncPageWarmer(directory, cache, quiet, { targets: [tech], delayMs: 1 });
    warmer.start();
    await warmer.idle();
    expect(cache.stats().builds).toBe(4);
    expect(await walk(directory, cache, tech)).toBe(0);
    expect(await walk(directory, cache, { ...tech, encoding: 'gzip' })).toBe(4); // not a target
  });

  it('walks again after a request had to build a page (a write at the head re-keys every page)', async () => {
    const directory = await setUp(35);
    const cache = new SyncPageCache(undefined, quiet);
    warmer = new SyncPageWarmer(directory, cache, quiet, { targets: [tech], delayMs: 1 });
    warmer.start();
    await warmer.idle();
    await directory.upsertSite(site(99));
    await syncPage(directory, cache, { since: 0, ...tech }); // built: the first page's `remaining` moved
    warmer.requested(tech);
    await warmer.idle();
    expect(warmer.completedWalks).toBe(2);
    expect(await walk(directory, cache, tech)).toBe(0);
    warmer.requested(tech); // served from the cache: nothing moved, no walk
    await warmer.idle();
    expect(warmer.completedWalks).toBe(2);
  });

  it("starts no walk for a routine sync's request of the last page; a desktop walking the log then does", async () => {
    const directory = await setUp(35);
    const cache = new SyncPageCache(undefined, quiet);
    warmer = new SyncPageWarmer(directory, cache, quiet, { targets: [tech], delayMs: 1 });
    warmer.start();
    await warmer.idle();
    const head = (await directory.headMark()).seq;
    await directory.upsertSite(site(99)); // re-keys every page
    const tail = await syncPage(directory, cache, { since: head, ...tech }); // built: the routine sync's page
    expect(tail).toMatchObject({ more: false });
    warmer.requested(tech, false);
    await warmer.idle();
    expect(warmer.completedWalks).toBe(1);
    const first = await syncPage(directory, cache, { since: 0, ...tech });
    expect(first).toMatchObject({ more: true });
    warmer.requested(tech, true);
    await warmer.idle();
    expect(warmer.completedWalks).toBe(2);
    expect(await walk(directory, cache, tech)).toBe(0);
  });

  it('notices a write nobody has requested yet at its next check of the head', async () => {
    const directory = await setUp(35);
    const cache = new SyncPageCache(undefined, quiet);
    warmer = new SyncPageWarmer(directory, cache, quiet, { targets: [tech], delayMs: 1, pollMs: 20 });
    warmer.start();
    await warmer.idle();
    await new Promise((r) => setTimeout(r, 60)); // checks of an unchanged head: no walk
    expect(warmer.completedWalks).toBe(1);
    await directory.upsertSite(site(99));
    for (let i = 0; i < 100 && warmer.completedWalks < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await warmer.idle();
    expect(warmer.completedWalks).toBe(2);
    expect(await walk(directory, cache, tech)).toBe(0);
  });

  it('learns the targets requests use, except small limits, and forgets the least recent past its bound', async () => {
    const directory = await setUp(35);
    const cache = new SyncPageCache(undefined, quiet);
    warmer = new SyncPageWarmer(directory, cache, quiet, { delayMs: 1, minLimit: 10, maxLearned: 2 });
    const supervisor: WarmTarget = { role: 'supervisor', limit: 12, encoding: 'gzip' };
    warmer.requested({ ...tech, limit: 5 }); // below minLimit: never warmed
    warmer.requested({ ...tech, limit: 11, encoding: 'identity' }); // uncompressed: never warmed
    warmer.requested(tech);
    warmer.requested(supervisor);
    warmer.requested({ role: 'admin', limit: 20, encoding: 'br' }); // the third: tech is forgotten
    await warmer.idle();
    expect(await walk(directory, cache, supervisor)).toBe(0);
    expect(await walk(directory, cache, { role: 'admin', limit: 20, encoding: 'br' })).toBe(0);
    expect(await walk(directory, cache, { ...tech, limit: 5 })).toBe(7);
    expect(await walk(directory, cache, { ...tech, limit: 11, encoding: 'identity' })).toBe(4);
  });

  it('builds each page once while 100 desktops walk the log during its walk', async () => {
    const directory = await setUp(60);
    const cache = new SyncPageCache(undefined, quiet);
    const spy = vi.spyOn(directory, 'changesSince');
    warmer = new SyncPageWarmer(directory, cache, quiet, { targets: [tech], delayMs: 0 });
    warmer.start();
    const view = await directory.changeLogView(await directory.headMark());
    const desktop = async () => {
      for (const since of walkSinces(view.seqs, tech.limit, 100)) await syncPage(directory, cache, { since, ...tech });
    };
    await Promise.all(Array.from({ length: 100 }, desktop));
    await warmer.idle();
    expect(cache.stats().builds).toBe(6);
    expect(new Set(spy.mock.calls.map(([since]) => since)).size).toBe(6);
  });

  it('logs a failed walk and stops walking once stopped', async () => {
    const directory = await setUp(35);
    const cache = new SyncPageCache(undefined, quiet);
    const warnings: string[] = [];
    warmer = new SyncPageWarmer(
      directory,
      cache,
      { warn: (_c, m) => warnings.push(m) },
      { targets: [tech], delayMs: 1 },
    );
    const fail = vi.spyOn(directory, 'changesSince').mockRejectedValueOnce(new Error('database is locked'));
    warmer.start();
    await warmer.idle();
    expect(warnings).toEqual([expect.stringMatching(/warm-up failed.*built when desktops ask/)]);
    fail.mockRestore();
    await warmer.stop();
    await directory.upsertSite(site(99));
    await syncPage(directory, cache, { since: 0, ...tech });
    warmer.requested(tech);
    await warmer.idle();
    expect(warmer.completedWalks).toBe(0);
  });
});
