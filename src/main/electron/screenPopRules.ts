/** Pure rules behind the Electron screen pop (tested under Node; screenPop.ts wires them). */
import type { DeepLink } from '../../shared/deeplink/parseDeepLink.js';

export const CLIPBOARD_HOTKEY = 'CommandOrControl+Shift+L';

/** Finds a callsign:// URL among a second instance's argv. */
export function deepLinkFromArgv(argv: string[]): string | undefined {
  return argv.find((a) => a.toLowerCase().startsWith('callsign://'));
}

/** Clipboard text → a lookup link: an email if it has an @, else a phone (the lookup validates it). */
export function linkFromClipboardText(text: string): DeepLink | undefined {
  const value = text.trim().slice(0, 254);
  if (!value || /[\r\n]/.test(value)) return undefined;
  return value.includes('@') ? { kind: 'lookup', email: value } : { kind: 'lookup', phone: value };
}
