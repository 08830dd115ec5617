/**
 * The only file that touches Electron's safeStorage. Secrets (today: the refresh token) are
 * encrypted with the OS keychain-backed key and kept in `<userData>/secrets.bin` as base64
 * ciphertext. Where safeStorage does not really protect them (no keychain, or Linux's `basic_text`
 * backend with its hard-coded key — see secretStoragePolicy.ts), nothing is written, a file left
 * by an earlier run is deleted, and the secret lives in memory for this run only; `mode` tells the
 * sign-in screen to say so.
 */
import { safeStorage } from 'electron';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../services/secretStore.js';
import { secretStorageMode, type SecretStorageMode } from './secretStoragePolicy.js';

export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string;
  private readonly memory = new Map<string, string>();
  readonly mode: SecretStorageMode;

  /** Construct after `app.whenReady()`: Linux picks its safeStorage backend at ready. */
  constructor(userDataDir: string, warn: (message: string) => void) {
    this.file = join(userDataDir, 'secrets.bin');
    this.mode = secretStorageMode({
      platform: process.platform,
      encryptionAvailable: safeStorage.isEncryptionAvailable(),
      backend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    });
    if (!this.mode.persistent) {
      warn(`safeStorage cannot protect secrets here (${this.mode.reason}); sign-in will last for this run only`);
      rmSync(this.file, { force: true });
    }
  }

  private load(): Record<string, string> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {}; // no file yet (or unreadable): no stored sign-in, the person signs in again
    }
  }

  async get(key: string) {
    if (!this.mode.persistent) return this.memory.get(key);
    const blob = this.load()[key];
    return blob ? safeStorage.decryptString(Buffer.from(blob, 'base64')) : undefined;
  }

  async set(key: string, value: string) {
    if (!this.mode.persistent) return void this.memory.set(key, value);
    const all = this.load();
    all[key] = safeStorage.encryptString(value).toString('base64');
    writeFileSync(this.file, JSON.stringify(all), { mode: 0o600 });
  }

  async delete(key: string) {
    this.memory.delete(key);
    const all = this.load();
    delete all[key];
    if (Object.keys(all).length) writeFileSync(this.file, JSON.stringify(all), { mode: 0o600 });
    else rmSync(this.file, { force: true });
  }
}
