import { describe, expect, it } from 'vitest';
import { SitePolicyRecord, type ApprovalRecord } from '../../shared/api/approvals.js';
import { exampleSite } from '../../shared/approvals/exampleSite.js';
import { ApprovalRequest, evaluate, type SiteRules, type WorkflowEvent } from '../../shared/approvals/index.js';
import { ANOMALY_THRESHOLDS } from '../../shared/audit/anomalies.js';
import { recheck, recordFlags, volumeFlag, type RulesAtTime, type VolumeBaseline } from './anomalyRules.js';

/** Password resets at S1 need Lee Chan's approval, with SMS codes for caller and approver. */
const strict = exampleSite({
  policies: { password_reset: { authenticateCaller: 'sms', authenticateApprover: 'sms' } },
});
const atTime = (rules: SiteRules): RulesAtTime => ({
  rules,
  policy: SitePolicyRecord.parse({ siteId: rules.siteId, policies: rules.policies }),
});
const request = ApprovalRequest.parse({ siteId: 'S1', action: 'password.reset', callerProfileId: 'p1' });
const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, s)).toISOString();

const CLEAN: WorkflowEvent[] = [
  { type: 'callerCodeSent', at: at(1) },
  { type: 'callerCodeChecked', ok: true, at: at(2) },
  { type: 'dialed', approver: 'Lee Chan', number: '+12065550121', result: 'answered', at: at(3) },
  { type: 'approverCodeChecked', ok: true, at: at(4) },
  { type: 'approverDecided', decision: 'approved', note: 'ok', at: at(5) },
];

function record(
  over: Omit<Partial<ApprovalRecord>, 'events'> & { events?: WorkflowEvent[] } = {},
  rules: SiteRules = strict,
): ApprovalRecord {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    deviceId: 'd1',
    siteId: 'S1',
    caller: { profileId: 'p1', name: 'Dana Reyes' },
    request,
    decision: evaluate(rules, request),
    events: CLEAN,
    technician: { id: 'u1', name: 'Taylor' },
    finalState: 'approved',
    createdAt: at(6),
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
    ...over,
  } as ApprovalRecord;
}

const codes = (r: ApprovalRecord, rules: SiteRules | null = strict, volume: VolumeBaseline | null = null) => {
  const t = rules ? atTime(rules) : null;
  return recordFlags(r, t, recheck(r, t), volume).map((f) => f.code);
};

describe('anomaly rules', () => {
  it('a clean record by the rules of its time has no flag', () => {
    expect(codes(record())).toEqual([]);
  });

  it('outcome_differs and proceeded_without_approver: the device proceeded where the rules want an approver', () => {
    const proceeded = record({
      decision: { ...evaluate(strict, request), outcome: 'proceed', steps: [] },
      events: [],
      finalState: 'completed',
    });
    expect(codes(proceeded)).toEqual(expect.arrayContaining(['outcome_differs', 'proceeded_without_approver']));
    // Negative: where the rules say proceed (noApprovalNeeded), proceeding is no anomaly.
    const relaxed = exampleSite({ policies: { password_reset: { noApprovalNeeded: true } } });
    const fine = record({ decision: evaluate(relaxed, request), events: [], finalState: 'completed' }, relaxed);
    expect(codes(fine, relaxed)).toEqual([]);
  });

  it('approver_not_listed: someone not on the category list approved', () => {
    const stranger = CLEAN.map((e) => (e.type === 'dialed' ? { ...e, approver: 'Mallory Stranger' } : e));
    expect(codes(record({ events: stranger }))).toContain('approver_not_listed');
    expect(codes(record())).not.toContain('approver_not_listed');
    // A denial by a stranger let nothing happen: not flagged.
    const denied = stranger.map((e) => (e.type === 'approverDecided' ? { ...e, decision: 'denied' as const } : e));
    expect(codes(record({ events: denied, finalState: 'denied' }))).not.toContain('approver_not_listed');
  });

  it('caller_not_authenticated: the rules wanted an SMS code from the caller and none was checked', () => {
    const noCaller = CLEAN.filter((e) => e.type !== 'callerCodeSent' && e.type !== 'callerCodeChecked');
    expect(codes(record({ events: noCaller }))).toEqual(['caller_not_authenticated']);
    const failed = CLEAN.map((e) => (e.type === 'callerCodeChecked' ? { ...e, ok: false } : e));
    expect(codes(record({ events: failed }))).toEqual(['caller_not_authenticated']);
    // Negative: a site that does not authenticate callers.
    const lax = exampleSite();
    expect(codes(record({ decision: evaluate(lax, request), events: noCaller }, lax), lax)).not.toContain(
      'caller_not_authenticated',
    );
  });

  it('approver_not_authenticated: the approver decided without a checked code where the rules required one', () => {
    const noCode = CLEAN.filter((e) => e.type !== 'approverCodeChecked');
    expect(codes(record({ events: noCode }))).toEqual(['approver_not_authenticated']);
    const callerOnly = exampleSite({ policies: { password_reset: { authenticateCaller: 'sms' } } });
    expect(
      codes(record({ decision: evaluate(callerOnly, request), events: noCode }, callerOnly), callerOnly),
    ).not.toContain('approver_not_authenticated');
  });

  it('unusual_volume: more than 3× the median per active day, with a baseline', () => {
    const { factor, minActiveDays, minDailyCount } = ANOMALY_THRESHOLDS.unusualVolume;
    const base = { day: '2026-03-01', activeDays: minActiveDays, median: 4 };
    expect(volumeFlag({ ...base, dayCount: 4 * factor + 1 })?.code).toBe('unusual_volume');
    expect(volumeFlag({ ...base, dayCount: 4 * factor })).toBeNull(); // "more than", not "at least"
    expect(volumeFlag({ ...base, activeDays: minActiveDays - 1, dayCount: 100 })).toBeNull(); // no baseline yet
    expect(volumeFlag({ ...base, median: 1, dayCount: minDailyCount - 1 })).toBeNull(); // too few to matter
    expect(codes(record(), strict, { ...base, dayCount: 40 })).toEqual(['unusual_volume']);
  });

  it("no rules for the record's time: no re-check and no rule-based flag", () => {
    const proceeded = record({
      decision: { ...evaluate(strict, request), outcome: 'proceed', steps: [] },
      events: [],
      finalState: 'completed',
    });
    expect(recheck(proceeded, null).rulesOutcome).toBeNull();
    expect(codes(proceeded, null)).toEqual([]);
  });
});
