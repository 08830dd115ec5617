/**
 * The anomaly rules of the approval review (issue 15), pure: given a record, the site's rules as they
 * were at the record's time (null when the server has no policy of the site for that time) and the
 * technician's volume around that day, says what the rules give now (the re-check) and which flags
 * apply. Thresholds come from ANOMALY_THRESHOLDS (shared/audit/anomalies.ts).
 */
import type { ApprovalRecord, SitePolicyRecord } from '../../shared/api/approvals.js';
import { getAction, type PolicyCategory } from '../../shared/approvals/catalogue.js';
import { explainDecision } from '../../shared/approvals/evaluate.js';
import type { Reason } from '../../shared/approvals/reasons.js';
import type { Outcome, SiteRules } from '../../shared/approvals/schemas.js';
import { ANOMALY_THRESHOLDS, type AnomalyCode, type AnomalyFlag } from '../../shared/audit/anomalies.js';
import { decidingApprover } from './approvalReviewColumns.js';

export interface RulesAtTime {
  rules: SiteRules;
  policy: SitePolicyRecord | null;
}

/** The technician's records on the record's day, and the median per active day before it. */
export interface VolumeBaseline {
  day: string;
  dayCount: number;
  /** Days with at least one record in the window before `day`. */
  activeDays: number;
  median: number;
}

export interface Recheck {
  rulesOutcome: Outcome | null;
  reasons: string[];
  reasonCodes: Reason[];
}

const WENT_AHEAD = new Set(['approved', 'completed']);
const NEEDS_APPROVER: ReadonlySet<Outcome> = new Set(['approval_required', 'tier4', 'escalate_partner']);

const flag = (code: AnomalyCode, params: AnomalyFlag['params'], message: string): AnomalyFlag => ({
  code,
  params,
  message,
});

export function recheck(record: ApprovalRecord, atTime: RulesAtTime | null): Recheck {
  if (!atTime) return { rulesOutcome: null, reasons: [], reasonCodes: [] };
  const explained = explainDecision(atTime.rules, { ...record.request, siteId: atTime.rules.siteId });
  return {
    rulesOutcome: explained.decision.outcome,
    reasons: explained.decision.reasons,
    reasonCodes: explained.reasons,
  };
}

/** The approver's SMS check passed after they answered and before they decided. */
function approverAuthenticated(events: ApprovalRecord['events']): boolean {
  let reached = false;
  for (const e of events) {
    if (e.type === 'dialed' && e.result === 'answered') reached = true;
    if (e.type === 'approverCodeChecked' && e.ok && reached) return true;
    if (e.type === 'approverDecided') return false;
  }
  return false;
}

export function volumeFlag(v: VolumeBaseline | null): AnomalyFlag | null {
  const t = ANOMALY_THRESHOLDS.unusualVolume;
  if (!v || v.activeDays < t.minActiveDays || v.dayCount < t.minDailyCount) return null;
  if (v.dayCount <= t.factor * v.median) return null;
  return describeVolume(v);
}

/** The sentence of an unusual-volume flag for a baseline (no threshold check). */
export function describeVolume(v: VolumeBaseline): AnomalyFlag {
  const t = ANOMALY_THRESHOLDS.unusualVolume;
  return flag(
    'unusual_volume',
    { count: v.dayCount, median: v.median, factor: t.factor, day: v.day },
    `${v.dayCount} records on ${v.day}: more than ${t.factor}× this technician's median of ${v.median} per working day over the previous ${t.windowDays} days.`,
  );
}

export function recordFlags(
  record: ApprovalRecord,
  atTime: RulesAtTime | null,
  check: Recheck,
  volume: VolumeBaseline | null,
): AnomalyFlag[] {
  const flags: AnomalyFlag[] = [];
  const recorded = record.decision.outcome;
  const rules = check.rulesOutcome;
  const wentAhead = WENT_AHEAD.has(record.finalState);
  if (rules !== null && rules !== recorded) {
    flags.push(
      flag(
        'outcome_differs',
        { recorded, rules },
        `The record says "${recorded}" but the site's rules at the time give "${rules}".`,
      ),
    );
  }
  if (rules !== null && NEEDS_APPROVER.has(rules) && (recorded === 'proceed' || record.finalState === 'completed')) {
    flags.push(
      flag(
        'proceeded_without_approver',
        { rules },
        `The work went ahead without an approver although the site's rules at the time said "${rules}".`,
      ),
    );
  }
  const category = getAction(record.request.action)?.category;
  const approver = decidingApprover(record.events);
  const approved = record.events.some((e) => e.type === 'approverDecided' && e.decision === 'approved');
  if (atTime && category && category !== 'tier4' && approver && approved) {
    const policy = atTime.policy?.policies[category as PolicyCategory];
    const listed = (policy?.approvers ?? []).some((a) => a.name.trim().toLowerCase() === approver.trim().toLowerCase());
    if (!listed) {
      flags.push(
        flag(
          'approver_not_listed',
          { approver, category },
          `${approver} approved, but is not on the site's ${category} approver list at the time.`,
        ),
      );
    }
  }
  if (atTime && category && wentAhead) {
    const decision = explainDecision(atTime.rules, { ...record.request, siteId: atTime.rules.siteId }).decision;
    const callerRequired = decision.steps.some((s) => s.kind === 'authenticate_caller');
    const callerOk = record.events.some((e) => e.type === 'callerCodeChecked' && e.ok);
    if (callerRequired && !callerOk) {
      flags.push(
        flag(
          'caller_not_authenticated',
          { category },
          `The site's rules required an SMS code for the caller, and no code was checked before the work went ahead.`,
        ),
      );
    }
    const policy = category === 'tier4' ? undefined : atTime.policy?.policies[category as PolicyCategory];
    const step = decision.steps.find((s) => s.kind === 'dial' && s.approver === approver);
    const approverRequired = step?.kind === 'dial' ? step.authenticate : policy?.authenticateApprover === 'sms';
    if (approver && approved && approverRequired && !approverAuthenticated(record.events)) {
      flags.push(
        flag(
          'approver_not_authenticated',
          { approver, category },
          `The site's rules required an SMS code for the approver, and ${approver} decided without one being checked.`,
        ),
      );
    }
  }
  const v = volumeFlag(volume);
  if (v) flags.push(v);
  return flags;
}

/** The stored form of flag codes: ",a,b," (so `like '%,a,%'` finds one), "" for none. */
export const flagColumn = (flags: readonly AnomalyFlag[]): string =>
  flags.length === 0 ? '' : `,${[...new Set(flags.map((f) => f.code))].join(',')},`;

export const flagCodes = (column: string | null): AnomalyCode[] =>
  (column ?? '').split(',').filter((c) => c !== '') as AnomalyCode[];
