/**
 * Anomaly flags of the approval review (issue 15): each flag is a stable `code` the desktop
 * translates into one sentence, with the `params` that sentence needs, and the server's English
 * sentence (`message`) as a fallback. Every threshold the rules use sits in `ANOMALY_THRESHOLDS`, so
 * a supervisor (and a test) can read them in one place.
 */
import { z } from 'zod';

export const ANOMALY_CODES = [
  /**
   * The re-check (the site's rules as they were when the record was made) gives another outcome than
   * the record carries. params: { recorded: Outcome, rules: Outcome }
   */
  'outcome_differs',
  /** The work proceeded (outcome proceed / state completed) although the rules required an approver. params: { rules: Outcome } */
  'proceeded_without_approver',
  /** The approver who decided is not on the site's approver list for that category at the time. params: { approver, category } */
  'approver_not_listed',
  /** The rules required an SMS code for the caller and none was checked successfully. params: { category } */
  'caller_not_authenticated',
  /** The rules required an SMS code for the approver and none was checked before the decision. params: { approver, category } */
  'approver_not_authenticated',
  /**
   * A credential of a site whose rules require an approval for password work (its `password_reset`
   * policy needs an approver) was checked out without a linked approval. params: { credentialId, siteId }
   */
  'checkout_without_approval',
  /** A credential was checked out for a caller of another site (confirmed by the technician). params: { credentialId, siteId, callerSiteId } */
  'checkout_wrong_site',
  /**
   * The technician made more records that day than `factor` × their median per active day over the
   * previous `windowDays` days. params: { count, median, factor, day }
   */
  'unusual_volume',
] as const;
export const AnomalyCode = z.enum(ANOMALY_CODES);
export type AnomalyCode = z.infer<typeof AnomalyCode>;

/** Every threshold the anomaly rules use (one table, read by the server and shown by the desktop). */
export const ANOMALY_THRESHOLDS = {
  unusualVolume: {
    /** Flag a day with more than `factor` × the median records per active day. */
    factor: 3,
    /** The median is taken over the days before the record's day, this many of them. */
    windowDays: 30,
    /** Fewer active days than this in the window: no baseline yet, never flagged. */
    minActiveDays: 5,
    /** A day with fewer records than this is never unusual, whatever the median. */
    minDailyCount: 5,
  },
} as const;

export const AnomalyFlag = z.object({
  code: AnomalyCode,
  /** What the sentence for `code` needs (see ANOMALY_CODES); values are plain strings or numbers. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The server's English sentence, for logs and a desktop without a translation. */
  message: z.string(),
});
export type AnomalyFlag = z.infer<typeof AnomalyFlag>;
