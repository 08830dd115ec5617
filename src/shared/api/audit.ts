/**
 * HTTP contract of the server audit chain, shared by the server routes and the desktop app:
 *  - `GET /v1/audit?order=asc&after=&limit=&type=&actor=` → `AuditPage`, oldest first (keyset by seq;
 *    `next` = the `after` for the following page, null at the end)
 *  - `GET /v1/audit?order=desc&before=&limit=&type=&actor=&subject=` → `AuditPage`, newest first (`next` = the
 *    `before` for the following page)
 *  - `GET /v1/audit/verify` → `AuditVerification` (re-hashes the whole chain)
 * Entries never hold secrets (see server/audit/AuditLog.ts).
 */
import { z } from 'zod';

/** Every event type the server writes today (the column is free text; unknown types still list). */
export const AUDIT_EVENT_TYPES = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.totp_enrolled',
  'auth.totp_reset',
  'auth.totp_recovery_codes_renewed',
  'auth.one_time_password_used',
  'auth.password_changed',
  'device.revoked',
  'account.created',
  'account.changed',
  'directory.changed',
  'directory.imported',
  'approval.stored',
  'approval.escalated',
  'approval.exported',
  'sms.code_sent',
  'sms.code_checked',
  'credential.created',
  'credential.changed',
  'credential.deleted',
  'credential.checked_out',
  'credential.checkout_refused',
  'credential.revealed',
  'credential.copied',
  'credential.read_back',
  'credential.checked_in',
  'credential.expired',
  'credential.force_checked_in',
  'credential.rotated',
  'credential.rotation_failed',
  'vault.key_rotated',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: z.string(),
  type: z.string(),
  subject: z.string(),
  /** The subject's name (user, site, client profile, device) where the server knows it; not hashed. */
  subjectName: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), next: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerification = z.object({
  intact: z.boolean(),
  /** The seq of the first entry that does not hash or link correctly; null when intact. */
  brokenAt: z.number().int().nullable(),
  entries: z.number().int(),
  /** The newest entry's hash (null for an empty log). */
  head: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
