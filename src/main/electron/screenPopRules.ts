/** Pure rules behind the Electron screen pop (tested under Node; screenPop.ts wires them). */
import { MAX_LOOKUP_TEXT } from '../../shared/api/lookup.js';
import type { DeepLink } from '../../shared/deeplink/parseDeepLink.js';
import { cleanPhoneText } from '../../shared/phone/cleanPhoneText.js';

export const CLIPBOARD_HOTKEY = 'CommandOrControl+Shift+L';

/** Finds a callsign:// URL among a second instance's argv. */
export function deepLinkFromArgv(argv: string[]): string | undefined {
  return argv.find((a) => a.toLowerCase().startsWith('callsign://'));
}

/**
 * Clipboard text → a lookup link: one phone number (any format the lookup reads), an email address,
 * or otherwise text (a copied signature: every number in it is looked up). Text is cut at the
 * lookup's 2,000 characters; text without any digit is not a caller and pops nothing.
 */
export function linkFromClipboardText(text: string, country?: string): DeepLink | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const hint = country ? { country } : {};
  if (value.length <= 254 && cleanPhoneText(value).ok) return { kind: 'lookup', phone: value, ...hint };
  if (value.length <= 254 && value.includes('@') && !/\s/.test(value)) return { kind: 'lookup', email: value, ...hint };
  if (!/\d/.test(value)) return undefined;
  return { kind: 'lookup', text: value.slice(0, MAX_LOOKUP_TEXT), ...hint };
}
