/**
 * The one file that touches Electron's clipboard. A copied password goes in one atomic write together
 * with the history-exclusion markers of clipboardFormats.ts (separate writes would each replace the
 * clipboard and drop the markers). Clearing is decided by the LeaseKeeper (only if unchanged).
 */
import { clipboard, ClipboardItem } from 'electron';
import type { Clipboard } from '../services/clipboard.js';
import { secretClipboardEntries } from './clipboardFormats.js';

export class ElectronClipboard implements Clipboard {
  async writeSecret(secret: string): Promise<void> {
    const entries = Object.fromEntries(
      Object.entries(secretClipboardEntries(secret, process.platform)).map(([type, value]) => [
        type,
        typeof value === 'string' ? value : new Blob([value as Uint8Array<ArrayBuffer>]),
      ]),
    );
    await clipboard.write([new ClipboardItem(entries)]);
  }
  readText(): Promise<string> {
    return clipboard.readText();
  }
  async clear(): Promise<void> {
    clipboard.clear();
  }
}
