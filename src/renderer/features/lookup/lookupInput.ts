import { cleanPhoneText } from '../../../shared/phone/cleanPhoneText.js';

/** When the lookup runs by itself as the technician types (Enter always runs it). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

export function looksLikeFullEmail(input: string): boolean {
  return EMAIL.test(input.trim());
}

export function digitCount(input: string): number {
  return input.replace(/\D/g, '').length;
}

/** A phone with at least 7 digits, or a complete email address. */
export function shouldRunAsYouType(input: string): boolean {
  const text = input.trim();
  if (!text) return false;
  if (text.includes('@')) return looksLikeFullEmail(text);
  return digitCount(text) >= 7;
}

/** Reads `?phone=` / `?email=` / `?text=` from the lookup route into the box's text. */
export function inputFromSearchParams(params: URLSearchParams): string | undefined {
  return params.get('phone') ?? params.get('email') ?? params.get('text') ?? params.get('q') ?? undefined;
}

/**
 * Text rather than one number or address: a pasted signature ("Tel 09422 1000 · Fax 09422 805000"),
 * looked up number by number. One phone in any format the lookup reads, or one address, is not.
 */
export function isTextLookup(input: string): boolean {
  const text = input.trim();
  if (digitCount(text) < 7 || cleanPhoneText(text).ok) return false;
  const singleAddress = (text.match(/@/g) ?? []).length === 1 && !/(?:tel|sips?|callto):/i.test(text);
  return !(singleAddress && !/\d{3}/.test(text.replace(/\S*@\S*/, '')));
}
