/**
 * One row of `GET /v1/approvals` and the page around it (issue 15). Names are the ones recorded on
 * the device (technician, caller, approver) or the directory's current site name; ids stay alongside
 * so the desktop can link and filter.
 */
import { z } from 'zod';
import { FinalState } from '../api/approvals.js';
import { CATEGORIES } from '../approvals/catalogue.js';
import { Outcome } from '../approvals/schemas.js';
import { AnomalyCode } from './anomalies.js';

const named = z.object({ id: z.string(), name: z.string() });

export const ApprovalListItem = z.object({
  id: z.string(),
  /** ISO time the record was made on the device (`createdAt`). */
  time: z.iso.datetime({ offset: true }),
  site: named,
  technician: named,
  /** The caller's name; "" for an unidentified caller who gave none. */
  callerName: z.string(),
  callerProfileId: z.string().nullable(),
  action: z.string(),
  category: z.enum(CATEGORIES),
  outcome: Outcome,
  finalState: FinalState,
  ticket: z.string().nullable(),
  /** The approver who decided (approved/denied), else null. */
  approverName: z.string().nullable(),
  /** Milliseconds from the workflow's first event to the approver's decision; null without a decision. */
  decisionMs: z.number().int().nonnegative().nullable(),
  /** Anomaly codes; the detail carries each with its sentence and params. */
  flags: z.array(AnomalyCode),
});
export type ApprovalListItem = z.infer<typeof ApprovalListItem>;

export const ApprovalPage = z.object({
  items: z.array(ApprovalListItem),
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: z.string().nullable(),
});
export type ApprovalPage = z.infer<typeof ApprovalPage>;
