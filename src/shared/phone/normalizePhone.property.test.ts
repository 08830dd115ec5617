import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getCountries, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { E164, normalizePhone } from './normalizePhone.js';

const CODES = new Set(['empty', 'too_short', 'too_long', 'invalid_phone', 'invalid_country']);

/** Real numbers from several numbering plans; the properties regroup and re-spell them. */
const HOME: Record<string, string> = {
  '+12065550101': 'US',
  '+14165550123': 'CA',
  '+442079460958': 'GB',
  '+447700900123': 'GB',
  '+4930901820': 'DE',
  '+498921999000': 'DE',
  '+61293744000': 'AU',
  '+61491570156': 'AU',
  '+33142685300': 'FR',
  '+31206241111': 'NL',
  '+35316770095': 'IE',
  '+912222882222': 'IN',
  '+390669880000': 'IT',
  '+81312345678': 'JP',
};
const NUMBERS = Object.keys(HOME);

const country = fc.oneof(fc.constantFrom(...getCountries()), fc.string({ maxLength: 3 }), fc.constant(undefined));
const anyText = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.stringMatching(/^[+(]?[0-9 ()\-.x#/+]{0,30}$/),
);

/** Splits `digits` into random groups joined by a random separator people actually use. */
const regrouped = (digits: string) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: digits.length, maxLength: digits.length }),
      fc.constantFrom(' ', '-', '.', '\u00a0', '/', '', ' - '),
    )
    .map(([sizes, sep]) => {
      const groups: string[] = [];
      for (let i = 0, g = 0; i < digits.length; g++) {
        const size = sizes[g] ?? 4;
        groups.push(digits.slice(i, i + size));
        i += size;
      }
      return groups.join(sep);
    });

const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe('normalizePhone properties', () => {
  it('never throws: any text, any default country → E.164 or a typed error', () => {
    fc.assert(
      fc.property(anyText, country, (text, c) => {
        const result = normalizePhone(text, c);
        if (result.ok) expect(result.e164).toMatch(E164);
        else {
          expect(CODES.has(result.code)).toBe(true);
          expect(result.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('formatting variations of the same international number normalise identically', () => {
    const variant = fc.constantFrom(...NUMBERS).chain((e164) =>
      fc.record({
        e164: fc.constant(e164),
        body: regrouped(e164.slice(1)),
        prefix: fc.constantFrom('+', '+', '00', 'tel:+', '\u200e+'),
        ext: fc.option(
          fc.tuple(
            fc.constantFrom(' ext ', ' ext. ', ' x', '#', ';ext=', ' Extension '),
            fc.stringMatching(/^\d{1,5}$/),
          ),
          { nil: undefined },
        ),
        wide: fc.boolean(),
        site: fc.constantFrom('US', 'GB', 'DE', 'FR', 'AU', undefined),
      }),
    );
    fc.assert(
      fc.property(variant, ({ e164, body, prefix, ext, wide, site }) => {
        // "00" needs some default country; "tel:" only carries an extension as ";ext=".
        fc.pre(!(prefix === '00' && site === undefined) && !(prefix === 'tel:+' && ext && ext[0] !== ';ext='));
        let text = prefix + body + (ext ? ext[0] + ext[1] : '');
        if (wide) text = fullWidth(text);
        const result = normalizePhone(text, site);
        expect(result).toMatchObject({ ok: true, e164 });
        expect(result.ok && result.extension).toBe(ext ? ext[1] : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('national formats with the site country normalise to the same number as international ones', () => {
    const national = fc.constantFrom(...NUMBERS).chain((e164) => {
      const parsed = parsePhoneNumberWithError(e164);
      const digits = parsed.formatNational().replace(/\D/g, '');
      return fc.tuple(fc.constant(e164), fc.constant(HOME[e164]!), regrouped(digits), fc.boolean());
    });
    fc.assert(
      fc.property(national, ([e164, site, body, parens]) => {
        const text = parens ? body.replace(/^(\d{2,3})/, '($1) ') : body;
        expect(normalizePhone(text, site)).toMatchObject({ ok: true, e164 });
      }),
      { numRuns: 1500 },
    );
  });
});
