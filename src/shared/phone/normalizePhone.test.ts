import { describe, expect, it } from 'vitest';
import { normalizePhone } from './normalizePhone.js';

/** [as typed or as a caller-ID system sends it, default (site) country, E.164, extension?] */
const VALID: Array<[string, string | undefined, string, string?]> = [
  // United States: every grouping people and PBXs use, extensions, URIs.
  ['+1 206 555 0101', undefined, '+12065550101'],
  ['(206) 555-0101', 'US', '+12065550101'],
  ['206.555.0101', 'US', '+12065550101'],
  ['206/555-0101', 'US', '+12065550101'],
  ['+1-206-555-0101', undefined, '+12065550101'],
  ['1 (206) 555-0101', 'US', '+12065550101'],
  ['1-206-555-0101', 'US', '+12065550101'],
  ['2065550101', 'US', '+12065550101'],
  ['206-555-0101 ext. 12', 'US', '+12065550101', '12'],
  ['206-555-0101 x12', 'US', '+12065550101', '12'],
  ['206-555-0101 #12', 'US', '+12065550101', '12'],
  ['(206) 555-0101 Extension 7', 'US', '+12065550101', '7'],
  ['+1 206 555 0101,,12', undefined, '+12065550101', '12'],
  ['tel:+1-206-555-0101;ext=12', undefined, '+12065550101', '12'],
  ['sip:+12065550101@pbx.example.com', undefined, '+12065550101'],
  ['"Front Desk" <sip:+12065550101@pbx.example.com;user=phone>', undefined, '+12065550101'],
  ['sip:%2B12065550101@pbx.example.com', undefined, '+12065550101'],
  ['00 1 206 555 0101', 'GB', '+12065550101'],
  ['+1 (800) 555-0199', undefined, '+18005550199'],
  ['+1 555 555 0101', undefined, '+15555550101'], // fictional area code: isPossible fallback
  // Canada (shares +1; national numbers work with either NANP default).
  ['(416) 555-0123', 'CA', '+14165550123'],
  ['+1 604 555 0142', undefined, '+16045550142'],
  ['613.555.0175', 'CA', '+16135550175'],
  ['416 555 0123', 'US', '+14165550123'],
  // United Kingdom: "(0)" trunk prefix, 00 / 011 international prefixes, Ofcom drama numbers.
  ['+44 (0)20 7946 0958', undefined, '+442079460958'],
  ['+44 20 7946 0958', undefined, '+442079460958'],
  ['0044 20 7946 0958', 'US', '+442079460958'],
  ['011 44 20 7946 0958', 'US', '+442079460958'],
  ['020 7946 0958', 'GB', '+442079460958'],
  ['(0)20 7946 0958', 'GB', '+442079460958'],
  ['020 7946 0958', 'gb', '+442079460958'],
  ['07700 900123', 'GB', '+447700900123'], // Ofcom fictional mobile: isValid() says no, isPossible() yes
  ['0113 496 0123', 'GB', '+441134960123'],
  ['+44 161 496 0000', undefined, '+441614960000'],
  // Germany
  ['+49 30 901820', undefined, '+4930901820'],
  ['030 901820', 'DE', '+4930901820'],
  ['+49 (0)30 901820', undefined, '+4930901820'],
  ['0049 30 901820', 'US', '+4930901820'],
  ['089 2199 9000', 'DE', '+498921999000'],
  ['0151 23456789', 'DE', '+4915123456789'],
  // Australia
  ['+61 2 9374 4000', undefined, '+61293744000'],
  ['(02) 9374 4000', 'AU', '+61293744000'],
  ['(02) 9374 4000 ext. 204', 'AU', '+61293744000', '204'],
  ['+61 (0)2 9374 4000', undefined, '+61293744000'],
  ['0491 570 156', 'AU', '+61491570156'],
  ['04 12 345 678', 'AU', '+61412345678'],
  ['0011 44 20 7946 0958', 'AU', '+442079460958'],
  // France
  ['+33 1 42 68 53 00', undefined, '+33142685300'],
  ['01 42 68 53 00', 'FR', '+33142685300'],
  ['01.42.68.53.00', 'FR', '+33142685300'],
  ['+33 (0)6 12 34 56 78', undefined, '+33612345678'],
  // Netherlands, Ireland, India
  ['+31 20 624 1111', undefined, '+31206241111'],
  ['020-624 1111', 'NL', '+31206241111'],
  ['06-12345678', 'NL', '+31612345678'],
  ['+353 1 677 0095', undefined, '+35316770095'],
  ['(01) 677 0095', 'IE', '+35316770095'],
  ['087 123 4567', 'IE', '+353871234567'],
  ['+91 22 2288 2222', undefined, '+912222882222'],
  ['022 2288 2222', 'IN', '+912222882222'],
  ['+91 98765 43210', undefined, '+919876543210'],
  // Unicode: full-width, Arabic-Indic digits, non-breaking spaces and hyphens, bidi marks.
  ['１２０６５５５０１０１', 'US', '+12065550101'],
  ['＋４４ ２０ ７９４６ ０９５８', undefined, '+442079460958'],
  ['٠٢٠ ٧٩٤٦ ٠٩٥٨', 'GB', '+442079460958'],
  ['+1\u00a0206\u00a0555\u00a00101', undefined, '+12065550101'],
  ['+1 206\u2011555\u20110101', undefined, '+12065550101'],
  ['\u200e+44 20 7946 0958\u200e', undefined, '+442079460958'],
  ['tel:7946-0958;phone-context=+44-20', undefined, '+442079460958'],
];

