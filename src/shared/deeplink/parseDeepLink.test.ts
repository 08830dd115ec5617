import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lookupRoute, parseDeepLink, parseLookupQuery } from './parseDeepLink.js';

describe('parseDeepLink', () => {
  it.each([
    ['callsign://lookup?phone=%2B12065550101', { kind: 'lookup', phone: '+12065550101' }],
    ['callsign://lookup?phone=(206)%20555-0101', { kind: 'lookup', phone: '(206) 555-0101' }],
    [
      'callsign://lookup/?email=dana.reyes%40northwindtraders.com',
      { kind: 'lookup', email: 'dana.reyes@northwindtraders.com' },
    ],
    ['CALLSIGN://LOOKUP?email=a@b.co', { kind: 'lookup', email: 'a@b.co' }],
    ['callsign://lookup?phone=020%207946%200958&country=GB', { kind: 'lookup', phone: '020 7946 0958', country: 'GB' }],
    ['callsign://lookup?country=de&phone=030%201234567', { kind: 'lookup', phone: '030 1234567', country: 'DE' }],
    [
      'callsign://lookup?text=Tel%2009422%201000%0AFax%2009422%20805000&country=DE',
      { kind: 'lookup', text: 'Tel 09422 1000\nFax 09422 805000', country: 'DE' },
    ],
  ])('accepts %s', (url, link) => {
    expect(parseDeepLink(url)).toEqual({ ok: true, link });
  });

  it.each([
    ['https://evil.example/lookup?phone=1', 'not a Callsign link'],
    ['callsign://credentials?id=1', 'can only look up'],
    ['callsign://lookup', 'exactly one'],
    ['callsign://lookup?phone=1&email=a@b.co', 'exactly one'],
    ['callsign://lookup?phone=1&phone=2', 'exactly one'],
    ['callsign://lookup?phone=', 'empty'],
    ['callsign://lookup?cmd=rm', 'Unknown parameter'],
    ['callsign://lookup?phone=%0Aevil', 'control characters'],
    ['callsign://lookup?phone=' + '1'.repeat(600), 'too long'],
    ['callsign://lookup?phone=1&country=ZZ', 'two-letter ISO code'],
    ['callsign://lookup?phone=1&country=GB&country=DE', 'at most one country'],
    ['callsign://lookup?text=a%00b', 'control characters'],
  ])('refuses %s', (url, why) => {
    const r = parseDeepLink(url);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(why);
      expect(r.message).toContain('callsign://lookup?phone=');
    }
  });

  it('never throws and round-trips through the hash route', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseDeepLink(s).ok === 'boolean'));
    fc.assert(fc.property(fc.string(), (s) => typeof parseDeepLink(`callsign://lookup?${s}`).ok === 'boolean'));
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 60 })
          // eslint-disable-next-line no-control-regex -- generated values without control characters
          .filter((s) => s.trim() === s && s.length > 0 && !/[\u0000-\u001f\u007f]/.test(s)),
        (phone) => {
          const r = parseLookupQuery(lookupRoute({ kind: 'lookup', phone }).split('?')[1]!);
          expect(r).toEqual({ ok: true, link: { kind: 'lookup', phone } });
          const hinted = parseLookupQuery(lookupRoute({ kind: 'lookup', phone, country: 'GB' }).split('?')[1]!);
          expect(hinted).toEqual({ ok: true, link: { kind: 'lookup', phone, country: 'GB' } });
        },
      ),
    );
  });
});
