/**
 * Password hashing with Node's scrypt (salted, memory-hard) and a constant-time comparison.
 * Stored form: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`; the parameters travel with the hash so
 * they can be raised later without breaking old hashes. The password itself is never stored.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * Production cost: OWASP's scrypt minimum (N=2^17, r=8, p=1; 128 MiB, ~0.3 s per hash on a laptop).
 * Hashes made with weaker parameters (N=2^15 before issue 11) are upgraded at the next sign-in.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function storedParams(stored: string): ScryptParams | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  return [N, r, p].every((n) => Number.isInteger(n) && n > 0) ? { N, r, p } : null;
}

/** Whether a stored hash used any parameter weaker than `current` (never asks to downgrade). */
export function needsRehash(stored: string, current: ScryptParams): boolean {
  const params = storedParams(stored);
  return params !== null && (params.N < current.N || params.r < current.r || params.p < current.p);
}

/** False for a wrong password or a malformed stored hash; never throws for bad input. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const params = storedParams(stored);
  if (!params) return false;
  const parts = stored.split('$');
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const actual = await scrypt(password, salt, params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
