/**
 * What Callsign puts on the OS clipboard for a copied password: the text, plus the markers clipboard
 * managers honour so the password stays out of clipboard history and cloud clipboard sync.
 * - Windows: `ExcludeClipboardContentFromMonitorProcessing` (any data: monitors skip the content), and
 *   `CanIncludeInClipboardHistory` / `CanUploadToCloudClipboard` as DWORD 0 (Win+V history, cloud sync).
 * - macOS: `org.nspasteboard.ConcealedType` (nspasteboard.org convention: managers don't record it).
 * - Linux (KDE Klipper): `x-kde-passwordManagerHint` = `secret`.
 * Pure, so it is tested without Electron; electronClipboard.ts writes the entries in one atomic write.
 */

/** Electron's prefix for a raw platform clipboard format in a ClipboardItem. */
export const rawFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

const DWORD_ZERO = new Uint8Array(4);

/** SECRET: the MIME type → payload entries of the one ClipboardItem that carries the password. */
export function secretClipboardEntries(secret: string, platform: NodeJS.Platform): Record<string, string | Uint8Array> {
  const entries: Record<string, string | Uint8Array> = { 'text/plain': secret };
  if (platform === 'win32') {
    entries[rawFormat('ExcludeClipboardContentFromMonitorProcessing')] = new Uint8Array(1);
    entries[rawFormat('CanIncludeInClipboardHistory')] = DWORD_ZERO;
    entries[rawFormat('CanUploadToCloudClipboard')] = DWORD_ZERO;
  } else if (platform === 'darwin') {
    entries[rawFormat('org.nspasteboard.ConcealedType')] = new Uint8Array(0);
  } else if (platform === 'linux') {
    entries[rawFormat('x-kde-passwordManagerHint')] = new TextEncoder().encode('secret');
  }
  return entries;
}
