/**
 * Number ranges regulators reserve for films, documentation and demos. They never ring anyone, and
 * the product's demo data and tests use them, so they must normalise even where libphonenumber's
 * `isValid()` rejects them; for these ranges `isPossible()` (right length) is enough.
 *
 * Checked against libphonenumber-js 1.13 `/max`: NANP 555-0100…0199 is already valid in every
 * assigned area code (so the fallback only matters for made-up area codes such as 555); Ofcom's
 * 07700 900xxx and 01632 960xxx are NOT valid there. Ofcom's other drama ranges (020 7946 0xxx,
 * 0113 496 0xxx, …) and ACMA's Australian ones (02 5550 xxxx, 0491 570 xxx, …) are valid as is.
 */
const FICTIONAL: ReadonlyArray<{ country: string; pattern: RegExp }> = [
  // NANP: 555-0100 through 555-0199 in any area code (North American Numbering Plan Administrator).
  { country: 'US', pattern: /^\+1[2-9]\d{2}55501\d{2}$/ },
  // UK (Ofcom): drama mobile and geographic ranges missing from libphonenumber's valid patterns.
  { country: 'GB', pattern: /^\+447700900\d{3}$/ },
  { country: 'GB', pattern: /^\+441632960\d{3}$/ },
];

/** The country of a reserved fictional range `e164` belongs to, or undefined. */
export function fictionalRangeCountry(e164: string): string | undefined {
  return FICTIONAL.find((range) => range.pattern.test(e164))?.country;
}
