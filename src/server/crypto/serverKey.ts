/**
 * The server's one secret key (issue 10 vault, issue 11 files and keys at rest): 32 random bytes from
 * `CALLSIGN_VAULT_KEY_FILE` (a file holding the key in base64) or `CALLSIGN_VAULT_KEY` (base64),
 * never from or in the database. `serve --demo` creates a 0600 key file in its data folder.
 *
 * Purposes get their own sub-key (HKDF-SHA256 with the purpose as info), so the vault's data key,
 * the TOTP-secret key, the SMS-code HMAC key and the audit-anchor key are independent: knowing one
 * tells nothing of the others, and a key rotation re-derives all of them.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_BYTES = 32;
export const KEY_FILE_NAME = 'vault.key';

export type KeyPurpose = 'vault' | 'totp' | 'sms-hmac' | 'audit-anchor' | 'audit-export';

export class ServerKeyError extends Error {
  override name = 'ServerKeyError';
}

/** What to tell an operator when no key is configured (vault routes answer 503 with it). */
export const NO_KEY_MESSAGE =
  'The vault has no key. Set CALLSIGN_VAULT_KEY_FILE to a file holding 32 random bytes in base64 ' +
  '(e.g. `openssl rand -base64 32 > vault.key && chmod 600 vault.key`), or CALLSIGN_VAULT_KEY to such a value, ' +
  'then restart the server.';

export class ServerKey {
  private readonly subkeys = new Map<KeyPurpose, Buffer>();

  private constructor(private readonly master: Buffer) {}

  static fromBase64(text: string, source: string): ServerKey {
    const trimmed = text.trim();
    const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
    if (bytes.length !== KEY_BYTES)
      throw new ServerKeyError(
        `${source} must hold ${KEY_BYTES} random bytes in base64 (44 characters); it holds ${bytes.length} bytes. ` +
          'Create one with `openssl rand -base64 32`.',
      );
    return new ServerKey(bytes);
  }

  static generate(): ServerKey {
    return new ServerKey(randomBytes(KEY_BYTES));
  }

  toBase64(): string {
    return this.master.toString('base64');
  }

  /** A 32-byte key for one purpose, derived once and kept in memory. */
  subkey(purpose: KeyPurpose): Buffer {
    let key = this.subkeys.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.master, Buffer.alloc(0), `callsign:${purpose}`, KEY_BYTES));
      this.subkeys.set(purpose, key);
    }
    return key;
  }
}

/**
 * Reads the key from the environment: `CALLSIGN_VAULT_KEY_FILE` wins over `CALLSIGN_VAULT_KEY`.
 * Returns null when neither is set (the vault then answers 503 with NO_KEY_MESSAGE). A set but
 * unreadable or malformed key is an error: starting with a wrong key would make every secret unreadable.
 */
export function loadServerKey(env: Record<string, string | undefined>): ServerKey | null {
  const file = env.CALLSIGN_VAULT_KEY_FILE;
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ServerKeyError(
        `CALLSIGN_VAULT_KEY_FILE: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}). ` +
          'Check the path and that the server may read it.',
      );
    }
    return ServerKey.fromBase64(text, `CALLSIGN_VAULT_KEY_FILE (${file})`);
  }
  const inline = env.CALLSIGN_VAULT_KEY;
  if (inline) return ServerKey.fromBase64(inline, 'CALLSIGN_VAULT_KEY');
  return null;
}

/** The demo's key: `<dataDir>/vault.key` (or `name`), created 0600 on first use and kept across restarts. */
export function ensureKeyFile(
  dataDir: string,
  name: string = KEY_FILE_NAME,
): { key: ServerKey; path: string; created: boolean } {
  const path = join(dataDir, name);
  if (existsSync(path)) {
    chmodSync(path, 0o600);
    return { key: ServerKey.fromBase64(readFileSync(path, 'utf8'), path), path, created: false };
  }
  const key = ServerKey.generate();
  writeFileSync(path, `${key.toBase64()}\n`, { mode: 0o600, flag: 'wx' });
  return { key, path, created: true };
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/**
 * AES-256-GCM with a fresh random 96-bit nonce per call. `aad` binds the ciphertext to where it
 * belongs (e.g. `credential:<id>:v<version>`), so a sealed secret copied to another row or version
 * does not open. Output: `v1.<nonce b64>.<ciphertext b64>.<tag b64>`.
 */
export function seal(key: Buffer, plaintext: string, aad: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, nonce.toString('base64'), body.toString('base64'), cipher.getAuthTag().toString('base64')].join('.');
}

/** Opens what `seal` made with the same key and aad; throws ServerKeyError otherwise (never says why in detail). */
export function open(key: Buffer, sealed: string, aad: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new ServerKeyError('sealed value is not in the v1 format');
  const [, nonce, body, tag] = parts as [string, string, string, string];
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    // The reason (wrong key, wrong aad, altered bytes) is deliberately one message: GCM cannot tell them apart.
    throw new ServerKeyError('sealed value does not open with this key (wrong key, or the value was altered)');
  }
}
