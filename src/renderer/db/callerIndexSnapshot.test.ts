import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallsignDb } from './CallsignDb.js';
import { keyMapsOf, readIndexSnapshot, writeIndexSnapshot } from './callerIndexSnapshot.js';
import { createTimeSlicer } from '../scheduling/timeSlice.js';
import { buildLineTable } from '../../shared/identify/frozenCallerIndex.js';

const lines = {
  sites: 's1\t+12065550100\ns2\t',
  profiles: 'p1\ts1\tdana@acme.com\t+12065550101 +12065550102\np2\ts2\t\t',
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

describe('the caller index snapshot', () => {
  it('is stored at the cache seq and read back only at that seq', async () => {
    expect(await writeIndexSnapshot(db, lines)).toBe(42);
    expect(await readIndexSnapshot(db, 42)).toEqual(lines);
    expect(await readIndexSnapshot(db, 43)).toBeUndefined();
  });

  it('is not written when the cache has moved past the seq the index was taken at', async () => {
    expect(await writeIndexSnapshot(db, lines, 41)).toBe(0);
    expect(await db.indexSnapshots.get('caller')).toBeUndefined();
  });

  it('ignores a row of the older layout and a damaged one', async () => {
    await db.indexSnapshots.put({ key: 'caller', seq: 42, packed: { siteIds: 's1' } } as never);
    expect(await readIndexSnapshot(db, 42)).toBeUndefined();
    await db.indexSnapshots.put({ key: 'caller', seq: 42, lines: { sites: 's1', profiles: 7 } } as never);
    expect(await readIndexSnapshot(db, 42)).toBeUndefined();
  });

  it('keeps the lookup table stored with the lines, and leaves out a damaged one', async () => {
    const table = buildLineTable(lines.profiles);
    await writeIndexSnapshot(db, { ...lines, table });
    expect((await readIndexSnapshot(db, 42))?.table?.slots).toEqual(table.slots);
    await writeIndexSnapshot(db, { ...lines, table: { ...table, slots: new Int32Array(3) } });
    expect(await readIndexSnapshot(db, 42)).toEqual(lines);
  });

  it('gives each record its keys by id (records without numbers have none)', async () => {
    const maps = await keyMapsOf(lines, createTimeSlicer());
    expect(maps.sites).toEqual(
      new Map([
        ['s1', ['+12065550100']],
        ['s2', []],
      ]),
    );
    expect(maps.profiles).toEqual(
      new Map([
        ['p1', ['+12065550101', '+12065550102']],
        ['p2', []],
      ]),
    );
  });
});
