import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password.js';

const fast = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Zoë’s päss', fast);
    const b = await hashPassword('Zoë’s päss', fast);
    expect(a).not.toBe(b);
    expect(a).not.toContain('päss');
    expect(await verifyPassword('Zoë’s päss', a)).toBe(true);
    expect(await verifyPassword('Zoë’s pass', a)).toBe(false);
  });

  it('uses scrypt N=2^17 (OWASP) by default and never throws on malformed hashes', async () => {
    expect(await hashPassword('x')).toMatch(/^scrypt\$131072\$8\$1\$/);
    for (const bad of ['', 'scrypt$', 'bcrypt$1$2$3$4$5', 'scrypt$x$8$1$AA==$AA=='])
      expect(await verifyPassword('x', bad)).toBe(false);
  });

  it('asks for a rehash only when a stored parameter is weaker than the current ones', async () => {
    const weak = await hashPassword('x', { N: 512, r: 8, p: 1 });
    expect(needsRehash(weak, fast)).toBe(true);
    expect(needsRehash(await hashPassword('x', fast), fast)).toBe(false);
    expect(needsRehash(await hashPassword('x', { N: 2048, r: 8, p: 1 }), fast)).toBe(false); // never downgrade
    expect(needsRehash('not a hash', fast)).toBe(false);
  });
});
