/**
 * Screen-pop links: `callsign://lookup?phone=…` or `callsign://lookup?email=…` (Electron protocol
 * handler, CLI) and the web bridge's hash route `#/lookup?phone=…`. Everything else is refused with
 * an error that says what a valid link looks like. Pure; never throws.
 */
export type DeepLink = { kind: 'lookup'; phone: string } | { kind: 'lookup'; email: string };
export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; message: string };

const EXAMPLE = 'Use callsign://lookup?phone=+12065550101 or callsign://lookup?email=name@example.com.';
const MAX_LENGTH = 512;

function fail(why: string): DeepLinkResult {
  return { ok: false, message: `${why} ${EXAMPLE}` };
}

/** Parses the query part (`phone=…` or `email=…`, exactly one, nothing else). */
export function parseLookupQuery(query: string): DeepLinkResult {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return fail('The link’s query could not be read.');
  }
  const keys = [...new Set(params.keys())];
  const unknown = keys.filter((k) => k !== 'phone' && k !== 'email');
  if (unknown.length) return fail(`Unknown parameter "${unknown[0]!.slice(0, 32)}".`);
  const phone = params.getAll('phone');
  const email = params.getAll('email');
  if (phone.length + email.length !== 1) return fail('Give exactly one phone or email.');
  const raw = phone[0] ?? email[0] ?? '';
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fail('The value contains control characters.');
  const value = raw.trim();
  if (!value) return fail(`The ${phone.length ? 'phone' : 'email'} is empty.`);
  if (value.length > 254) return fail('The value is too long.');
  return { ok: true, link: phone.length ? { kind: 'lookup', phone: value } : { kind: 'lookup', email: value } };
}

/** Parses a full `callsign://` URL. */
export function parseDeepLink(url: string): DeepLinkResult {
  if (typeof url !== 'string' || url.length > MAX_LENGTH) return fail('The link is missing or too long.');
  const m = /^callsign:\/\/([a-z]+)\/?(?:\?(.*))?$/i.exec(url.trim());
  if (!m) return fail('This is not a Callsign link.');
  if (m[1]!.toLowerCase() !== 'lookup')
    return fail(`Callsign links can only look up callers, not "${m[1]!.slice(0, 32)}".`);
  return parseLookupQuery(m[2] ?? '');
}

/** The hash route for the web bridge and renderer: `#/lookup?phone=…`. */
export function lookupRoute(link: DeepLink): string {
  const q = 'phone' in link ? `phone=${encodeURIComponent(link.phone)}` : `email=${encodeURIComponent(link.email)}`;
  return `/lookup?${q}`;
}
