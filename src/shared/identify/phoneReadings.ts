/**
 * The ways a number typed without a country code can be read: once per country (the hint first, then
 * every country the directory has sites in). Each reading is the match key the index would store for
 * the same digits in that country (phoneMatchKey's fast path, else libphonenumber), so a query is one
 * Map read per country. Validity (libphonenumber `/max` isValid, or a reserved fictional range) is
 * only worked out for readings that matched or when nothing matched: that parse costs 20–60 µs and a
 * directory in 30 countries would otherwise spend a millisecond per keystroke on it.
 */
import { parsePhoneNumberWithError, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { fictionalRangeCountry } from '../phone/fictionalNumbers.js';
import { E164, supportedCountry } from '../phone/normalizePhone.js';
import { fastPhoneKey, impossibleNational } from '../phone/phoneMatchKey.js';

export interface PhoneReading {
  e164: string;
  /** The country whose national reading this is; undefined for a number written internationally. */
  country?: string;
  /** Every country that reads the digits the same way (NANP countries share +1), hint first. */
  countries: string[];
}

function parse(text: string, country: CountryCode | undefined): PhoneNumber | undefined {
  try {
    return parsePhoneNumberWithError(text, country);
  } catch {
    return undefined;
  }
}

/** A possible (right-length) reading of `main` in `country`, without the validity check. */
function readIn(main: string, country: CountryCode | undefined): string | undefined {
  const fast = fastPhoneKey(main, country);
  if (fast) return fast;
  if (country && impossibleNational(main, country)) return undefined;
  const parsed = parse(main, country);
  return parsed?.isPossible() && E164.test(parsed.number) ? parsed.number : undefined;
}

/**
 * Whether a reading is a valid number (or a reserved fictional one) rather than only a possible one,
 * and the country libphonenumber assigns it (a CA reading of a Seattle number is a US number).
 */
export function checkReading(main: string, reading: PhoneReading): { valid: boolean; country?: string } {
  const text = reading.country ? main : reading.e164;
  const parsed = parse(text, supportedCountry(reading.country));
  const fictional = fictionalRangeCountry(reading.e164);
  const country = parsed?.country ?? fictional ?? reading.country;
  const valid = Boolean(fictional) || (parsed !== undefined && parsed.number === reading.e164 && parsed.isValid());
  return { valid, ...(country ? { country } : {}) };
}

/** The countries to try for a national number: the hint, then the directory's, each once and known. */
export function countriesToTry(hint: string | undefined, directory: readonly string[]): CountryCode[] {
  const out: CountryCode[] = [];
  for (const c of [hint, ...directory]) {
    const code = supportedCountry(c);
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/**
 * Every distinct reading of `main` (`+digits` or `digits`, from cleanPhoneText): one for an
 * international number; otherwise one per country in `countries`, plus "00…"/"011…" read as
 * international prefixes (normalizePhone does the same). Readings giving the same E.164 are merged.
 */
export function phoneReadings(main: string, countries: readonly CountryCode[]): PhoneReading[] {
  if (main.startsWith('+')) {
    const e164 = readIn(main, undefined);
    return e164 ? [{ e164, countries: [] }] : [];
  }
  const out: PhoneReading[] = [];
  const add = (e164: string | undefined, country: string | undefined) => {
    if (!e164) return;
    const same = out.find((r) => r.e164 === e164);
    if (same) {
      if (country) same.countries.push(country);
    } else out.push({ e164, ...(country ? { country } : {}), countries: country ? [country] : [] });
  };
  for (const country of countries) add(readIn(main, country), country);
  if (/^00[1-9]/.test(main)) add(readIn(`+${main.slice(2)}`, undefined), undefined);
  if (/^011[1-9]/.test(main)) add(readIn(`+${main.slice(3)}`, undefined), undefined);
  return out;
}
