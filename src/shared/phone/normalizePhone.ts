import {
  parsePhoneNumberWithError,
  ParseError,
  isSupportedCountry,
  validatePhoneNumberLength,
  type CountryCode as LibCountry,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { cleanPhoneText } from './cleanPhoneText.js';
import { fictionalRangeCountry } from './fictionalNumbers.js';

export type PhoneErrorCode = 'empty' | 'too_short' | 'too_long' | 'invalid_phone' | 'invalid_country';

export type NormalizedPhone =
  | { ok: true; e164: string; extension?: string; country?: string }
  | { ok: false; code: PhoneErrorCode; message: string };

/** What every E.164 number looks like: "+", a country code not starting with 0, at most 15 digits. */
export const E164 = /^\+[1-9]\d{6,14}$/;

const EXAMPLE = '+1 206 555 0101';

/** Upper-cased ISO alpha-2 code when libphonenumber knows the country, else undefined. */
export function supportedCountry(country: string | undefined): LibCountry | undefined {
  const code = typeof country === 'string' ? country.trim().toUpperCase() : '';
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code) ? code : undefined;
}

type Attempt = ({ parsed: PhoneNumber } | { failure: string }) & { text: string; country: LibCountry | undefined };

function attempt(text: string, country: LibCountry | undefined): Attempt {
  try {
    return { parsed: parsePhoneNumberWithError(text, country), text, country };
  } catch (e) {
    return { failure: e instanceof ParseError ? e.message : 'NOT_A_NUMBER', text, country };
  }
}

function failure(code: PhoneErrorCode, where: string): NormalizedPhone & { ok: false } {
  const messages: Record<PhoneErrorCode, string> = {
    empty: 'Enter a phone number.',
    too_short: `This number is too short${where}. Check that every digit is there, including the area code, e.g. ${EXAMPLE}.`,
    too_long: `This number is too long${where}. Remove extra digits, and type an extension after "ext", e.g. ${EXAMPLE} ext 12.`,
    invalid_phone: `This is not a valid phone number${where}. Check the digits, or type it with its country code, e.g. ${EXAMPLE}.`,
    invalid_country: `Type the number with its country code (e.g. ${EXAMPLE}), or set the site's country.`,
  };
  return { ok: false, code, message: messages[code] };
}

function errorFor(outcome: Attempt): NormalizedPhone & { ok: false } {
  if ('failure' in outcome) {
    const code =
      outcome.failure === 'TOO_SHORT'
        ? 'too_short'
        : outcome.failure === 'TOO_LONG'
          ? 'too_long'
          : outcome.failure === 'INVALID_COUNTRY' && !outcome.text.startsWith('+')
            ? 'invalid_country'
            : 'invalid_phone';
    return failure(code, '');
  }
  const where = outcome.parsed.country
    ? ` for ${outcome.parsed.country}`
    : ` for country code +${outcome.parsed.countryCallingCode}`;
  const length = validatePhoneNumberLength(outcome.text, outcome.country);
  return failure(length === 'TOO_SHORT' ? 'too_short' : length === 'TOO_LONG' ? 'too_long' : 'invalid_phone', where);
}

/**
 * Normalises a phone number in any common format to E.164, using the number's own country when it
 * carries one (+44…, 0044…, 011 44…) and `defaultCountry` (ISO alpha-2, e.g. the site's) otherwise.
 * Accepts grouping characters, extensions, tel:/sip: URIs and Unicode digits (see cleanPhoneText.ts);
 * anything else is a typed error whose message says what to type. Never throws.
 *
 * A number must be valid for its country (libphonenumber `/max` isValid), except reserved fictional
 * ranges (fictionalNumbers.ts), which only need to be possible (the right length).
 */
export function normalizePhone(input: string, defaultCountry?: string): NormalizedPhone {
  const cleaned = cleanPhoneText(input);
  if (!cleaned.ok) return cleaned;
  const { main, extension } = cleaned;
  const country = supportedCountry(defaultCountry);

  // Interpretations, most likely first. libphonenumber already strips the default country's own
  // international prefix; "00" and NANP "011" are tried as well because caller-ID exports and people
  // abroad write them whatever the site's country (e.g. "0044 20 …" for a US site).
  const texts: Array<[string, LibCountry | undefined]> = [];
  if (main.startsWith('+')) texts.push([main, undefined]);
  else {
    if (country) texts.push([main, country]);
    if (/^00[1-9]/.test(main)) texts.push([`+${main.slice(2)}`, undefined]);
    if (/^011[1-9]/.test(main)) texts.push([`+${main.slice(3)}`, undefined]);
  }
  if (texts.length === 0) return failure('invalid_country', '');

  const attempts = texts.map(([text, c]) => attempt(text, c));
  for (const a of attempts) {
    if ('parsed' in a && a.parsed.isValid() && E164.test(a.parsed.number)) {
      return result(a.parsed.number, extension, a.parsed.country);
    }
  }
  for (const a of attempts) {
    const fictional = 'parsed' in a && a.parsed.isPossible() ? fictionalRangeCountry(a.parsed.number) : undefined;
    if (fictional && 'parsed' in a) return result(a.parsed.number, extension, a.parsed.country ?? fictional);
  }
  return errorFor(attempts.find((a) => 'parsed' in a) ?? attempts[0]!);
}

function result(e164: string, extension: string | undefined, country: string | undefined): NormalizedPhone {
  return { ok: true, e164, ...(extension ? { extension } : {}), ...(country ? { country } : {}) };
}
