import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCallerIndex } from './callerIndex.js';
import { phoneMatchKey } from '../phone/phoneMatchKey.js';
import { createDirectorySearch } from '../search/directorySearch.js';
import { fittingKeys, profilePhoneKeys, sitePhoneKeys, type RecordKeys } from './recordKeys.js';
import { phone, profile, site } from './testDirectory.testkit.js';
import type { CallerIndex, Candidate, IndexProfile, IndexSite } from './types.js';
import type { DirectorySearch } from '../search/directorySearch.js';

const NUMBERS = ['020 7946 0958', '+1 206 555 0101', '(206) 555-0102', '02 9374 4000', '07700 900123', '0491 570 156'];
const COUNTRIES = ['US', 'GB', 'AU'] as const;
const KEYS = [...new Set(NUMBERS.flatMap((n) => [undefined, ...COUNTRIES].map((c) => phoneMatchKey(n, c))))].filter(
  (k): k is string => !!k,
);
/** Phone type-ahead queries: every number as typed and every key without its '+'. */
const DIGITS = [...new Set([...NUMBERS.map((n) => n.replace(/\D/g, '')), ...KEYS.map((k) => k.slice(1))])];

const siteArb = fc
  .record({
    id: fc.constantFrom('s1', 's2', 's3'),
    country: fc.constantFrom(...COUNTRIES),
    mainPhones: fc.subarray(NUMBERS, { maxLength: 2 }),
  })
  .map(({ id, country, mainPhones }) => ({ ...site(id, { country, mainPhones }), name: id, companyName: 'Co' }));

const profileArb = fc
  .record({
    id: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    siteId: fc.constantFrom('s1', 's2', 's3', 's-never'),
    phones: fc.array(fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...COUNTRIES, undefined)), { maxLength: 3 }),
  })
  .map(({ id, siteId, phones }) => ({
    ...profile(id, siteId, { phones: phones.map(([n, c]) => phone(n, c)) }),
    firstName: 'Dana',
    lastName: id,
  }));

/**
 * What the sync worker knew of the profile's site when it worked the keys out: the truth, another
 * country (the site moved since), or nothing (a site it has not seen).
 */
const workerViewArb = fc.constantFrom('truth', 'US', 'GB', 'AU', 'unknown');

type Op =
  | { upsertSite: ReturnType<typeof siteArb.generate>['value'] }
  | { removeSite: string }
  | { upsertProfile: ReturnType<typeof profileArb.generate>['value']; view: string }
  | { removeProfile: string };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  siteArb.map((s) => ({ upsertSite: s })),
  fc.constantFrom('s1', 's2', 's3').map((id) => ({ removeSite: id })),
  fc.tuple(profileArb, workerViewArb).map(([p, view]) => ({ upsertProfile: p, view })),
  fc.constantFrom('p1', 'p2', 'p3', 'p4').map((id) => ({ removeProfile: id })),
);

const sorted = (cs: Candidate[]) => cs.map((c) => JSON.stringify(c)).sort();
const answers = (index: CallerIndex, search: DirectorySearch) => ({
  stats: index.stats,
  phones: KEYS.map((k) => sorted(index.candidatesForPhone(k))),
  keys: index.phoneKeys(),
  digits: DIGITS.map((d) => search.search(d, { limit: 50 }).map((h) => `${h.kind}:${h.id}`)),
});

describe('phone keys worked out elsewhere (the sync worker)', () => {
  it('give the same caller index and phone type-ahead as keys worked out by the index, whatever the sender knew of the site', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const own = { index: createCallerIndex(), search: createDirectorySearch() };
        const fed = { index: createCallerIndex(), search: createDirectorySearch() };
        const countries = new Map<string, string>();
        for (const op of ops) {
          if ('upsertSite' in op) {
            const s = op.upsertSite;
            countries.set(s.id, s.country);
            const keys = sitePhoneKeys(s);
            own.index.upsertSite(s);
            own.search.upsertSite(s);
            fed.index.upsertSite(s, keys);
            fed.search.upsertSite(s, keys);
          } else if ('removeSite' in op) {
            countries.delete(op.removeSite);
            for (const d of [own, fed]) {
              d.index.removeSite(op.removeSite);
              d.search.removeSite(op.removeSite);
            }
          } else if ('upsertProfile' in op) {
            const p = op.upsertProfile;
            const seen = op.view === 'truth' ? countries.get(p.siteId) : op.view === 'unknown' ? undefined : op.view;
            const keys = profilePhoneKeys(p, seen);
            own.index.upsertProfile(p);
            own.search.upsertProfile(p);
            fed.index.upsertProfile(p, keys);
            fed.search.upsertProfile(p, keys);
          } else {
            for (const d of [own, fed]) {
              d.index.removeProfile(op.removeProfile);
              d.search.removeProfile(op.removeProfile);
            }
          }
        }
        expect(answers(fed.index, fed.search)).toEqual(answers(own.index, own.search));
      }),
      { numRuns: 500 },
    );
  });

  it('are used as given when they fit, so the receiver parses nothing (and ignored when they do not)', () => {
    const p: IndexProfile = profile('p1', 's1', { phones: [phone('(206) 555-0102'), phone('+44 20 7946 0958')] });
    const given: RecordKeys = { phones: ['+marker1', '+marker2'], readWith: 'US' };
    expect(fittingKeys(p, 'US', given)).toEqual(['+marker1', '+marker2']);
    // Read with another country than the receiver's site has: worked out again.
    expect(fittingKeys(p, 'GB', given)).toEqual(profilePhoneKeys(p, 'GB').phones);
    expect(fittingKeys(p, undefined, given)).toEqual(profilePhoneKeys(p, undefined).phones);
    // No national number without a country: the site country does not matter.
    const intl: IndexProfile = profile('p2', 's1', { phones: [phone('020 7946 0958', 'GB')] });
    expect(fittingKeys(intl, 'AU', { phones: ['+marker'] })).toEqual(['+marker']);
    // Keys for another number of phones are never paired with this record.
    expect(fittingKeys(intl, 'AU', { phones: [] })).toEqual(['+442079460958']);
    const s: IndexSite = site('s1', { country: 'US', mainPhones: ['(206) 555-0100'] });
    expect(sitePhoneKeys(s)).toEqual({ phones: ['+12065550100'] });
  });
});
