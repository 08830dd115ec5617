/**
 * The only file that touches Electron's safeStorage. Secrets (today: the refresh token) are
 * encrypted with the OS keychain-backed key and kept in `<userData>/secrets.bin` as base64
 * ciphertext; when encryption is unavailable (no keychain), nothing is written and the secret
 * lives in memory for this run only.
 */
import { safeStorage } from 'electron';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../services/secretStore.js';

export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string;
  private readonly memory = new Map<string, string>();

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'secrets.bin');
  }

  private load(): Record<string, string> {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  async get(key: string) {
    if (!safeStorage.isEncryptionAvailable()) return this.memory.get(key);
    const blob = this.load()[key];
    return blob ? safeStorage.decryptString(Buffer.from(blob, 'base64')) : undefined;
  }

  async set(key: string, value: string) {
    if (!safeStorage.isEncryptionAvailable()) return void this.memory.set(key, value);
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
