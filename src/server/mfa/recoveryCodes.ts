/**
 * One-time recovery codes: 10 per enrolment, each 80 random bits written as four groups of four
 * Crockford base32 characters ("7KQ4-M2XD-9PRT-W3HF"). Shown once; only SHA-256 of the normalised
 * code is stored (80 bits of randomness make a slow hash unnecessary, as for tokens).
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Upper case, no separators or spaces, and the Crockford look-alikes mapped (O→0, I/L→1). */
export function normalizeRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function hashRecoveryCode(input: string): string {
  return createHash('sha256')
    .update(`recovery:${normalizeRecoveryCode(input)}`)
    .digest('hex');
}
