/**
 * Audit event types written by the platform (accounts, devices, MFA, directory admin, bundles),
 * alongside the approval events in audit/AuditLog.ts (`AUDIT_EVENT`, which also names the sign-in
 * events used here). Event data never holds a secret: no password, token, TOTP secret or code.
 */
import type { AuditEventType } from '../../shared/api/index.js';
export { AUDIT_EVENT } from '../audit/AuditLog.js';

export const PLATFORM_AUDIT_EVENT = {
  signOut: 'auth.sign_out',
  totpEnrolled: 'auth.totp_enrolled',
  totpReset: 'auth.totp_reset',
  totpRecoveryCodesRenewed: 'auth.totp_recovery_codes_renewed',
  /** A sign-in with an administrator's one-time password reached the "choose your own" step. */
  oneTimePasswordUsed: 'auth.one_time_password_used',
  passwordChanged: 'auth.password_changed',
  deviceRevoked: 'device.revoked',
  directoryChanged: 'directory.changed',
  directoryImported: 'directory.imported',
  accountCreated: 'account.created',
  accountChanged: 'account.changed',
} as const satisfies Record<string, AuditEventType>;
