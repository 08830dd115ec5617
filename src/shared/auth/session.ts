/**
 * HTTP contract for sign-in with devices and TOTP (extends `src/shared/api/auth.ts`).
 *
 * - `POST /v1/auth/login` `SignInRequest` → `SignInResponse`: tokens, or — when the account has TOTP
 *   enrolled — `{ mfaRequired: true, mfaToken, expiresIn }` and then `POST /v1/auth/totp`
 *   `TotpSignInRequest` → `SessionTokens`. An mfaToken lives 5 minutes and allows 5 codes.
 * - `POST /v1/auth/refresh` → `SessionTokens` (rotated; a reused refresh token ends the device's
 *   session). A revoked device gets 401 `device_revoked` on every request: wipe the local cache.
 * - `POST /v1/auth/totp/enroll` `{ currentPassword }` → `TotpEnrolment`; `POST /v1/auth/totp/confirm`
 *   `{ code }` → `{ recoveryCodes }` (10 one-time codes, shown once, stored only hashed on the server).
 * - `POST /v1/auth/totp/recovery-codes` `{ currentPassword }` → `{ recoveryCodes }` (the old ones
 *   stop working); `POST /v1/auth/totp/disable` `{ currentPassword }` → 204. A bearer token alone
 *   cannot change two-step sign-in: a wrong password is 401 `invalid_credentials` (field
 *   `currentPassword`) and counts towards the sign-in lockout; the user is e-mailed on every change.
 * - A one-time password (set by an administrator; valid 72 hours) answers `PasswordChangeChallenge`
 *   instead of tokens, after the TOTP step when enrolled: see passwordChange.ts.
 * - `GET /v1/devices` → `{ devices }`; `DELETE /v1/devices/:id` → 204.
 * Secrets (tokens, TOTP secret and URI, QR image, recovery codes) travel only in these bodies.
 */
import { z } from 'zod';
import { LoginRequest, LoginResponse } from '../api/auth.js';

export const DevicePlatform = z.enum(['windows', 'macos', 'linux', 'web', 'unknown']);
export type DevicePlatform = z.infer<typeof DevicePlatform>;

/** The installation signing in, shown to admins in the device list. */
export const DeviceRegistration = z.object({
  name: z.string().trim().min(1, 'name this device, e.g. "Front desk laptop"').max(100),
  platform: DevicePlatform.default('unknown'),
});
export type DeviceRegistration = z.infer<typeof DeviceRegistration>;

export const SignInRequest = LoginRequest.extend({ device: DeviceRegistration.optional() });
export type SignInRequest = z.infer<typeof SignInRequest>;

/** Tokens for a device; `deviceId` names the device these tokens are bound to. */
export const SessionTokens = LoginResponse.extend({ deviceId: z.string() });
export type SessionTokens = z.infer<typeof SessionTokens>;

export const MfaChallenge = z.object({
  mfaRequired: z.literal(true),
  mfaToken: z.string(),
  /** Seconds the mfaToken stays valid. */
  expiresIn: z.number().int().positive(),
});
export type MfaChallenge = z.infer<typeof MfaChallenge>;

/**
 * The password was a one-time password an administrator set (an invitation or a reset): no session
 * yet. `POST /v1/auth/password/choose` with this token and the person's own new password signs in.
 * The token lives 10 minutes and works once.
 */
export const PasswordChangeChallenge = z.object({
  passwordChangeRequired: z.literal(true),
  passwordChangeToken: z.string(),
  /** Seconds the passwordChangeToken stays valid. */
  expiresIn: z.number().int().positive(),
});
export type PasswordChangeChallenge = z.infer<typeof PasswordChangeChallenge>;

export const SignInResponse = z.union([SessionTokens, MfaChallenge, PasswordChangeChallenge]);
export type SignInResponse = z.infer<typeof SignInResponse>;

const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'enter the 6-digit code from your authenticator app');
/** Four groups of four letters/digits as shown at enrolment, e.g. "7KQ4-M2XD-9PRT-W3HF"; case and dashes are ignored. */
const RecoveryCode = z.string().trim().min(8, 'enter one of your recovery codes').max(64);

export const TotpSignInRequest = z
  .object({ mfaToken: z.string().min(1).max(256), code: TotpCode.optional(), recoveryCode: RecoveryCode.optional() })
  .refine((b) => Boolean(b.code) !== Boolean(b.recoveryCode), {
    message: 'send exactly one of code or recoveryCode',
    path: ['code'],
  });
export type TotpSignInRequest = z.infer<typeof TotpSignInRequest>;

/** After the TOTP step: tokens, or the "choose your own password" step when the password was one-time. */
export const TotpSignInResponse = z.union([SessionTokens, PasswordChangeChallenge]);
export type TotpSignInResponse = z.infer<typeof TotpSignInResponse>;

export const TotpEnrolment = z.object({
  /** Base32 secret, for typing into an authenticator by hand. */
  secret: z.string(),
  /** `otpauth://totp/…` URI (what the QR code encodes). */
  otpauthUri: z.string(),
  /** `data:image/png;base64,…` QR code of `otpauthUri`. */
  qrCodeDataUrl: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

/** The signed-in user's password, asked again before any change to two-step sign-in. */
export const CurrentPassword = z
  .string({ error: 'enter your current password' })
  .min(1, 'enter your current password')
  .max(1024);
export const TotpChangeRequest = z.object({ currentPassword: CurrentPassword });
export type TotpChangeRequest = z.infer<typeof TotpChangeRequest>;

export const TotpConfirmRequest = z.object({ code: TotpCode });
export const TotpConfirmed = z.object({ recoveryCodes: z.array(z.string()).length(10) });
export type TotpConfirmed = z.infer<typeof TotpConfirmed>;

export const DeviceInfo = z.object({
  id: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  name: z.string(),
  platform: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  /** True for the device making the request. */
  current: z.boolean(),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

export const DeviceList = z.object({ devices: z.array(DeviceInfo) });
export type DeviceList = z.infer<typeof DeviceList>;
