import { describe, expect, it } from 'vitest';
import { rawFormat, secretClipboardEntries } from './clipboardFormats.js';

describe('secretClipboardEntries', () => {
  it('on Windows excludes the password from clipboard monitors, Win+V history and cloud clipboard', () => {
    const e = secretClipboardEntries('Kq7vT2mXp9Lw', 'win32');
    expect(e['text/plain']).toBe('Kq7vT2mXp9Lw');
    expect(Object.keys(e).sort()).toEqual(
      [
        'text/plain',
        'electron application/osclipboard;format="ExcludeClipboardContentFromMonitorProcessing"',
        'electron application/osclipboard;format="CanIncludeInClipboardHistory"',
        'electron application/osclipboard;format="CanUploadToCloudClipboard"',
      ].sort(),
    );
    expect([...(e[rawFormat('CanIncludeInClipboardHistory')] as Uint8Array)]).toEqual([0, 0, 0, 0]);
    expect([...(e[rawFormat('CanUploadToCloudClipboard')] as Uint8Array)]).toEqual([0, 0, 0, 0]);
  });

  it('on macOS marks it concealed (org.nspasteboard.ConcealedType)', () => {
    expect(Object.keys(secretClipboardEntries('x', 'darwin'))).toEqual([
      'text/plain',
      'electron application/osclipboard;format="org.nspasteboard.ConcealedType"',
    ]);
  });

  it('on Linux gives KDE Klipper its password hint, and never puts the password in a marker', () => {
    const e = secretClipboardEntries('Kq7vT2mXp9Lw', 'linux');
    expect(new TextDecoder().decode(e[rawFormat('x-kde-passwordManagerHint')] as Uint8Array)).toBe('secret');
    for (const platform of ['win32', 'darwin', 'linux', 'freebsd'] as const) {
      const entries = secretClipboardEntries('Kq7vT2mXp9Lw', platform);
      const markers = Object.entries(entries).filter(([k]) => k !== 'text/plain');
      for (const [, v] of markers) expect(new TextDecoder().decode(v as Uint8Array)).not.toContain('Kq7v');
    }
  });
});
