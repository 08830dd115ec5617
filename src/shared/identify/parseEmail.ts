/**
 * Email addresses as callers, mail clients and ticket systems hand them over: trimmed, lower-cased,
 * without `mailto:` (and its `?subject=…`), without a display name (`Dana Reyes <dana@acme.com>`,
 * `"Reyes, Dana" <dana@acme.com>`). Internationalised domains become their ASCII (punycode) form so
 * they compare equal to what the directory stores. Never throws.
 */
import { isPublicDomain } from './publicDomains.js';

export type ParsedEmail =
  | { ok: true; address: string; local: string; domain: string; publicDomain: boolean }
  | { ok: false; code: 'empty' | 'invalid_email'; message: string };

const MAX_ADDRESS = 254;
/** RFC 5322 dot-atom local part (no quoted strings: nobody gives those to a help desk). */
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const invalid = (message: string): ParsedEmail => ({ ok: false, code: 'invalid_email', message });

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** ASCII form of a possibly internationalised domain (uses the URL parser every JS runtime has). */
function asciiDomain(domain: string): string | undefined {
  if (/^[\x20-\x7e]*$/.test(domain)) return domain;
  if (/[\p{Cc}\s]/u.test(domain)) return undefined; // the URL parser would silently drop tabs and newlines
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * A bare, valid ASCII address such as the directory stores: checked in one regex pass, because the
 * caller index normalises ~100k of them on every build. Anything else takes the general path.
 */
const PLAIN_ADDRESS =
  /^(?!\.)(?!.*\.\.)[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}(?<!\.)@(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;

/** The normalised address alone (no provider check), or undefined when it is not an address. */
export function normalizeEmail(input: string): string | undefined {
  const lower = typeof input === 'string' && input.length <= MAX_ADDRESS ? input.toLowerCase() : '';
  if (PLAIN_ADDRESS.test(lower)) return lower;
  const parsed = parseEmail(input);
  return parsed.ok ? parsed.address : undefined;
}

/** Normalises an email address as typed or pasted; a typed error says what to type instead. */
export function parseEmail(input: string): ParsedEmail {
  const raw = typeof input === 'string' ? input : '';
  // ASCII needs no Unicode normalisation (the common case, and what index builds feed in bulk).
  let text = (/^[\x20-\x7e]*$/.test(raw) ? raw : raw.normalize('NFKC').replace(/\p{Cf}/gu, '')).trim();
  if (!text) return { ok: false, code: 'empty', message: 'Enter an email address.' };
  if (text.length > 2 * MAX_ADDRESS)
    return invalid('That is too long for an email address. Type only the address, e.g. dana@acme.com.');
  const angle = /<([^<>]*)>\s*$/.exec(text);
  if (angle) text = angle[1]!.trim();
  if (/^mailto:/i.test(text)) text = safeDecode(text.slice('mailto:'.length).split('?')[0]!).trim();
  text = text.toLowerCase().replace(/\.$/, '');

  const at = text.lastIndexOf('@');
  if (at < 0) return invalid('An email address needs an @, e.g. dana@acme.com.');
  const local = text.slice(0, at);
  const domain = asciiDomain(text.slice(at + 1));
  if (!local) return invalid('Type the part before the @ as well, e.g. dana@acme.com.');
  if (!LOCAL.test(local) || local.length > 64)
    return invalid(
      'The part before the @ has characters an email address cannot have. Check for spaces or a second @.',
    );
  const labels = domain?.split('.') ?? [];
  if (!domain || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels.at(-1)!)) {
    return invalid('The part after the @ is not a domain. Type it like acme.com.');
  }
  const address = `${local}@${domain}`;
  if (address.length > MAX_ADDRESS)
    return invalid('That is too long for an email address. Type only the address, e.g. dana@acme.com.');
  return { ok: true, address, local, domain, publicDomain: isPublicDomain(domain) };
}
