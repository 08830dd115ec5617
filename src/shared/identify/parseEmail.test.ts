import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseEmail } from './parseEmail.js';

describe('parseEmail', () => {
  it.each([
    ['dana@acme.com', 'dana@acme.com'],
    ['  Dana.Reyes@ACME.com  ', 'dana.reyes@acme.com'],
    ['mailto:dana@acme.com', 'dana@acme.com'],
    ['MAILTO:dana%2Bhelp@acme.com?subject=Printer', 'dana+help@acme.com'],
    ['Dana Reyes <dana@acme.com>', 'dana@acme.com'],
    ['"Reyes, Dana" <Dana@Acme.com>', 'dana@acme.com'],
    ['<dana@mail.acme.com>', 'dana@mail.acme.com'],
    ['dana@acme.com.', 'dana@acme.com'],
    ['dana@bücher.de', 'dana@xn--bcher-kva.de'],
    ['ｄａｎａ＠ａｃｍｅ．ｃｏｍ', 'dana@acme.com'],
  ])('%j → %s', (input, address) => {
    expect(parseEmail(input)).toMatchObject({ ok: true, address, domain: address.split('@')[1] });
  });

  it('flags public provider domains', () => {
    expect(parseEmail('dana@gmail.com')).toMatchObject({ ok: true, publicDomain: true });
    expect(parseEmail('dana@acme.com')).toMatchObject({ ok: true, publicDomain: false });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['dana', 'invalid_email'],
    ['dana@', 'invalid_email'],
    ['@acme.com', 'invalid_email'],
    ['dana@acme', 'invalid_email'],
    ['dana@@acme.com', 'invalid_email'],
    ['da na@acme.com', 'invalid_email'],
    ['dana..reyes@acme.com', 'invalid_email'],
    ['dana@-acme.com', 'invalid_email'],
    ['dana@acme..com', 'invalid_email'],
    ['dana@acme.c', 'invalid_email'],
    [`${'a'.repeat(65)}@acme.com`, 'invalid_email'],
  ])('%j → %s', (input, code) => {
    const result = parseEmail(input);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.message).toMatch(/\.$/);
  });

  it('never throws, and a parsed address is lower-case, trimmed and re-parses to itself', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.emailAddress()),
        (text) => {
          const result = parseEmail(text);
          if (!result.ok) return;
          expect(result.address).toBe(result.address.toLowerCase().trim());
          expect(result.address).toBe(`${result.local}@${result.domain}`);
          expect(parseEmail(result.address)).toEqual(result);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('accepts what fast-check considers a valid address, in every wrapping', () => {
    const wrapped = fc.tuple(
      fc.emailAddress(),
      fc.constantFrom(
        (a: string) => a,
        (a: string) => `mailto:${a}`,
        (a: string) => `Dana <${a}>`,
        (a: string) => `  ${a.toUpperCase()} `,
      ),
    );
    fc.assert(
      fc.property(wrapped, ([address, wrap]) => {
        fc.pre(address.length <= 254 && !/[%?]/.test(address));
        const plain = parseEmail(address);
        fc.pre(plain.ok); // fast-check may emit quoted-less forms we deliberately refuse (e.g. 64+ char parts)
        expect(parseEmail(wrap(address))).toEqual(plain);
      }),
      { numRuns: 1000 },
    );
  });
});
