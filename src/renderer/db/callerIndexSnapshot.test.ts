import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallsignDb } from './CallsignDb.js';
import { packSnapshot, readIndexSnapshot, unpackSnapshot, writeIndexSnapshot } from './callerIndexSnapshot.js';

const snapshot = {
  keys: { siteIds: ['s1', 's2'], siteKeys: ['+12065550100', ''], profileIds: ['p1'], profileKeys: [''] },
  profiles: { siteIds: ['s1'], emails: [''] },
};

let db: CallsignDb;
let n = 0;
beforeEach(async () => {
  db = new CallsignDb(`snapshot-${++n}`);
  await db.meta.put({ key: 'syncSeq', value: 42 });
});
afterEach(async () => {
  await db.delete();
});

describe('the packed caller index snapshot', () => {
  it('round-trips lists with empty items (no number, no email) and empty lists', () => {
    expect(unpackSnapshot(packSnapshot(snapshot)!)).toEqual(snapshot);
    const none = {
      keys: { siteIds: [], siteKeys: [], profileIds: [], profileKeys: [] },
      profiles: { siteIds: [], emails: [] },
    };
    expect(unpackSnapshot(packSnapshot(none)!)).toEqual(none);
  });

  it('is not packed when an item holds the separator, and a misaligned row is not used', () => {
    expect(packSnapshot({ ...snapshot, profiles: { siteIds: ['s\n1'], emails: [''] } })).toBeUndefined();
    expect(unpackSnapshot({ ...packSnapshot(snapshot)!, profileSites: 's1\ns2' })).toBeUndefined();
  });

  it('is stored packed at the cache seq and read back as lists', async () => {
    expect(await writeIndexSnapshot(db, snapshot.keys, snapshot.profiles)).toBe(42);
    expect(typeof (await db.indexSnapshots.get('caller'))?.packed?.profileIds).toBe('string');
    expect(await readIndexSnapshot(db, 42)).toEqual(snapshot);
    expect(await readIndexSnapshot(db, 43)).toBeUndefined();
  });

  it('is not written when the cache has moved past the seq the index was taken at', async () => {
    expect(await writeIndexSnapshot(db, snapshot.keys, snapshot.profiles, 41)).toBe(0);
    expect(await db.indexSnapshots.get('caller')).toBeUndefined();
  });
});
