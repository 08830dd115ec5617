/** Test support: approval review rows and a record detail shaped like the server's. */
import type { ApprovalDetail } from '../../../shared/audit/approvalDetail.js';
import type { ApprovalListItem } from '../../../shared/audit/approvalList.js';

export function reviewItem(i: number, over: Partial<ApprovalListItem> = {}): ApprovalListItem {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    time: new Date(Date.UTC(2026, 2, 1, 10, 0, 0) - i * 60_000).toISOString(),
    site: { id: i % 2 ? 's2' : 's1', name: i % 2 ? 'Contoso Ltd' : 'Northwind HQ' },
    technician: { id: 'u1', name: 'Tess Tech' },
    callerName: `Caller ${i}`,
    callerProfileId: null,
    action: 'user.create_aduc',
    category: 'new_user_account',
    outcome: 'approval_required',
    finalState: 'approved',
    ticket: `T-${i}`,
    approverName: 'Bo Boss',
    decisionMs: 120_000,
    flags: [],
    ...over,
  };
}

export function reviewDetail(item: ApprovalListItem): ApprovalDetail {
  return {
    item,
    record: {} as ApprovalDetail['record'],
    timeline: [
      { kind: 'requested', at: item.time, action: item.action, callerName: item.callerName, subject: '' },
      { kind: 'rules', at: item.time, outcome: 'approval_required', reasons: ['Site policy requires an approver.'] },
      { kind: 'caller_code_sent', at: item.time },
      { kind: 'caller_code_checked', at: item.time, ok: true },
      { kind: 'dialed', at: item.time, approver: 'Bo Boss', number: '+12065550101', result: 'answered' },
      { kind: 'decided', at: item.time, decision: 'approved', note: 'ok by phone' },
      { kind: 'finished', at: item.time, finalState: 'approved' },
      { kind: 'uploaded', at: item.time },
    ],
    recheck: {
      policyVersion: { id: 3, validFrom: '2026-01-01T00:00:00.000Z' },
      recordedOutcome: 'approval_required',
      rulesOutcome: 'approval_required',
      matches: true,
      reasons: [],
    },
    flags: item.flags.map((code) => ({
      code,
      params: { approver: 'Bo Boss', category: 'new_user_account' },
      message: 'server sentence',
    })),
    chain: { deviceId: 'd1', seq: 4, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64), auditSeq: 42 },
    uploadedAt: item.time,
    checkouts: [],
  };
}
