/**
 * normalizePhone remembered for the length of one import. Parsing a number costs 30–100 µs (the
 * full metadata, and for +1/+44/+7 a check of every country sharing the code); an import parses
 * each cell's number while validating and the site's stored numbers again while planning — the
 * same text for every row of an exported file — so the plan's parses become lookups.
 */
import { normalizePhone, type NormalizedPhone } from '../../../shared/phone/normalizePhone.js';

export type NormalizePhone = (text: string, country: string | undefined) => NormalizedPhone;

/** A fresh memo per import: it holds phone numbers, so it lives no longer than the import's rows. */
export function rememberPhoneParses(): NormalizePhone {
  const seen = new Map<string, NormalizedPhone>();
  return (text, country) => {
    const key = `${country ?? ''}\u0000${text}`;
    let parsed = seen.get(key);
    if (!parsed) seen.set(key, (parsed = normalizePhone(text, country)));
    return parsed;
  };
}
