import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from './recoveryCodes.js';
import { checkTotp, newTotpSecret, totpCode, totpProvisioning } from './totp.js';

/** RFC 6238 appendix B, SHA-1 key "12345678901234567890". */
const RFC_SECRET = new Secret({ buffer: new TextEncoder().encode('12345678901234567890').buffer as ArrayBuffer })
  .base32;
const RFC_VECTORS: ReadonlyArray<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors (8 digits, and their last 6 as we use them)', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [seconds, code] of RFC_VECTORS) {
      expect(TOTP.generate({ secret: Secret.fromBase32(RFC_SECRET), digits: 8, timestamp: seconds * 1000 })).toBe(code);
      expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code.slice(2));
    }
  });

  it('accepts a code one step either side, returns its step, and never the same step twice', () => {
    const t = 1111111111_000;
    const code = totpCode(RFC_SECRET, t);
    const step = checkTotp(RFC_SECRET, code, t, null);
    expect(step).toBe(Math.floor(t / 30_000));
    expect(checkTotp(RFC_SECRET, code, t + 30_000, null)).toBe(step);
    expect(checkTotp(RFC_SECRET, code, t + 90_000, null)).toBeNull();
    expect(checkTotp(RFC_SECRET, code, t, step)).toBeNull();
    expect(checkTotp(RFC_SECRET, '000000', t, null)).toBeNull();
  });

  it('makes 160-bit secrets and an otpauth URI with a QR code', async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const { otpauthUri, qrCodeDataUrl } = await totpProvisioning(secret, 'dana@example.com');
    expect(otpauthUri).toBe(
      `otpauth://totp/Callsign:dana%40example.com?issuer=Callsign&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]{100,}/);
  });
});

describe('recovery codes', () => {
  it('are 4×4 Crockford base32, random, and match however they are typed', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(new Set(codes).size).toBe(50);
    const code = codes[0]!;
    expect(hashRecoveryCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(hashRecoveryCode(code));
    expect(normalizeRecoveryCode('o1il-0000')).toBe('01110000');
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
