import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { SyncPage } from '../../../../shared/api/sync.js';
import { checkPageText, handleCheckRequest } from './pageCheck.js';

const profile = { id: 'p1', siteId: 's1', firstName: 'Dana', lastName: 'Reyes', extra: 'dropped' };
const page = {
  seq: 1,
  more: false,
  remaining: 0,
  maxAgeSeconds: 60,
  changes: [{ seq: 1, kind: 'profile', id: 'p1', op: 'upsert', data: profile }],
};

describe('checkPageText (the page check worker)', () => {
  it('answers with the page as SyncPage parses it: defaults filled in, unknown fields dropped', () => {
    const out = JSON.parse(checkPageText(JSON.stringify(page)));
    expect(out).toEqual(SyncPage.parse(page));
    expect(out.changes[0].data).toMatchObject({ phones: [], thinClient: false, psaContact: false });
    expect(out.changes[0].data).not.toHaveProperty('extra');
  });

  it('names the bad field, and says when the text is not JSON', () => {
    const bad = { ...page, changes: [{ ...page.changes[0], data: { ...profile, firstName: '' } }] };
    expect(() => checkPageText(JSON.stringify(bad))).toThrow(
      expect.objectContaining({ code: 'bad_request', field: 'syncPage.changes.0.data.firstName' }),
    );
    expect(() => checkPageText('{"seq":')).toThrow(expect.objectContaining({ code: 'bad_request', field: 'syncPage' }));
  });

  it('property: any text is either a page SyncPage accepts, returned as it parses it, or an AppError naming syncPage', () => {
    const text = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          seq: fc.oneof(fc.nat(9), fc.jsonValue()),
          more: fc.boolean(),
          remaining: fc.nat(3),
          maxAgeSeconds: fc.constant(60),
          changes: fc.array(
            fc.record({
              seq: fc.integer({ min: 1, max: 9 }),
              kind: fc.constantFrom('site', 'profile', 'reference', 'nope'),
              id: fc.string(),
              op: fc.constantFrom('upsert', 'delete', 'x'),
              data: fc.oneof(fc.jsonValue(), fc.constant(profile)),
            }),
            { maxLength: 3 },
          ),
        })
        .map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(text, (t) => {
        let out: string;
        try {
          out = checkPageText(t);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).field).toMatch(/^syncPage/);
          return;
        }
        expect(JSON.parse(out)).toEqual(SyncPage.parse(JSON.parse(t)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('handleCheckRequest', () => {
  it('replies with the id and the text, or the error with its field; a malformed request is named too', () => {
    expect(handleCheckRequest({ id: 4, text: JSON.stringify(page) })).toMatchObject({ id: 4, ok: true });
    expect(handleCheckRequest({ id: 5, text: '[]' })).toMatchObject({
      id: 5,
      ok: false,
      error: { code: 'bad_request', field: 'syncPage' },
    });
    expect(handleCheckRequest({ id: 'x', text: 1 })).toMatchObject({
      id: -1,
      ok: false,
      error: { code: 'bad_request', field: expect.stringMatching(/^syncCheckMessage/) },
    });
  });
});
