/**
 * Screen-pop links: `callsign://lookup?phone=…`, `?email=…` or `?text=…` (several numbers, e.g. an
 * e-mail signature), each with an optional `&country=GB` hint (Electron protocol handler, CLI), and
 * the web bridge's hash route `#/lookup?phone=…`. Everything else is refused with an error that says
 * what a valid link looks like. Pure; never throws.
 */
import { supportedCountry } from '../phone/normalizePhone.js';

type Hint = { country?: string };
export type DeepLink =
  | ({ kind: 'lookup'; phone: string } & Hint)
  | ({ kind: 'lookup'; email: string } & Hint)
  | ({ kind: 'lookup'; text: string } & Hint);
export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; message: string };

const EXAMPLE =
  'Use callsign://lookup?phone=+12065550101 (optionally &country=GB) or callsign://lookup?email=name@example.com.';
const MAX_LENGTH = 2048;
/** The lookup's own limit on text (shared/api/lookup.ts MAX_LOOKUP_TEXT); a link is cut at MAX_LENGTH. */
const MAX_TEXT = 2000;
const VALUE_KEYS = ['phone', 'email', 'text'] as const;

function fail(why: string): DeepLinkResult {
  return { ok: false, message: `${why} ${EXAMPLE}` };
}

/** Parses the query part (exactly one of `phone`, `email`, `text`; at most one `country`). */
export function parseLookupQuery(query: string): DeepLinkResult {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return fail('The link’s query could not be read.');
  }
  const keys = [...new Set(params.keys())];
  const unknown = keys.filter((k) => !(VALUE_KEYS as readonly string[]).includes(k) && k !== 'country');
  if (unknown.length) return fail(`Unknown parameter "${unknown[0]!.slice(0, 32)}".`);
  const given = VALUE_KEYS.flatMap((k) => params.getAll(k).map((v) => [k, v] as const));
  if (given.length !== 1) return fail('Give exactly one phone, email or text.');
  const [key, raw] = given[0]!;
  const control = key === 'text' ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/; // eslint-disable-line no-control-regex -- refusing control characters is the point (text keeps line breaks and tabs)
  if (control.test(raw)) return fail('The value contains control characters.');
  const value = raw.trim();
  if (!value) return fail(`The ${key} is empty.`);
  if (value.length > (key === 'text' ? MAX_TEXT : 254)) return fail('The value is too long.');
  const countries = params.getAll('country');
  if (countries.length > 1) return fail('Give at most one country.');
  let hint: Hint = {};
  if (countries.length === 1) {
    const country = supportedCountry(countries[0]);
    if (!country) return fail('The country must be a two-letter ISO code such as GB, DE or US.');
    hint = { country };
  }
  const link: DeepLink =
    key === 'phone'
      ? { kind: 'lookup', phone: value, ...hint }
      : key === 'email'
        ? { kind: 'lookup', email: value, ...hint }
        : { kind: 'lookup', text: value, ...hint };
  return { ok: true, link };
}

/** Parses a full `callsign://` URL. */
export function parseDeepLink(url: string): DeepLinkResult {
  if (typeof url !== 'string' || url.length > MAX_LENGTH) return fail('The link is missing or too long.');
  const m = /^callsign:\/\/([a-z]+)\/?(?:\?(.*))?$/is.exec(url.trim());
  if (!m) return fail('This is not a Callsign link.');
  if (m[1]!.toLowerCase() !== 'lookup')
    return fail(`Callsign links can only look up callers, not "${m[1]!.slice(0, 32)}".`);
  return parseLookupQuery(m[2] ?? '');
}

/** The `deeplink.lookup` event payload for a link (main → renderer). */
export function lookupEvent(link: DeepLink): { phone?: string; email?: string; text?: string; country?: string } {
  const { kind: _kind, ...rest } = link;
  return rest;
}

/** The hash route for the web bridge and renderer: `#/lookup?phone=…[&country=GB]`. */
export function lookupRoute(link: DeepLink): string {
  const q =
    'phone' in link
      ? `phone=${encodeURIComponent(link.phone)}`
      : 'email' in link
        ? `email=${encodeURIComponent(link.email)}`
        : `text=${encodeURIComponent(link.text)}`;
  return `/lookup?${q}${link.country ? `&country=${link.country}` : ''}`;
}
