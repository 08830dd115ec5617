import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCallerIndex } from './callerIndex.js';
import { phoneMatchKey } from '../phone/phoneMatchKey.js';
import { phone, profile, site } from './testDirectory.testkit.js';
import type { CallerIndex, Candidate, IndexProfile, IndexSite } from './types.js';

const NUMBERS = ['020 7946 0958', '+1 206 555 0101', '(206) 555-0102', '02 9374 4000', '07700 900123', '0491 570 156'];
const COUNTRIES = ['US', 'GB', 'AU'] as const;
const EMAILS = ['dana@acme.com', 'lee@eu.acme.com', 'kim@gmail.com', 'sam@mail.acme.com'];
const KEYS = [...new Set(NUMBERS.flatMap((n) => [undefined, ...COUNTRIES].map((c) => phoneMatchKey(n, c))))].filter(
  (k): k is string => !!k,
);

const siteArb = fc
  .record({
    id: fc.constantFrom('s1', 's2', 's3'),
    country: fc.constantFrom(...COUNTRIES),
    mainPhones: fc.subarray(NUMBERS, { maxLength: 2 }),
    domain: fc.constantFrom('acme.com', 'eu.acme.com', 'gmail.com', undefined),
    noClientEmailDomain: fc.boolean(),
  })
  .map(({ id, country, mainPhones, domain, noClientEmailDomain }): IndexSite =>
    site(id, {
      country,
      mainPhones,
      noClientEmailDomain,
      ...(domain && !noClientEmailDomain ? { emailDomain: domain } : {}),
    }),
  );

const profileArb = fc
  .record({
    id: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    siteId: fc.constantFrom('s1', 's2', 's3', 's-never'),
    phones: fc.array(fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...COUNTRIES, undefined)), { maxLength: 3 }),
    email: fc.constantFrom(...EMAILS, undefined),
  })
  .map(({ id, siteId, phones, email }): IndexProfile =>
    profile(id, siteId, { phones: phones.map(([n, c]) => phone(n, c)), ...(email ? { email } : {}) }),
  );

type Op =
  { upsertSite: IndexSite } | { removeSite: string } | { upsertProfile: IndexProfile } | { removeProfile: string };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  siteArb.map((s) => ({ upsertSite: s })),
  fc.constantFrom('s1', 's2', 's3').map((id) => ({ removeSite: id })),
  profileArb.map((p) => ({ upsertProfile: p })),
  fc.constantFrom('p1', 'p2', 'p3', 'p4').map((id) => ({ removeProfile: id })),
);

const sorted = (cs: Candidate[]) => cs.map((c) => JSON.stringify(c)).sort();
function snapshot(index: CallerIndex) {
  return {
    stats: index.stats,
    phones: KEYS.map((k) => sorted(index.candidatesForPhone(k))),
    emails: EMAILS.map((e) => sorted(index.candidatesForEmail(e, e.split('@')[1]!))),
  };
}

describe('caller index properties', () => {
  it('is a function of the records it holds: any history of upserts/removals equals a fresh build, in either order', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), (ops) => {
        const live = createCallerIndex();
        const sites = new Map<string, IndexSite>();
        const profiles = new Map<string, IndexProfile>();
        for (const op of ops) {
          if ('upsertSite' in op) {
            live.upsertSite(op.upsertSite);
            sites.set(op.upsertSite.id, op.upsertSite);
          } else if ('removeSite' in op) {
            live.removeSite(op.removeSite);
            sites.delete(op.removeSite);
          } else if ('upsertProfile' in op) {
            live.upsertProfile(op.upsertProfile);
            profiles.set(op.upsertProfile.id, op.upsertProfile);
          } else {
            live.removeProfile(op.removeProfile);
            profiles.delete(op.removeProfile);
          }
        }
        const sitesFirst = createCallerIndex();
        sites.forEach((s) => sitesFirst.upsertSite(s));
        profiles.forEach((p) => sitesFirst.upsertProfile(p));
        const profilesFirst = createCallerIndex();
        profiles.forEach((p) => profilesFirst.upsertProfile(p));
        sites.forEach((s) => profilesFirst.upsertSite(s));

        expect(snapshot(live)).toEqual(snapshot(sitesFirst));
        expect(snapshot(profilesFirst)).toEqual(snapshot(sitesFirst));

        // A warm start: the same records indexed from the live index's persisted phone keys.
        const restored = createCallerIndex(live.phoneKeys());
        sites.forEach((s) => restored.upsertSite(s));
        profiles.forEach((p) => restored.upsertProfile(p));
        expect(snapshot(restored)).toEqual(snapshot(sitesFirst));
      }),
      { numRuns: 500 },
    );
  });
});
