/**
 * The columns of `approval_records` the supervisors' review filters and sorts on (migration 0009),
 * taken from the record itself. Pure and frozen in meaning: migration 0009 backfills stored rows with
 * it and ApprovalStore fills new rows with it, so both agree.
 */
import type { ApprovalRecord } from '../../shared/api/approvals.js';
import { getAction } from '../../shared/approvals/catalogue.js';

export interface ApprovalReviewColumns {
  created_ms: number;
  action: string;
  category: string;
  outcome: string;
  caller_name: string;
  caller_profile_id: string | null;
  technician_name: string;
  ticket: string | null;
  approver_name: string | null;
  decision_ms: number | null;
  /** Every event note, lower-cased and joined by newlines, for the text filter. */
  notes: string;
}

type StoredRecord = Pick<
  ApprovalRecord,
  'createdAt' | 'request' | 'decision' | 'caller' | 'technician' | 'ticket' | 'events'
>;

const ms = (iso: string | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
};

/** The approver who decided: the last dialled approver who answered before the decision. */
export function decidingApprover(events: ApprovalRecord['events']): string | null {
  let answered: string | null = null;
  for (const e of events) {
    if (e.type === 'dialed' && e.result === 'answered') answered = e.approver;
    if (e.type === 'approverDecided') return answered;
  }
  return null;
}

/** When the workflow started: its first timed event, else the record's time. */
export function startedMs(record: Pick<ApprovalRecord, 'createdAt' | 'events'>): number {
  const created = ms(record.createdAt) ?? 0;
  const first = record.events.map((e) => ms(e.at)).find((t) => t !== null);
  return first !== undefined && first !== null ? Math.min(first, created) : created;
}

export function approvalReviewColumns(record: StoredRecord): ApprovalReviewColumns {
  const decided = record.events.find((e) => e.type === 'approverDecided');
  const decidedAt = decided ? ms(decided.at) : null;
  const start = startedMs(record);
  const notes = record.events
    .map((e) => ('note' in e && typeof e.note === 'string' ? e.note.trim() : ''))
    .filter((n) => n !== '')
    .join('\n')
    .toLowerCase();
  const caller = record.caller;
  return {
    created_ms: ms(record.createdAt) ?? 0,
    action: record.request.action,
    category: getAction(record.request.action)?.category ?? 'unknown',
    outcome: record.decision.outcome,
    caller_name: 'profileId' in caller ? caller.name : (caller.unidentified.name ?? ''),
    caller_profile_id: 'profileId' in caller ? caller.profileId : null,
    technician_name: record.technician.name,
    ticket: record.ticket ?? null,
    approver_name: decidingApprover(record.events),
    decision_ms: decidedAt !== null ? Math.max(0, decidedAt - start) : null,
    notes,
  };
}
