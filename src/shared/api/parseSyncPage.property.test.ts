import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseOrThrow } from './errors.js';
import { parseSyncPage } from './parseSyncPage.js';
import { SyncPage } from './sync.js';
import { ClientProfile } from '../domain/index.js';
import { loosePage } from './syncArbitraries.testkit.js';

/** What parseOrThrow(SyncPage, …) gives: the page, or the error's code, message and field. */
function outcome(parse: () => unknown) {
  try {
    return { ok: true, page: parse() };
  } catch (err) {
    const e = err as { code?: string; message?: string; field?: string };
    return { ok: false, error: { code: e.code, message: e.message, field: e.field } };
  }
}

describe('parseSyncPage', () => {
  it('gives what SyncPage gives: the same page, or the same error naming the same field', () => {
    let valid = 0;
    fc.assert(
      fc.property(loosePage, (raw) => {
        // zod's reference answer on a copy: parseSyncPage may return the value it is given.
        const expected = outcome(() => parseOrThrow(SyncPage, structuredClone(raw), 'syncPage'));
        const actual = outcome(() => parseSyncPage(raw));
        expect(actual).toStrictEqual(expected);
        if (expected.ok) valid++;
      }),
      { numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(30); // valid pages are reached, not only errors
  });

  it('takes a canonical page as it is, and parses only the changes zod would change', () => {
    const data = ClientProfile.parse({ id: 'p1', siteId: 's1', firstName: 'Ann', lastName: 'Lee' });
    const page = {
      seq: 2,
      more: false,
      remaining: 0,
      maxAgeSeconds: 3600,
      changes: [{ seq: 1, kind: 'profile', id: 'p1', op: 'upsert', data }],
    };
    expect(parseSyncPage(page)).toBe(page);
    const { thinClient: _default, ...lacking } = data;
    const second = { seq: 2, kind: 'profile', id: 'p2', op: 'upsert', data: { ...lacking, id: 'p2' } };
    const mixed = { ...page, changes: [...page.changes, second] };
    const parsed = parseSyncPage(mixed);
    expect(parsed.changes[0]).toBe(page.changes[0]);
    expect(parsed.changes[1]).toStrictEqual({ ...second, data: { ...second.data, thinClient: false } });
    expect(mixed.changes[1]).toBe(second); // the value given is not changed
  });
});
