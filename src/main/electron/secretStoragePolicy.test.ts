import { describe, expect, it } from 'vitest';
import { secretStorageMode } from './secretStoragePolicy.js';

describe('secretStorageMode', () => {
  it('keeps the refresh token across restarts only behind a real OS keychain', () => {
    expect(secretStorageMode({ platform: 'darwin', encryptionAvailable: true })).toEqual({ persistent: true });
    expect(secretStorageMode({ platform: 'win32', encryptionAvailable: true })).toEqual({ persistent: true });
    expect(secretStorageMode({ platform: 'linux', encryptionAvailable: true, backend: 'gnome_libsecret' })).toEqual({
      persistent: true,
    });
    expect(secretStorageMode({ platform: 'linux', encryptionAvailable: true, backend: 'kwallet5' })).toEqual({
      persistent: true,
    });
  });
  it("refuses Linux's basic_text backend (a key hard-coded in Chromium: plain text in effect)", () => {
    expect(secretStorageMode({ platform: 'linux', encryptionAvailable: true, backend: 'basic_text' })).toEqual({
      persistent: false,
      reason: 'basic_text',
    });
    expect(secretStorageMode({ platform: 'linux', encryptionAvailable: true, backend: 'unknown' })).toEqual({
      persistent: false,
      reason: 'basic_text',
    });
    expect(secretStorageMode({ platform: 'linux', encryptionAvailable: true })).toEqual({
      persistent: false,
      reason: 'basic_text',
    });
  });
  it('keeps the token in memory only when encryption is unavailable', () => {
    expect(secretStorageMode({ platform: 'darwin', encryptionAvailable: false })).toEqual({
      persistent: false,
      reason: 'unavailable',
    });
  });
});