describe('normalizePhone: real-world formats', () => {
  it.each(VALID)('%j (%s) → %s', (input, country, e164, extension) => {
    const result = normalizePhone(input, country);
    expect(result).toMatchObject({ ok: true, e164 });
    expect(result.ok && result.extension).toBe(extension ?? undefined);
  });

  it('covers at least 40 vectors in at least 6 countries', () => {
    expect(VALID.length).toBeGreaterThanOrEqual(40);
    const countries = new Set(
      VALID.map(([input, country]) => normalizePhone(input, country)).map((r) => (r.ok ? r.country : '')),
    );
    expect(countries.size).toBeGreaterThanOrEqual(6);
  });

  it('reports the country of the number, not the default', () => {
    expect(normalizePhone('0044 20 7946 0958', 'US')).toMatchObject({ ok: true, country: 'GB' });
    expect(normalizePhone('416 555 0123', 'US')).toMatchObject({ ok: true, country: 'CA' });
  });
});

/** [input, default country, error code] */
const INVALID: Array<[string, string | undefined, string]> = [
  ['', 'US', 'empty'],
  ['   ', undefined, 'empty'],
  ['12', 'US', 'too_short'],
  ['+1 206 555', undefined, 'too_short'],
  ['+1 206 555 01011', undefined, 'too_long'],
  ['+44 20 7946 09581234567', undefined, 'too_long'],
  ['9'.repeat(500), 'US', 'too_long'],
  ['+1 100 555 0101', undefined, 'invalid_phone'],
  ['206 555 0101 abc', 'US', 'invalid_phone'],
  ['1-800-FLOWERS', 'US', 'invalid_phone'],
  ['hello', undefined, 'invalid_phone'],
  ['+1 206 +555 0101', undefined, 'invalid_phone'],
  ['+0 123 4567', undefined, 'invalid_phone'],
  ['ext 12', 'US', 'invalid_phone'],
  ['2065550101', undefined, 'invalid_country'],
  ['2065550101', 'ZZ', 'invalid_country'],
];

describe('normalizePhone: typed errors', () => {
  it.each(INVALID)('%j (%s) → %s', (input, country, code) => {
    const result = normalizePhone(input, country);
    expect(result).toMatchObject({ ok: false, code });
    // Every message says what to do, and none echoes the input back.
    expect(result.ok ? '' : result.message).toMatch(/\.$/);
  });

  it('tells the person what to type', () => {
    const short = normalizePhone('206 555', 'US');
    expect(short).toMatchObject({ ok: false, code: 'too_short' });
    expect(!short.ok && short.message).toContain('area code');
    const letters = normalizePhone('206 555 0101 abc', 'US');
    expect(!letters.ok && letters.message).toContain('ext');
  });
});
