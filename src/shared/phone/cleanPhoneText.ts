/**
 * First stage of phone normalisation: turns what a person, a PBX or a caller-ID system hands us into
 * `+digits` or `digits` plus an optional extension, before libphonenumber sees it. Doing this
 * ourselves (rather than letting libphonenumber "extract" a number from text) is what lets us reject
 * stray letters: libphonenumber happily reads "206 555 0101 abc" as a valid number.
 *
 * Handled here: Unicode digits of any script, full-width and non-breaking characters, invisible
 * format marks from copy/paste, `tel:` (RFC 3966, incl. `;ext=` and `;phone-context=+…`), `sip:` /
 * `sips:` / `callto:` URIs and SIP header forms (`"Dana" <sip:+1…@pbx>`), extensions written as
 * `ext`, `ext.`, `extn`, `extension`, `x`, `#` or dial pauses (`,,12`), and the "(0)" trunk prefix
 * that Europeans write after the country code (`+44 (0)20 …`).
 */

export type CleanPhoneErrorCode = 'empty' | 'invalid_phone' | 'too_long';

export type CleanedPhone =
  { ok: true; main: string; extension?: string } | { ok: false; code: CleanPhoneErrorCode; message: string };

/** Longer input is not a phone number; the cap also bounds the regex work on hostile input. */
export const MAX_PHONE_INPUT = 100;

const URI_SCHEME = /^(tel|sips?|callto):/i;
/** Extension markers at the end of the number; the digits are the extension. */
const EXTENSION = /\s*(?:;\s*ext\s*=|,+|\bext(?:ension|n)?\.?:?|\bx\.?|#)\s*(\d{1,10})\s*#?$/i;
/** Characters people use to group digits; anything else left over is an error. */
const SEPARATORS = /[\s\-.()/[\]]/g;
const NOT_DIGIT = /\D/g;

/** Value (0–9) of a Unicode decimal digit. Unicode guarantees Nd digits come in contiguous 0…9 runs. */
function digitValue(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  let back = 0;
  while (back < 60 && /\p{Nd}/u.test(String.fromCodePoint(cp - back - 1))) back++;
  return back % 10;
}

/** ASCII-fies digits, dashes and spaces; drops invisible format characters (LRM, ZWSP, BOM). */
function asciify(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/[^\x20-\x7e]/gu, (ch) => (/\p{Nd}/u.test(ch) ? String(digitValue(ch)) : /\s/u.test(ch) ? ' ' : ch));
}

/**
 * Fast path for the bulk of stored numbers ("(206) 555-0101", "+44 20 7946 0958"): ASCII digits and
 * separators only, at most a leading "+", no "(0)". Index builds key ~250k numbers, and the general
 * path below (Unicode normalisation, URI and extension parsing) costs microseconds each.
 */
export function plainDigits(text: string): string | undefined {
  const plus = text.charCodeAt(0) === 43; /* + */
  let count = 0;
  for (let i = plus ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
    else if (c === 40 && /^\(\s*0\s*\)/.test(text.slice(i)))
      return undefined; // "(0)": general path
    else if (c !== 32 && c !== 45 && c !== 46 && c !== 47 && c !== 40 && c !== 41) return undefined; // space - . / ( )
  }
  if (count === 0) return undefined;
  // One replace gives a flat string; building it char by char makes a rope that every Map lookup re-flattens.
  return count === text.length ? text : (plus ? '+' : '') + text.replace(NOT_DIGIT, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Unwraps URIs and SIP header forms; returns the number part and any extension parameter. */
function unwrapUri(text: string): { text: string; extension?: string } {
  const angle = /<([^<>]*)>/.exec(text);
  const inner = angle && URI_SCHEME.test(angle[1]!.trim()) ? angle[1]!.trim() : text;
  const scheme = URI_SCHEME.exec(inner);
  if (!scheme) return { text };
  let body = safeDecode(inner.slice(scheme[0].length));
  // sip:user@host — the number is the user part; host and URI parameters after it don't matter.
  if (scheme[1]!.toLowerCase() !== 'tel') body = body.split('@')[0]!;
  const [number = '', ...params] = body.split(';');
  let extension: string | undefined;
  let context = '';
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    if (/^ext$/i.test(name.trim()) && /^\d+$/.test(value.trim())) extension = value.trim();
    // RFC 3966 local numbers: tel:7946-0958;phone-context=+44-20 → +44 20 7946 0958.
    if (/^phone-context$/i.test(name.trim()) && value.trim().startsWith('+')) context = value.trim();
  }
  const local = number.trim();
  return { text: context && !local.startsWith('+') ? `${context} ${local}` : local, extension };
}

/**
 * Splits a phone number as typed into `main` (`+` and digits only, or digits only) and `extension`.
 * Never throws; any letter or symbol that is not a separator or extension marker is an error.
 */
export function cleanPhoneText(input: string): CleanedPhone {
  const trimmed = (typeof input === 'string' ? input : '').trim();
  if (!trimmed) return { ok: false, code: 'empty', message: 'Enter a phone number.' };
  if (trimmed.length > MAX_PHONE_INPUT) {
    return {
      ok: false,
      code: 'too_long',
      message: 'That is too long for a phone number. Type only the number and, if needed, "ext" and the extension.',
    };
  }
  const plain = plainDigits(trimmed);
  if (plain) return { ok: true, main: plain };
  const uri = unwrapUri(/^[\x20-\x7e]*$/.test(trimmed) ? trimmed : asciify(trimmed));
  let text = uri.text.trim();
  let extension = uri.extension;
  const ext = EXTENSION.exec(text);
  if (ext && /\d/.test(text.slice(0, ext.index))) {
    extension ??= ext[1];
    text = text.slice(0, ext.index);
  }
  text = text.replace(/#$/, '').trim();
  // "+44 (0)20 …": the (0) is the trunk prefix dialled only inside the country, so drop it after a
  // country code; in a national number ("(0)20 …") it is the trunk prefix itself and stays a 0.
  text = /^(\+|00|011)/.test(text) ? text.replace(/\(\s*0\s*\)/g, '') : text.replace(/\(\s*0\s*\)/g, '0');
  const plus = text.startsWith('+');
  const rest = (plus ? text.slice(1) : text).replace(SEPARATORS, '');
  if (/[a-z]/i.test(rest)) {
    return {
      ok: false,
      code: 'invalid_phone',
      message:
        'A phone number has only digits. Remove the letters; for an extension type "ext" and its digits, e.g. +1 206 555 0101 ext 12.',
    };
  }
  if (!/^\d+$/.test(rest)) {
    return {
      ok: false,
      code: 'invalid_phone',
      message:
        'This is not a phone number. Type digits only, with the country code if it is abroad, e.g. +44 20 7946 0958.',
    };
  }
  return extension
    ? { ok: true, main: (plus ? '+' : '') + rest, extension }
    : { ok: true, main: (plus ? '+' : '') + rest };
}
