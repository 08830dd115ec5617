import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallsignDb } from './CallsignDb.js';
import { ProfileRowReader } from './profileRowReader.js';
import type { ClientProfile } from '../../shared/domain/index.js';

const person = (id: string, siteId: string): ClientProfile => ({
  id,
  siteId,
  firstName: 'A',
  lastName: id,
  phones: [],
  thinClient: false,
  psaContact: false,
});

let db: CallsignDb;
let n = 0;
beforeEach(async () => {
  db = new CallsignDb(`row-reader-${++n}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('ProfileRowReader (a bulk sync read back while it runs)', () => {
  it('holds the rows as the cache holds them after pages that rewrite, add and empty rows', async () => {
    const reader = new ProfileRowReader(db, 2);
    // Page 1: three sites' rows.
    await db.siteProfiles.bulkPut([
      { siteId: 's1', profiles: [person('p1', 's1')] },
      { siteId: 's2', profiles: [person('p2', 's2')] },
      { siteId: 's3', profiles: [person('p3', 's3')] },
    ]);
    reader.add(['s1', 's2', 's3']);
    // Page 2, written while page 1's rows are being read: s1 grows, s3 is emptied (deleted).
    await db.siteProfiles.put({ siteId: 's1', profiles: [person('p1', 's1'), person('p4', 's1')] });
    await db.siteProfiles.delete('s3');
    reader.add(['s1', 's3']);
    const rows = await reader.all();
    expect(rows.sort((a, b) => a.siteId.localeCompare(b.siteId))).toEqual(
      (await db.siteProfiles.toArray()).sort((a, b) => a.siteId.localeCompare(b.siteId)),
    );
    expect(rows.map((r) => r.siteId).sort()).toEqual(['s1', 's2']);
  });

  it('takes many pages named concurrently, each row read after the page that named it', async () => {
    const reader = new ProfileRowReader(db, 3);
    for (let page = 0; page < 20; page++) {
      const siteIds = Array.from({ length: 5 }, (_, i) => `s${(page * 3 + i) % 17}`);
      await db.siteProfiles.bulkPut(
        siteIds.map((siteId) => ({ siteId, profiles: [person(`p${page}-${siteId}`, siteId)] })),
      );
      reader.add(siteIds);
    }
    const rows = await reader.all();
    expect(new Map(rows.map((r) => [r.siteId, r.profiles]))).toEqual(
      new Map((await db.siteProfiles.toArray()).map((r) => [r.siteId, r.profiles])),
    );
  });

  it('reports a failed read (the cache is read instead), and logs it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(db.siteProfiles, 'bulkGet').mockRejectedValueOnce(new Error('disk gone'));
    const reader = new ProfileRowReader(db);
    reader.add(['s1']);
    await expect(reader.all()).rejects.toThrow('disk gone');
    expect(warn).toHaveBeenCalled();
  });
});
