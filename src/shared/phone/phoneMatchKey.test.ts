import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { fastPhoneKey, impossibleNational, phoneMatchKey } from './phoneMatchKey.js';
import { normalizePhone } from './normalizePhone.js';

/** Plans with national prefixes "0", "1", "8", none, carrier codes and transform rules. */
const COUNTRIES = [
  'US',
  'CA',
  'GB',
  'DE',
  'AU',
  'FR',
  'NL',
  'IE',
  'IN',
  'IT',
  'ES',
  'RU',
  'BY',
  'BR',
  'AR',
  'MX',
  'JP',
  'HU',
  'CH',
  'AT',
  'NZ',
  'ZA',
  'SG',
  'JM',
  'GG',
  'KZ',
];

describe('phoneMatchKey', () => {
  it('keys stored numbers exactly as normalizePhone normalises the query', () => {
    for (const [stored, country, query] of [
      ['+44 (0)20 7946 0958', undefined, '020 7946 0958'],
      ['(206) 555-0101', 'US', 'sip:+12065550101@pbx.example.com'],
      ['030 901820', 'DE', '+49 30 901820'],
      ['0044 20 7946 0958', 'US', '+442079460958'],
      ['07700 900123', 'GB', '+44 7700 900123'],
    ] as const) {
      const query_ = normalizePhone(query, 'GB');
      expect(query_.ok && query_.e164).toBe(phoneMatchKey(stored, country));
    }
  });

  it('has no key for text that is not a phone number, or a national number without a country', () => {
    expect(phoneMatchKey('call reception', 'US')).toBeUndefined();
    expect(phoneMatchKey('', 'US')).toBeUndefined();
    expect(phoneMatchKey('2065550101', undefined)).toBeUndefined();
  });

  it('fast path agrees with libphonenumber whenever it answers (international)', () => {
    const international = fc.tuple(
      fc.constantFrom('1', '7', '33', '44', '49', '54', '55', '61', '39', '52', '91', '353', '375', '800'),
      fc.stringMatching(/^[0-9]{3,13}$/),
    );
    fc.assert(
      fc.property(international, ([cc, rest]) => {
        const main = `+${cc}${rest}`;
        const fast = fastPhoneKey(main, undefined);
        if (fast === undefined) return;
        expect(fast).toBe(parsePhoneNumberWithError(main).number);
      }),
      { numRuns: 5000 },
    );
  });

  it('fast path agrees with libphonenumber whenever it answers (national, with the site country)', () => {
    const national = fc.tuple(
      fc.constantFrom(...COUNTRIES),
      fc.constantFrom('', '0', '00', '1', '8', '01', '011', '44', '49', '90', '015'),
      fc.stringMatching(/^[0-9]{3,12}$/),
    );
    fc.assert(
      fc.property(national, ([country, prefix, rest]) => {
        const main = prefix + rest;
        const fast = fastPhoneKey(main, country);
        if (fast === undefined) return;
        expect(fast).toBe(parsePhoneNumberWithError(main, country as 'US').number);
      }),
      { numRuns: 20000 },
    );
  });

  it('never rules out a national number libphonenumber finds possible (the skip that keeps multi-country reading fast)', () => {
    const national = fc.tuple(
      fc.constantFrom(...COUNTRIES),
      fc.constantFrom('', '0', '00', '1', '8', '01', '011', '44', '49', '90', '015'),
      fc.stringMatching(/^[0-9]{1,14}$/),
    );
    let skipped = 0;
    fc.assert(
      fc.property(national, ([country, prefix, rest]) => {
        const main = prefix + rest;
        if (!impossibleNational(main, country)) return;
        skipped++;
        let possible: boolean;
        try {
          possible = parsePhoneNumberWithError(main, country as 'US').isPossible();
        } catch {
          possible = false;
        }
        expect(possible, `${main} in ${country}`).toBe(false);
      }),
      { numRuns: 20000 },
    );
    expect(skipped).toBeGreaterThan(2000); // the skip does happen
  });

  it('takes the fast path for the common shapes (that is what keeps index builds fast)', () => {
    expect(fastPhoneKey('+12065550101', undefined)).toBe('+12065550101');
    expect(fastPhoneKey('2065550101', 'US')).toBe('+12065550101');
    expect(fastPhoneKey('02079460958', 'GB')).toBe('+442079460958');
    expect(fastPhoneKey('0293744000', 'AU')).toBe('+61293744000');
  });
});
