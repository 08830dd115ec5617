/**
 * New dynamic passwords: 12 alphanumeric characters from the CSPRNG with at least one upper-case
 * letter, one lower-case letter and one digit (Windows complexity: three of four classes). Drawn by
 * rejection sampling (`randomInt`), so every character is uniform; a draw missing a class is redrawn.
 */
import { randomInt } from 'node:crypto';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALPHABET = UPPER + LOWER + DIGITS;
export const PASSWORD_LENGTH = 12;

export function generatePassword(length = PASSWORD_LENGTH): string {
  for (;;) {
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)]!;
    if (/[A-Z]/.test(out) && /[a-z]/.test(out) && /[0-9]/.test(out)) return out;
  }
}
