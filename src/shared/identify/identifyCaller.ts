/**
 * Who is calling: parses what the technician typed or the phone system passed (a number in any
 * format, a tel:/sip: URI, or an email address), looks it up in the caller index and ranks the
 * matches. A few Map reads; the parsing (libphonenumber) dominates at tens of microseconds.
 */
import { normalizePhone } from '../phone/normalizePhone.js';
import { parseEmail } from './parseEmail.js';
import type { Candidate, CallerIndex, IdentifyErrorCode, IdentifyOutcome, ParsedQuery } from './types.js';

export interface IdentifyOptions {
  /** Country for numbers typed without a country code; defaults to the index's most common site country. */
  defaultCountry?: string;
}

const fail = (code: IdentifyErrorCode, message: string): IdentifyOutcome => ({ ok: false, error: { code, message } });

/** SIP and tel URIs carry an "@" (sip:+1…@pbx) but are phone numbers. */
const PHONE_URI = /^(?:"[^"]*"\s*|[^<@]*)?<?\s*(?:tel|sips?|callto):/i;

/** Strongest first; ties in a stable order so the UI never reshuffles the same result. */
function rank(candidates: Candidate[]): Candidate[] {
  return candidates.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      a.siteId.localeCompare(b.siteId) ||
      (a.profileId ?? '').localeCompare(b.profileId ?? ''),
  );
}

function result(query: ParsedQuery, found: Candidate[]): IdentifyOutcome {
  const candidates = rank(found);
  const top = candidates[0]?.confidence;
  const topSites = new Set(candidates.filter((c) => c.confidence === top).map((c) => c.siteId));
  return { ok: true, result: { query, candidates, ambiguous: topSites.size > 1 } };
}

/** Identifies a caller from a phone number or an email address. Never throws. */
export function identifyCaller(index: CallerIndex, input: string, options: IdentifyOptions = {}): IdentifyOutcome {
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) return fail('empty', 'Enter the caller’s phone number or email address.');

  if (text.includes('@') && !PHONE_URI.test(text)) {
    const email = parseEmail(text);
    if (!email.ok) return fail(email.code, email.message);
    const query: ParsedQuery = {
      kind: 'email',
      address: email.address,
      domain: email.domain,
      publicDomain: email.publicDomain,
    };
    return result(query, index.candidatesForEmail(email.address, email.domain));
  }

  if (!/\p{Nd}/u.test(text)) {
    return fail(
      'unrecognised',
      'Type the caller’s phone number (e.g. +1 206 555 0101) or email address (e.g. dana@acme.com).',
    );
  }
  const phone = normalizePhone(text, options.defaultCountry ?? index.defaultCountry);
  if (!phone.ok) return fail(phone.code === 'invalid_country' ? 'invalid_phone' : phone.code, phone.message);
  const query: ParsedQuery = {
    kind: 'phone',
    e164: phone.e164,
    ...(phone.extension ? { extension: phone.extension } : {}),
    ...(phone.country ? { country: phone.country } : {}),
  };
  return result(query, index.candidatesForPhone(phone.e164));
}
