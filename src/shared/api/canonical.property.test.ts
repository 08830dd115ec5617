import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { canonicalCheck } from './canonical.js';
import { ClientProfile, Reference, Site } from '../domain/index.js';
import { Change } from './sync.js';
import { SitePolicyRecord } from './approvals.js';
import { CredentialMeta } from './credentials.js';
import { looseChange, looseProfile, looseReference, looseSite } from './syncArbitraries.testkit.js';

// Upserts of contacts and software carry records (z.record), which canonical.ts leaves to zod.
const fastKinds = (v: unknown) => !['contact', 'software'].includes((v as { kind?: string }).kind ?? '');
const cases: Array<[string, z.ZodType, fc.Arbitrary<unknown>, (v: unknown) => boolean]> = [
  ['ClientProfile', ClientProfile, looseProfile, () => true],
  ['Site', Site, looseSite, () => true],
  ['Reference', Reference, looseReference, () => true],
  ['Change', Change, looseChange, fastKinds],
];

/** The promise canonical.ts makes: accepted ⇒ zod accepts it and returns the same value. */
function expectSound(schema: z.ZodType, value: unknown) {
  if (!canonicalCheck(schema)(value)) return;
  const parsed = schema.safeParse(value);
  expect(parsed.success).toBe(true);
  expect(parsed.data).toStrictEqual(value);
}

describe('canonicalCheck', () => {
  for (const [name, schema, loose, fast] of cases) {
    it(`${name}: whatever it accepts, zod accepts and returns unchanged`, () => {
      fc.assert(
        fc.property(loose, (v) => expectSound(schema, v)),
        { numRuns: 3000 },
      );
    });

    it(`${name}: accepts what zod returns (the server's records), so the fast path is taken`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(loose, (v) => {
          const parsed = schema.safeParse(v);
          if (!parsed.success || !fast(parsed.data)) return;
          // As the server sends it: JSON (an optional key zod kept as undefined is left out).
          expect(canonicalCheck(schema)(JSON.parse(JSON.stringify(parsed.data)))).toBe(true);
          accepted++;
        }),
        { numRuns: 3000 },
      );
      expect(accepted).toBeGreaterThan(20); // the generator reaches valid records
    });
  }

  it('is sound on arbitrary values, for every schema a sync page carries', () => {
    const schemas = [ClientProfile, Site, Reference, Change, SitePolicyRecord, CredentialMeta];
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (v) => {
        for (const s of schemas) expectSound(s, v);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what zod would change: a missing default, an unknown key, a key set to undefined', () => {
    const check = canonicalCheck(ClientProfile);
    const profile = ClientProfile.parse({ id: 'p1', siteId: 's1', firstName: 'Ann', lastName: 'Lee' });
    expect(check(profile)).toBe(true);
    const { thinClient: _dropped, ...noDefault } = profile;
    expect(check(noDefault)).toBe(false);
    expect(check({ ...profile, nickname: 'A' })).toBe(false);
    expect(check({ ...profile, title: undefined })).toBe(false);
    expect(check({ ...profile, phones: [{ number: '555' }] })).toBe(false); // type defaults to office
    expect(check({ ...profile, email: 'not an email' })).toBe(false);
  });

  it('runs refinements: a site with an email domain and "no client email domain" is refused', () => {
    const site = Site.parse({ id: 's1', name: 'HQ', companyName: 'Acme', country: 'US', emailDomain: 'acme.com' });
    expect(canonicalCheck(Site)(site)).toBe(true);
    expect(canonicalCheck(Site)({ ...site, noClientEmailDomain: true })).toBe(false);
  });

  it('answers false for constructs it does not know (transforms, coercion, records, nullable)', () => {
    expect(canonicalCheck(z.string().trim())('a')).toBe(false);
    expect(canonicalCheck(z.coerce.number())(1)).toBe(false);
    expect(canonicalCheck(z.record(z.string(), z.number()))({ a: 1 })).toBe(false);
    expect(canonicalCheck(z.string().nullable())('a')).toBe(false);
    expect(canonicalCheck(z.string().url())('https://a.example')).toBe(false);
    expect(canonicalCheck(z.object({ a: z.string().default('x').optional() }))({})).toBe(false);
  });
});
