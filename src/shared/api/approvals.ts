/**
 * HTTP contract for security approvals (APPROVALS.md §5) and SMS verification codes.
 *
 * - `policy` sync records carry a site's approval rules (`SitePolicyRecord`), so the wizard works
 *   offline; `id` = the site id.
 * - `POST /v1/approvals` with header `Idempotency-Key: <record id>` and body `ApprovalRecord`:
 *   201 `{ id, storedAt, serverSeq }`; the same id with the same body → 200 with the stored result;
 *   a different body → 409 `conflict`. The server checks the record's hash and its link to the
 *   previous record of the same device (`prevHash` must equal the hash of the device's last stored
 *   record, or GENESIS for the first) and appends it to the server audit chain.
 * - `POST /v1/sms/codes` `SmsCodeRequest` → `SmsCodeSent`; `POST /v1/sms/codes/:id/check`
 *   `{ code }` → `{ ok, attemptsLeft }`. Codes: 6 digits, 5 minutes, stored only as hashes, at most 5
 *   checks; never logged, never returned.
 * - `POST /v1/approvals/evaluate` `{ siteId, request }` → Decision, for a stored site's rules.
 * - `POST /v1/approvals/escalations` `{ recordId }` → `{ notified: number }`: emails the site's
 *   notification contacts about the caller's stored record that ended escalated (tier4 /
 *   escalate_partner), once per record — a repeat answers the first count; 404 until the record is
 *   uploaded (an upload of an escalated record escalates it anyway); rate-limited per technician.
 * - `GET /v1/outbox` (demo workspace only) → the last messages the demo SMTP outbox received.
 */
import { z } from 'zod';
import { ApprovalRequest, Approver, Decision, SitePolicies, UnlicensedSoftware } from '../approvals/schemas.js';
import { FINAL_STATUSES, WorkflowEvent } from '../approvals/workflowTypes.js';

/** A contact who is told about escalations (seeds: "notification rules"). */
export const NotificationContact = z.object({ name: z.string().min(1), email: z.email() });
export type NotificationContact = z.infer<typeof NotificationContact>;

/** One site's approval rules as synced to devices (sync kind `policy`, id = siteId). */
export const SitePolicyRecord = z.object({
  siteId: z.string().min(1),
  policies: SitePolicies,
  unlicensedSoftware: z.array(UnlicensedSoftware).default([]),
  /** Group contacts and partner contacts the site can use as approvers (for display/search). */
  groupContacts: z.array(Approver).default([]),
  partnerContacts: z.array(Approver).default([]),
  notificationContacts: z.array(NotificationContact).default([]),
});
export type SitePolicyRecord = z.infer<typeof SitePolicyRecord>;

/** The workflow's final states (APPROVALS.md §4), as the record stores them. */
export const FinalState = z.enum(FINAL_STATUSES);
export type FinalState = z.infer<typeof FinalState>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'use a lower-case hex SHA-256');

/** The immutable record of one finished approval workflow (APPROVALS.md §5). */
export const ApprovalRecord = z.object({
  id: z.uuid('use a UUID made on the device'),
  deviceId: z.string().min(1).max(128),
  siteId: z.string().min(1),
  caller: z.union([
    z.object({ profileId: z.string().min(1), name: z.string() }),
    z.object({ unidentified: z.object({ name: z.string().optional(), number: z.string().optional() }) }),
  ]),
  request: ApprovalRequest,
  decision: Decision,
  events: z.array(WorkflowEvent).max(100),
  technician: z.object({ id: z.string(), name: z.string() }),
  ticket: z.string().max(64).optional(),
  finalState: FinalState,
  createdAt: z.iso.datetime({ offset: true }),
  prevHash: sha256,
  hash: sha256,
});
export type ApprovalRecord = z.infer<typeof ApprovalRecord>;

export const ApprovalStored = z.object({ id: z.string(), storedAt: z.string(), serverSeq: z.number().int() });
export type ApprovalStored = z.infer<typeof ApprovalStored>;

/** Who gets a code: a directory profile (its first mobile phone with an SMS gateway) or an approver phone. */
export const SmsCodeRequest = z.object({
  siteId: z.string().min(1),
  purpose: z.enum(['caller', 'approver']),
  profileId: z.string().optional(),
  /** For approvers not in the directory: the E.164 number and its email-to-SMS gateway. */
  number: z.string().optional(),
  smsGateway: z.string().optional(),
});
export type SmsCodeRequest = z.infer<typeof SmsCodeRequest>;

/** Codes one person may be sent in a window (the server enforces it; the wizard shows the way forward). */
export const SMS_SENDS_PER_PERSON = { max: 3, windowMs: 5 * 60_000 } as const;

export const SmsCodeSent = z.object({ codeId: z.string(), sentTo: z.string(), expiresAt: z.string() });
export type SmsCodeSent = z.infer<typeof SmsCodeSent>;

export const SmsCodeCheck = z.object({ code: z.string().regex(/^\d{6}$/, 'enter the 6-digit code') });
export const SmsCodeChecked = z.object({ ok: z.boolean(), attemptsLeft: z.number().int().nonnegative() });
export type SmsCodeChecked = z.infer<typeof SmsCodeChecked>;

/**
 * Asks the server to escalate a stored record of the caller's that ended escalated. Only the id: the
 * email is built on the server from the stored record, so nobody can mail free text through it.
 */
export const EscalationRequest = z.object({ recordId: z.uuid('send the id of an approval record you uploaded') });
export type EscalationRequest = z.infer<typeof EscalationRequest>;
