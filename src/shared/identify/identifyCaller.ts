/**
 * Who is calling: parses what the technician typed or the phone system passed (a number in any
 * format, a tel:/sip: URI, or an email address), looks it up in the caller index and ranks the
 * matches. A number without a country code is read in the hint country and in every country the
 * directory has sites in (phoneReadings.ts); each reading that matches becomes a candidate. A few Map
 * reads per country; libphonenumber's parse, when needed, dominates at tens of microseconds.
 */
import { cleanPhoneText } from '../phone/cleanPhoneText.js';
import { normalizePhone } from '../phone/normalizePhone.js';
import { parseEmail } from './parseEmail.js';
import { checkReading, countriesToTry, phoneReadings, type PhoneReading } from './phoneReadings.js';
import type { Candidate, CallerLookup, IdentifyErrorCode, IdentifyOutcome, ParsedQuery } from './types.js';

export interface IdentifyOptions {
  /**
   * Country hint (ISO alpha-2): where the call or the technician is. National numbers are read in it
   * first and its reading ranks first; the directory's countries are tried after it.
   */
  country?: string;
  /** @deprecated the same as `country` (kept for callers written before the hint). */
  defaultCountry?: string;
}

const fail = (code: IdentifyErrorCode, message: string): IdentifyOutcome => ({ ok: false, error: { code, message } });

/** SIP and tel URIs carry an "@" (sip:+1…@pbx) but are phone numbers. */
const PHONE_URI = /^(?:"[^"]*"\s*|[^<@]*)?<?\s*(?:tel|sips?|callto):/i;

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return undefined; // an engine without Intl.DisplayNames: codes are still readable
  }
})();

/** "the United Kingdom, Germany or the United States (GB, DE, US)" for error messages. */
export function countryList(codes: readonly string[]): string {
  const names = codes.map((c) => regionNames?.of(c) ?? c);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? '');
  return `${list} (${codes.join(', ')})`;
}

interface Ranked extends Candidate {
  /** 0 when the hint country's reading matched (or the number was international), else 1. */
  hintRank: number;
  /** Readings that matched this candidate's site: more means more likely. */
  siteReadings: number;
}

/** Valid before possible-only, hint before other countries, more readings, stronger kind; then stable ids. */
function rank(candidates: Ranked[]): Candidate[] {
  candidates.sort(
    (a, b) =>
      Number(a.possibleOnly ?? false) - Number(b.possibleOnly ?? false) ||
      a.hintRank - b.hintRank ||
      b.siteReadings - a.siteReadings ||
      b.confidence - a.confidence ||
      a.siteId.localeCompare(b.siteId) ||
      (a.profileId ?? '').localeCompare(b.profileId ?? ''),
  );
  return candidates.map(({ hintRank: _h, siteReadings: _s, ...c }) => c);
}

function result(query: ParsedQuery, candidates: Candidate[]): IdentifyOutcome {
  // Two sites matched by the same input are ambiguous whatever the kind of match (a person's mobile
  // at one company is another company's main number): show both, never auto-pick.
  const sites = new Set(candidates.map((c) => c.siteId));
  return { ok: true, result: { query, candidates, ambiguous: sites.size > 1 } };
}

function identifyPhone(index: CallerLookup, text: string, hint: string | undefined): IdentifyOutcome {
  const cleaned = cleanPhoneText(text);
  if (!cleaned.ok) return fail(cleaned.code, cleaned.message);
  const { main, extension } = cleaned;
  const countries = countriesToTry(hint, index.countries);
  const readings = phoneReadings(main, countries);
  const hintCountry = countries[0] === hint?.toUpperCase() ? countries[0] : undefined;

  const found: Array<Candidate & { reading: PhoneReading }> = [];
  const checked = new Map<PhoneReading, ReturnType<typeof checkReading>>();
  const check = (r: PhoneReading) => {
    let v = checked.get(r);
    if (v === undefined) checked.set(r, (v = checkReading(main, r)));
    return v;
  };
  const isValid = (r: PhoneReading) => check(r).valid;
  for (const reading of readings) {
    for (const c of index.candidatesForPhone(reading.e164)) {
      found.push({
        ...c,
        ...(reading.country ? { readAs: reading.country } : {}),
        ...(isValid(reading) ? {} : { possibleOnly: true as const }),
        reading,
      });
    }
  }
  const firstValid = readings.find(isValid);
  if (found.length === 0 && !firstValid) return phoneError(main, text, countries);

  const readingsPerSite = new Map<string, Set<PhoneReading>>();
  for (const c of found) {
    const set = readingsPerSite.get(c.siteId) ?? new Set();
    readingsPerSite.set(c.siteId, set.add(c.reading));
  }
  const ranked = rank(
    found.map(({ reading, ...c }) => ({
      ...c,
      hintRank: !reading.country || (hintCountry && reading.countries.includes(hintCountry)) ? 0 : 1,
      siteReadings: readingsPerSite.get(c.siteId)!.size,
    })),
  );
  const best = ranked[0] ? readings.find((r) => r.e164 === ranked[0]!.value)! : firstValid!;
  const { country } = check(best);
  const query: ParsedQuery = {
    kind: 'phone',
    e164: best.e164,
    ...(extension ? { extension } : {}),
    ...(country ? { country } : {}),
    ...(main.startsWith('+') ? {} : { countriesTried: countries }),
  };
  return result(query, ranked);
}

/** No reading is valid and none matched: normalizePhone's reason, naming every country tried. */
function phoneError(main: string, text: string, countries: readonly string[]): IdentifyOutcome {
  const first = normalizePhone(text, countries[0]);
  const code: IdentifyErrorCode = first.ok || first.code === 'invalid_country' ? 'invalid_phone' : first.code;
  const message = first.ok ? '' : first.message;
  if (main.startsWith('+') || countries.length <= 1) return fail(code, message);
  return fail(
    code,
    `This is not a valid phone number in ${countryList(countries)}. Check the digits, or type it with its country code, e.g. +44 20 7946 0958.`,
  );
}

/** Identifies a caller from a phone number or an email address. Never throws. */
export function identifyCaller(index: CallerLookup, input: string, options: IdentifyOptions = {}): IdentifyOutcome {
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
    const candidates = index.candidatesForEmail(email.address, email.domain);
    return result(query, rank(candidates.map((c) => ({ ...c, hintRank: 0, siteReadings: 0 }))));
  }

  if (!/\p{Nd}/u.test(text)) {
    return fail(
      'unrecognised',
      'Type the caller’s phone number (e.g. +1 206 555 0101) or email address (e.g. dana@acme.com).',
    );
  }
  return identifyPhone(index, text, options.country ?? options.defaultCountry);
}
