/**
 * `GET /v1/approvals/stats?<ApprovalFilter>` (issue 15): the numbers behind the supervisor charts,
 * over the filtered records. Days are UTC calendar days (`YYYY-MM-DD`) of the record's time.
 */
import { z } from 'zod';
import { OUTCOMES_IN_ORDER } from './outcomes.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().nonnegative();
const ms = z.number().nonnegative().nullable();

export const ApprovalStats = z.object({
  /** One entry per day that has records, oldest first; a count per recorded outcome. */
  perDay: z.array(
    z.object({ day, total: count, byOutcome: z.object(Object.fromEntries(OUTCOMES_IN_ORDER.map((o) => [o, count]))) }),
  ),
  /** Time from the workflow's first event to the approver's decision (records with a decision only). */
  timeToDecision: z.object({
    overall: z.object({ count, medianMs: ms, p90Ms: ms }),
    perDay: z.array(z.object({ day, count, medianMs: ms, p90Ms: ms })),
  }),
  /** Records that ended escalated (tier 4 or partner), by site, most first (top 10). */
  escalationsBySite: z.array(z.object({ siteId: z.string(), siteName: z.string(), count })),
  /** Technicians by number of records, most first (top 10). */
  topTechnicians: z.array(z.object({ technicianId: z.string(), name: z.string(), count })),
  /** Credential check-outs per user in the same time range and site (top 20), with how many were flagged. */
  checkoutsByUser: z.array(z.object({ userId: z.string(), name: z.string(), count, flagged: count })),
  /** Records per anomaly code. */
  flags: z.record(z.string(), count),
});
export type ApprovalStats = z.infer<typeof ApprovalStats>;
