/** A stored approval record as the ordered timeline the review shows (shared/audit/approvalDetail.ts). */
import type { ApprovalRecord } from '../../shared/api/approvals.js';
import type { TimelineEntry } from '../../shared/audit/approvalDetail.js';
import { startedMs } from './approvalReviewColumns.js';

const iso = (at: string | undefined): string | null => (at ? new Date(at).toISOString() : null);

export function approvalTimeline(record: ApprovalRecord, uploadedAt: string, callerName: string): TimelineEntry[] {
  const start = new Date(startedMs(record)).toISOString();
  const out: TimelineEntry[] = [
    { kind: 'requested', at: start, action: record.request.action, callerName, subject: record.request.subject },
    { kind: 'rules', at: start, outcome: record.decision.outcome, reasons: record.decision.reasons },
  ];
  for (const e of record.events) {
    const at = iso(e.at);
    switch (e.type) {
      case 'callerCodeSent':
        out.push({ kind: 'caller_code_sent', at });
        break;
      case 'callerCodeChecked':
        out.push({ kind: 'caller_code_checked', at, ok: e.ok });
        break;
      case 'dialed':
        out.push({ kind: 'dialed', at, approver: e.approver, number: e.number, result: e.result });
        break;
      case 'approverCodeChecked':
        out.push({ kind: 'approver_code_checked', at, ok: e.ok });
        break;
      case 'approverDecided':
        out.push({ kind: 'decided', at, decision: e.decision, note: e.note ?? '' });
        break;
      case 'escalated':
        out.push({ kind: 'escalated', at, note: e.note ?? '' });
        break;
      case 'cancelled':
        out.push({ kind: 'cancelled', at, note: e.note ?? '' });
        break;
    }
  }
  out.push({ kind: 'finished', at: iso(record.createdAt), finalState: record.finalState });
  out.push({ kind: 'uploaded', at: uploadedAt });
  return out;
}
