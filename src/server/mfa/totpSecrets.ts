/**
 * How a TOTP secret is kept in `totp_credentials.secret`: sealed with the server key's `totp`
 * sub-key (AES-256-GCM, crypto/serverKey.ts), the AAD `totp:<userId>` binding it to its account —
 * a sealed value copied to another user's row does not open. Rows written before migration 0006
 * are marked `plain:<base32>` until sealed.
 */
import { open, seal } from '../crypto/serverKey.js';

const PLAIN = 'plain:';

export class TotpSecrets {
  constructor(private readonly key: Buffer) {}

  seal(userId: string, secret: string): string {
    return seal(this.key, secret, `totp:${userId}`);
  }

  /** The base32 secret; throws ServerKeyError when it does not open with this key. */
  open(userId: string, stored: string): string {
    return stored.startsWith(PLAIN) ? stored.slice(PLAIN.length) : open(this.key, stored, `totp:${userId}`);
  }

  isPlain(stored: string): boolean {
    return stored.startsWith(PLAIN);
  }
}
