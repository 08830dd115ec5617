/**
 * TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) via `otpauth`. Codes are accepted one step
 * either side of now (clock drift); the caller stores the step a code was accepted for and passes
 * it back as `notAfterStep`, so a code can never be used twice. Secrets are 160 random bits (base32).
 */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'Callsign';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
  });
}

/** `otpauth://totp/Callsign:<email>?secret=…&issuer=Callsign…` and its QR code as a PNG data URL. */
export async function totpProvisioning(
  secretBase32: string,
  email: string,
): Promise<{ otpauthUri: string; qrCodeDataUrl: string }> {
  const otpauthUri = totpFor(secretBase32, email).toString();
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUri, qrCodeDataUrl };
}

/** The current code (tests, and the demo's "show me a code" helper). */
export function totpCode(secretBase32: string, nowMs: number): string {
  return totpFor(secretBase32).generate({ timestamp: nowMs });
}

/**
 * The time step `code` is valid for (now ± 1 step), or null when it is wrong or its step is not
 * after `notAfterStep` (already used — or an older code than one already used).
 */
export function checkTotp(
  secretBase32: string,
  code: string,
  nowMs: number,
  notAfterStep: number | null,
): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  const step = TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: nowMs }) + delta;
  return notAfterStep !== null && step <= notAfterStep ? null : step;
}
