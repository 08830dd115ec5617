/**
 * Sealing and opening vault secrets. SECRET boundary: plaintext passwords exist only in memory
 * between `open` and the check-out response (or the driver call); what is stored is the sealed form.
 * AAD binds each value to its row and version (`credential:<id>:v<n>`), so a sealed secret copied
 * to another account or replayed as another version does not open.
 */
import { AppError } from '../../shared/api/index.js';
import { NO_KEY_MESSAGE, open, seal, type ServerKey } from '../crypto/serverKey.js';

export const credentialAad = (id: string, version: number) => `credential:${id}:v${version}`;
export const directoryAad = (siteId: string) => `vault-directory:${siteId}`;

export class VaultCipher {
  constructor(private readonly key: ServerKey) {}

  seal(plaintext: string, aad: string): string {
    return seal(this.key.subkey('vault'), plaintext, aad);
  }

  open(sealed: string, aad: string): string {
    return open(this.key.subkey('vault'), sealed, aad);
  }
}

/** Every vault route answers this without a key: 503 with how to configure one. */
export function requireCipher(cipher: VaultCipher | null): VaultCipher {
  if (!cipher) throw new AppError('unavailable', NO_KEY_MESSAGE);
  return cipher;
}
