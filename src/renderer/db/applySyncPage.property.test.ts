import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../shared/api/errors.js';
import { CallsignDb, readSyncMeta } from './CallsignDb.js';
import { applySyncPage } from './applySyncPage.js';
import { allSites } from './siteChunks.js';

const db = new CallsignDb(`prop-${Math.random()}`);
afterAll(() => db.delete());

const site = {
  id: 's1',
  name: 'Northwind',
  companyName: 'Northwind Traders',
  mainPhones: [],
  noClientEmailDomain: false,
  rmmAgentOptIn: false,
  country: 'US',
};

describe('applySyncPage (property)', () => {
  it('any malformed page is refused with a bad_request naming a field, and the cache stays exactly as it was', async () => {
    await applySyncPage(
      db,
      {
        seq: 1,
        more: false,
        remaining: 0,
        maxAgeSeconds: 60,
        changes: [{ seq: 1, kind: 'site', id: 's1', op: 'upsert', data: site }],
      },
      () => undefined,
    );
    const snapshot = async () => JSON.stringify([await allSites(db), await readSyncMeta(db)]);
    const page = fc.oneof(
      fc.jsonValue(),
      fc.record({
        seq: fc.oneof(fc.integer({ min: 2, max: 9 }), fc.jsonValue()),
        more: fc.oneof(fc.boolean(), fc.jsonValue()),
        remaining: fc.constant(0),
        maxAgeSeconds: fc.constant(60),
        changes: fc.array(
          fc.record({
            seq: fc.integer({ min: 2, max: 9 }),
            kind: fc.constantFrom('site', 'profile', 'nope'),
            id: fc.string(),
            op: fc.constantFrom('upsert', 'delete', 'x'),
            data: fc.jsonValue(),
          }),
          { maxLength: 4 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(page, async (raw) => {
        const before = await snapshot();
        try {
          await applySyncPage(db, raw, () => undefined);
          return; // a page that happened to be valid: applied as a whole (not what this property is about)
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('bad_request');
          expect((err as AppError).field).toMatch(/^syncPage/);
        }
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
