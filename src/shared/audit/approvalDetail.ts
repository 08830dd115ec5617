/**
 * `GET /v1/approvals/:id` (issue 15): one record as it happened — a timeline in order, the re-check
 * against the site's rules in force at the record's time, its anomaly flags with their sentences, its
 * place in the device's hash chain and the credential check-outs that link it. SMS codes are never
 * part of a record: only that one was sent or checked, and whether the check passed.
 */
import { z } from 'zod';
import { ApprovalRecord, FinalState } from '../api/approvals.js';
import { Outcome } from '../approvals/schemas.js';
import { DialResult } from '../approvals/workflowTypes.js';
import { AnomalyCode, AnomalyFlag } from './anomalies.js';
import { ApprovalListItem } from './approvalList.js';

/** Null when the device did not record a time for the event. */
const at = z.iso.datetime({ offset: true }).nullable();

export const TimelineEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('requested'), at, action: z.string(), callerName: z.string(), subject: z.string() }),
  /** What the rules said on the device, with the English reason lines the decision carries. */
  z.object({ kind: z.literal('rules'), at, outcome: Outcome, reasons: z.array(z.string()) }),
  z.object({ kind: z.literal('caller_code_sent'), at }),
  z.object({ kind: z.literal('caller_code_checked'), at, ok: z.boolean() }),
  z.object({ kind: z.literal('dialed'), at, approver: z.string(), number: z.string(), result: DialResult }),
  z.object({ kind: z.literal('approver_code_checked'), at, ok: z.boolean() }),
  z.object({ kind: z.literal('decided'), at, decision: z.enum(['approved', 'denied']), note: z.string() }),
  z.object({ kind: z.literal('escalated'), at, note: z.string() }),
  z.object({ kind: z.literal('cancelled'), at, note: z.string() }),
  z.object({ kind: z.literal('finished'), at, finalState: FinalState }),
  /** The server stored the record (the upload time). */
  z.object({ kind: z.literal('uploaded'), at }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** The record evaluated again with the site's rules as they were at the record's time. */
export const ApprovalRecheck = z.object({
  /** The policy version used; null when the server has no rules of the site for that time. */
  policyVersion: z.object({ id: z.number().int(), validFrom: z.iso.datetime() }).nullable(),
  recordedOutcome: Outcome,
  /** Null when there was no policy version to evaluate with. */
  rulesOutcome: Outcome.nullable(),
  matches: z.boolean(),
  /** The re-check's reason lines (English, as the engine writes them). */
  reasons: z.array(z.string()),
  /** The same reasons as data (shared/approvals/reasons.ts: code + params), one per line, for translation. */
  reasonCodes: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) })).optional(),
});
export type ApprovalRecheck = z.infer<typeof ApprovalRecheck>;

export const ChainPosition = z.object({
  deviceId: z.string(),
  /** 1-based position of the record in its device's chain. */
  seq: z.number().int().positive(),
  prevHash: z.string(),
  hash: z.string(),
  /** The seq of the record's `approval.stored` entry in the server audit log (cross-link). */
  auditSeq: z.number().int(),
});
export type ChainPosition = z.infer<typeof ChainPosition>;

/** A credential check-out (vault lease) as the review shows it; never the secret. */
export const CheckoutReviewItem = z.object({
  leaseId: z.string(),
  at: z.iso.datetime(),
  credentialId: z.string(),
  credentialName: z.string(),
  siteId: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  ticket: z.string(),
  reason: z.string(),
  approvalId: z.string().nullable(),
  flags: z.array(AnomalyFlag),
});
export type CheckoutReviewItem = z.infer<typeof CheckoutReviewItem>;

export const ApprovalDetail = z.object({
  item: ApprovalListItem,
  /** The stored record, exactly as uploaded (its hash verifies). */
  record: ApprovalRecord,
  timeline: z.array(TimelineEntry),
  recheck: ApprovalRecheck,
  flags: z.array(AnomalyFlag),
  chain: ChainPosition,
  uploadedAt: z.iso.datetime(),
  checkouts: z.array(CheckoutReviewItem),
});
export type ApprovalDetail = z.infer<typeof ApprovalDetail>;

/** `GET /v1/approvals/checkouts?from&to&siteId&userId&flagged&flag`: credential check-outs, newest first (max 500). */
export const CheckoutReviewQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  siteId: z.string().min(1).max(100).optional(),
  userId: z.string().min(1).max(100).optional(),
  flagged: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).optional(),
  flag: AnomalyCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type CheckoutReviewQuery = z.infer<typeof CheckoutReviewQuery>;
export const CheckoutReviewList = z.object({ items: z.array(CheckoutReviewItem) });
export type CheckoutReviewList = z.infer<typeof CheckoutReviewList>;
