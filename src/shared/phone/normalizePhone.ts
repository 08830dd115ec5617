import { parsePhoneNumberWithError, ParseError, type CountryCode as LibCountry } from 'libphonenumber-js/max';

export type PhoneErrorCode = 'empty' | 'too_short' | 'too_long' | 'invalid_phone' | 'invalid_country';

export type NormalizedPhone =
  | { ok: true; e164: string; extension?: string; country?: string }
  | { ok: false; code: PhoneErrorCode; message: string };

/**
 * Normalises a phone number in any common format to E.164, using the number's own country when it
 * carries one (+44…, 0044…) and `defaultCountry` otherwise. Never throws.
 * (First cut; hardened with real-world formats and property tests in phone/normalizePhone.test.ts.)
 */
export function normalizePhone(input: string, defaultCountry?: string): NormalizedPhone {
  const text = input.trim();
  if (!text) return { ok: false, code: 'empty', message: 'Enter a phone number.' };
  try {
    const parsed = parsePhoneNumberWithError(text, defaultCountry as LibCountry | undefined);
    if (!parsed.isValid()) return { ok: false, code: 'invalid_phone', message: 'This is not a valid phone number for its country.' };
    return { ok: true, e164: parsed.number, extension: parsed.ext, country: parsed.country };
  } catch (e) {
    if (e instanceof ParseError && e.message === 'TOO_SHORT') return { ok: false, code: 'too_short', message: 'This phone number is too short.' };
    return { ok: false, code: 'invalid_phone', message: 'This is not a phone number. Type it with its country code, e.g. +1 206 555 0101.' };
  }
}
