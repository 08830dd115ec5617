import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCallerIndex } from './callerIndex.js';
import { FrozenCallerIndex, siteKeysOf } from './frozenCallerIndex.js';
import { phoneMatchKey } from '../phone/phoneMatchKey.js';
import { phone, profile, site } from './testDirectory.testkit.js';
import type { Candidate, CallerLookup, IndexProfile, IndexSite } from './types.js';

const NUMBERS = ['020 7946 0958', '+1 206 555 0101', '(206) 555-0102', '02 9374 4000', '07700 900123'];
const COUNTRIES = ['US', 'GB', 'AU'] as const;
// An address holding a whole phone key, and one that is another's suffix: found only in its own field.
const EMAILS = ['dana@acme.com', 'x.dana@acme.com', '+12065550101@eu.acme.com', 'Kim@Gmail.com', 'sam@mail.acme.com'];
const KEYS = [
  ...new Set(NUMBERS.flatMap((n) => [undefined, ...COUNTRIES].map((c) => phoneMatchKey(n, c)))),
  '+61491570156',
].filter((k): k is string => !!k);

const siteArb = fc
  .record({
    id: fc.constantFrom('s1', 's2', 's3', 's10'),
    country: fc.constantFrom(...COUNTRIES),
    mainPhones: fc.subarray(NUMBERS, { maxLength: 2 }),
    domain: fc.constantFrom('acme.com', 'eu.acme.com', 'gmail.com', undefined),
    noClientEmailDomain: fc.boolean(),
  })
  .map(({ id, country, mainPhones, domain, noClientEmailDomain }): IndexSite =>
    site(id, { country, mainPhones, noClientEmailDomain, ...(domain ? { emailDomain: domain } : {}) }),
  );

const profileArb = fc
  .record({
    id: fc.constantFrom('p1', 'p2', 'p3', 'p10', 'p11'),
    siteId: fc.constantFrom('s1', 's2', 's3', 's10', 's-never'),
    phones: fc.array(fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...COUNTRIES, undefined)), { maxLength: 3 }),
    email: fc.constantFrom(...EMAILS, undefined),
  })
  .map(({ id, siteId, phones, email }): IndexProfile =>
    profile(id, siteId, { phones: phones.map(([n, c]) => phone(n, c)), ...(email ? { email } : {}) }),
  );

const sorted = (cs: Candidate[]) => cs.map((c) => JSON.stringify(c)).sort();
function answers(index: CallerLookup) {
  return {
    stats: index.stats,
    countries: index.countries,
    defaultCountry: index.defaultCountry,
    phones: KEYS.map((k) => sorted(index.candidatesForPhone(k))),
    emails: [...EMAILS, 'nobody@eu.acme.com'].map((e) => {
      const address = e.toLowerCase();
      return sorted(index.candidatesForEmail(address, address.split('@')[1]!));
    }),
  };
}

describe('frozen caller index', () => {
  it('answers exactly as the live index it was taken from', () => {
    fc.assert(
      fc.property(fc.array(siteArb, { maxLength: 6 }), fc.array(profileArb, { maxLength: 12 }), (sites, people) => {
        const live = createCallerIndex();
        const siteRecords = new Map<string, IndexSite>();
        for (const s of sites) {
          live.upsertSite(s);
          siteRecords.set(s.id, s);
        }
        for (const p of people) live.upsertProfile(p);
        const lines = live.snapshotLines();
        expect(lines).toBeDefined();
        // The sites' own index, as a warm start builds it: from the stored keys, no number parsed.
        const sitesOnly = createCallerIndex({ sites: siteKeysOf(lines!), profiles: new Map() });
        siteRecords.forEach((s) => sitesOnly.upsertSite(s));
        const frozen = new FrozenCallerIndex(lines!, sitesOnly);
        expect(answers(frozen)).toEqual(answers(live));
      }),
      { numRuns: 400 },
    );
  });

  it('has no lines for a record whose id holds a separator (the snapshot is then skipped)', () => {
    const live = createCallerIndex();
    live.upsertProfile(profile('p\t1', 's1', { phones: [phone('+1 206 555 0101')] }));
    expect(live.snapshotLines()).toBeUndefined();
    const other = createCallerIndex();
    other.upsertSite(site('s\n1'));
    expect(other.snapshotLines()).toBeUndefined();
  });

  it('answers nothing from an empty snapshot', () => {
    const frozen = new FrozenCallerIndex({ sites: '', profiles: '' }, createCallerIndex());
    expect(frozen.candidatesForPhone('+12065550101')).toEqual([]);
    expect(frozen.candidatesForEmail('dana@acme.com', 'acme.com')).toEqual([]);
    expect(frozen.stats).toEqual({ sites: 0, profiles: 0, phones: 0 });
  });
});
