import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalizePhone } from '../../../shared/phone/normalizePhone.js';

/** Shows a number in international format ("+1 206 555 0101"); falls back to what was typed. */
export function formatPhone(number: string, defaultCountry?: string): string {
  const n = normalizePhone(number, defaultCountry);
  if (!n.ok) return number;
  const parsed = parsePhoneNumberFromString(n.e164);
  const text = parsed?.formatInternational() ?? n.e164;
  return n.extension ? `${text} ext. ${n.extension}` : text;
}

/** E.164 of a stored number, or undefined when it does not parse. */
export function toE164(number: string, defaultCountry?: string): string | undefined {
  const n = normalizePhone(number, defaultCountry);
  return n.ok ? n.e164 : undefined;
}
