import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CallsignDb } from '../db/CallsignDb.js';
import { prefetchCache } from './prefetchCache.js';

let k = 0;
const names: string[] = [];
const fresh = () => {
  const name = `prefetch-${++k}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await new CallsignDb(name).delete();
});

const site = { id: 's1', name: 'HQ', companyName: 'Acme', mainPhones: [], country: 'US' };

describe('prefetchCache (boot.ts: the warm start reads, begun before the app is evaluated)', () => {
  it('reads the seq, the snapshot and the sites as Dexie wrote them, and leaves the database to Dexie', async () => {
    const name = fresh();
    const db = new CallsignDb(name);
    await db.meta.put({ key: 'syncSeq', value: 42 });
    await db.indexSnapshots.put({ key: 'caller', seq: 42, lines: { sites: 's1\t', profiles: '' } });
    await db.siteChunks.put({ bucket: 3, records: [site as never] });
    db.close();
    expect(await prefetchCache(indexedDB, name)).toEqual({
      syncSeq: 42,
      snapshot: { key: 'caller', seq: 42, lines: { sites: 's1\t', profiles: '' } },
      siteChunks: [{ bucket: 3, records: [site] }],
    });
    // Its connection is closed: Dexie opens (and could upgrade) the database as usual.
    const again = new CallsignDb(name);
    await again.open();
    expect(await again.meta.get('syncSeq')).toEqual({ key: 'syncSeq', value: 42 });
    again.close();
  });

  it('gives nothing for a first start, and does not create the database under Dexie', async () => {
    const name = fresh();
    expect(await prefetchCache(indexedDB, name)).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const db = new CallsignDb(name);
    await db.open(); // created by Dexie at its own version, with every store
    expect(db.tables.map((t) => t.name)).toContain('indexSnapshots');
    db.close();
  });

  it('gives nothing for a database of another layout (a store missing) or a factory that throws', async () => {
    const name = fresh();
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('meta', { keyPath: 'key' });
      open.onsuccess = () => (open.result.close(), resolve());
      open.onerror = () => reject(open.error);
    });
    expect(await prefetchCache(indexedDB, name)).toBeUndefined();
    const throwing = {
      open: () => {
        throw new Error('SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await prefetchCache(throwing, name)).toBeUndefined();
  });
});
