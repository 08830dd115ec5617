/**
 * What a click on a chart does to the review's filter: the clicked bar or point becomes the matching
 * filter, on top of the filters already set (so a chart narrows, it never widens).
 */
import type { ApprovalFilter } from '../../../shared/audit/approvalQuery.js';
import { OUTCOMES_IN_ORDER } from '../../../shared/audit/outcomes.js';
import { dayRange } from './approvalFilterParams.js';

export type ChartPick =
  /** A day's stacked bar; `outcome` is the segment clicked (absent: the whole day). */
  | { chart: 'perDay'; day: string; outcome?: string }
  | { chart: 'timeToDecision'; day: string }
  | { chart: 'escalations'; siteId: string }
  | { chart: 'technicians'; technicianId: string }
  /** Check-outs are not approvals: the table narrows to that person's approval records. */
  | { chart: 'checkouts'; userId: string };

export function filterForPick(filter: ApprovalFilter, pick: ChartPick): ApprovalFilter {
  switch (pick.chart) {
    case 'perDay': {
      const outcome = OUTCOMES_IN_ORDER.find((o) => o === pick.outcome);
      return { ...filter, ...dayRange(pick.day), ...(outcome ? { outcome } : {}) };
    }
    case 'timeToDecision':
      return { ...filter, ...dayRange(pick.day) };
    case 'escalations':
      return { ...filter, siteId: pick.siteId };
    case 'technicians':
      return { ...filter, technicianId: pick.technicianId };
    case 'checkouts':
      return { ...filter, technicianId: pick.userId };
  }
}

/** Milliseconds as minutes with one decimal for the chart's axis (null stays a gap). */
export const toMinutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6000) / 10);
