import { describe, expect, it } from 'vitest';
import { generatePassword } from './generatePassword.js';

describe('generatePassword', () => {
  it('makes 12 alphanumeric characters with upper, lower and digit, all different draws', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[0-9]/);
      seen.add(p);
    }
    expect(seen.size).toBe(2000);
  });

  it('uses the whole alphabet', () => {
    const chars = new Set(Array.from({ length: 300 }, () => generatePassword()).join(''));
    expect(chars.size).toBe(62);
  });
});
