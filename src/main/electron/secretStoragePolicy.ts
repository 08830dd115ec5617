/**
 * Whether Electron's safeStorage really protects a secret on this machine (pure; the Electron layer
 * feeds it `safeStorage`'s answers). On Linux without a keyring (GNOME libsecret, KWallet),
 * Chromium falls back to the `basic_text` backend, whose key is hard-coded in Chromium's source:
 * "encrypted" there is plain text in effect, so the refresh token is not written at all and the
 * sign-in lasts for this run only. `unknown` is treated the same (Electron reports it before
 * the backend is chosen).
 */
export type SecretStorageMode = { persistent: true } | { persistent: false; reason: 'unavailable' | 'basic_text' };

export function secretStorageMode(facts: {
  platform: string;
  encryptionAvailable: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux. */
  backend?: string;
}): SecretStorageMode {
  if (!facts.encryptionAvailable) return { persistent: false, reason: 'unavailable' };
  if (
    facts.platform === 'linux' &&
    (facts.backend === undefined || ['basic_text', 'unknown'].includes(facts.backend))
  ) {
    return { persistent: false, reason: 'basic_text' };
  }
  return { persistent: true };
}
