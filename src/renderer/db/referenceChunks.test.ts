import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Reference } from '../../shared/domain/index.js';
import { CallsignDb } from './CallsignDb.js';
import { allReferences, getReference, referencesForSite, writeReferences } from './referenceChunks.js';
import { bucketOf, CHUNKS } from './recordChunks.js';

const ref = (id: string, siteIds: string[], allSites = false): Reference => ({
  id,
  subject: `Subject ${id}`,
  tags: [],
  allSites,
  siteIds,
  kind: 'how_to',
  body: { summary: '', symptoms: [], steps: [] },
});
let db: CallsignDb;
const write = (put: Reference[], deleted: string[] = []) =>
  db.transaction('rw', db.referenceChunks, () => writeReferences(db, put, deleted));

beforeEach(() => {
  db = new CallsignDb(`refs-${Math.random()}`);
});
afterEach(() => db.delete());

describe('references in chunks', () => {
  it('puts, replaces, deletes and answers per site (assigned or all sites)', async () => {
    await write([ref('r1', ['s1']), ref('r2', ['s2']), ref('r3', [], true)]);
    expect((await referencesForSite(db, 's1')).map((r) => r.id).sort()).toEqual(['r1', 'r3']);
    await write([{ ...ref('r1', ['s1']), subject: 'New subject' }]);
    expect((await getReference(db, 'r1'))?.subject).toBe('New subject');
    await write([], ['r3']);
    expect((await allReferences(db)).map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect(await getReference(db, 'nope')).toBeUndefined();
  });

  it('buckets are stable and in range', () => {
    fc.assert(
      fc.property(fc.string(), (id) => bucketOf(id) === bucketOf(id) && bucketOf(id) >= 0 && bucketOf(id) < CHUNKS),
    );
  });
});
