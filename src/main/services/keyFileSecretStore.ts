/**
 * The web bridge's persistent SecretStore (Electron uses safeStorage instead): values encrypted with
 * AES-256-GCM under a random 32-byte key kept in `<dataDir>/secrets.key` (mode 0600), ciphertexts
 * in `<dataDir>/secrets.enc` (0600). It protects against a copied data file without the key, not
 * against someone who can read the user's files — which is why the bridge stores only the offline
 * unlock verifier here (itself a slow hash) and keeps the refresh token in memory.
 * Writes are serialised so concurrent set/delete calls never lose each other's keys.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from './secretStore.js';

export class KeyFileSecretStore implements SecretStore {
  private readonly keyFile: string;
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.keyFile = join(dataDir, 'secrets.key');
    this.file = join(dataDir, 'secrets.enc');
  }

  async get(key: string): Promise<string | undefined> {
    await this.queue;
    const blob = this.load()[key];
    return blob === undefined ? undefined : this.open(blob);
  }

  set(key: string, value: string): Promise<void> {
    return this.serial(() => this.save({ ...this.load(), [key]: this.seal(value) }));
  }

  delete(key: string): Promise<void> {
    return this.serial(() => {
      const all = this.load();
      delete all[key];
      this.save(all);
    });
  }

  private serial(work: () => void): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined); // the caller gets the error; the queue goes on
    return next;
  }

  private key(): Buffer {
    if (!existsSync(this.keyFile)) writeFileSync(this.keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
    return readFileSync(this.keyFile);
  }

  private seal(value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  private open(blob: string): string | undefined {
    const raw = Buffer.from(blob, 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch (err) {
      console.warn('Callsign: a stored secret could not be decrypted (key file replaced?); it is ignored', err);
      return undefined;
    }
  }

  private load(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
  }

  private save(all: Record<string, string>): void {
    if (Object.keys(all).length === 0) return void rmSync(this.file, { force: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
