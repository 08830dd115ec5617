/**
 * Property: in a directory of sites in ten countries, every stored number written the way its own
 * country writes it (national format) is found — with no hint, with its country as the hint, and
 * with another country as the hint — and a national form shared by two countries is ambiguous.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { createCallerIndex, identifyCaller } from './index.js';
import { phone, profile, site } from './testDirectory.testkit.js';

const COUNTRIES: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'AU', 'NL', 'IT', 'ES', 'CH', 'JP'];

/** A valid mobile number of `country`: its example with the last four digits replaced. */
function mobile(country: CountryCode, tail: number): { e164: string; national: string } | undefined {
  const example = getExampleNumber(country, examples)!.number;
  const parsed = parsePhoneNumberWithError(example.slice(0, -4) + String(tail).padStart(4, '0'));
  return parsed.isValid() ? { e164: parsed.number, national: parsed.formatNational() } : undefined;
}

const entryArb = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  tail: fc.integer({ min: 0, max: 9999 }),
  asProfile: fc.boolean(),
  storedAs: fc.constantFrom('national', 'international', 'e164'),
});

describe('identifyCaller across ten countries (property)', () => {
  it('finds every stored number typed nationally, with and without a hint', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 8, maxLength: 40 }),
        fc.constantFrom(...COUNTRIES),
        (entries, other) => {
          const index = createCallerIndex();
          const stored: Array<{
            siteId: string;
            profileId?: string;
            country: CountryCode;
            e164: string;
            national: string;
          }> = [];
          // Every country has a site, so each is one the directory "serves".
          COUNTRIES.forEach((c) => index.upsertSite(site(`anchor-${c}`, { country: c })));
          entries.forEach(({ country, tail, asProfile, storedAs }, i) => {
            const n = mobile(country, tail);
            if (!n || stored.some((s) => s.e164 === n.e164)) return;
            const written =
              storedAs === 'national'
                ? n.national
                : storedAs === 'e164'
                  ? n.e164
                  : parsePhoneNumberWithError(n.e164).formatInternational();
            const siteId = `site-${i}`;
            if (asProfile) {
              index.upsertSite(site(siteId, { country }));
              index.upsertProfile(profile(`p-${i}`, siteId, { phones: [phone(written)] }));
              stored.push({ siteId, profileId: `p-${i}`, country, ...n });
            } else {
              index.upsertSite(site(siteId, { country, mainPhones: [written] }));
              stored.push({ siteId, country, ...n });
            }
          });
          for (const s of stored) {
            for (const hint of [undefined, s.country, other]) {
              const outcome = identifyCaller(index, s.national, hint ? { country: hint } : {});
              if (!outcome.ok) throw new Error(`${s.national} (${s.country}) refused: ${outcome.error.message}`);
              const { candidates, ambiguous } = outcome.result;
              const mine = candidates.find((c) => c.siteId === s.siteId);
              expect(mine, `${s.national} from ${s.country}, hint ${hint}`).toMatchObject({
                value: s.e164,
                ...(s.profileId ? { profileId: s.profileId } : {}),
              });
              expect(mine!.possibleOnly).toBeUndefined();
              expect([s.country, ...candidates.map((c) => c.readAs)]).toContain(mine!.readAs);
              // The hint's own reading ranks first; a second site reading the same digits is ambiguous.
              if (hint === s.country) expect(candidates[0]!.siteId).toBe(s.siteId);
              expect(ambiguous).toBe(new Set(candidates.map((c) => c.siteId)).size > 1);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a national form stored in two countries is ambiguous, each candidate with its reading', () => {
    // Pairs of countries whose national forms can coincide: trunk prefix 0 and the same digit count.
    const pairs: Array<[CountryCode, string, CountryCode, string]> = [
      ['DE', '030 1234567', 'NL', '030 123 4567'],
      ['AU', '(02) 9374 4000', 'FR', '02 93 74 40 00'],
      ['CH', '044 123 45 67', 'FR', '04 41 23 45 67'],
      ['NL', '06 12345678', 'IT', '06 1234 5678'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.constantFrom(undefined, ...COUNTRIES), ([a, na, b, nb], hint) => {
        const index = createCallerIndex();
        index.upsertSite(site('a', { country: a, mainPhones: [na] }));
        index.upsertSite(site('b', { country: b, mainPhones: [nb] }));
        expect(na.replace(/\D/g, '')).toBe(nb.replace(/\D/g, ''));
        for (const query of [na, nb]) {
          const outcome = identifyCaller(index, query, hint ? { country: hint } : {});
          if (!outcome.ok) throw new Error(outcome.error.message);
          expect(outcome.result.ambiguous).toBe(true);
          expect(Object.fromEntries(outcome.result.candidates.map((c) => [c.siteId, c.readAs]))).toEqual({ a, b });
          if (hint === a || hint === b) expect(outcome.result.candidates[0]!.readAs).toBe(hint);
        }
      }),
    );
  });
});
