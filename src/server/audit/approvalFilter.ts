/**
 * The review's filters (shared/audit/approvalQuery.ts) as WHERE clauses on `approval_records`, each
 * on a column of migration 0009 with an index ending in (created_ms, id). Only `q` (text in notes)
 * cannot use an index: it scans in time order until the page is full, so it is fast when combined
 * with a narrowing filter or when matches are common.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { ApprovalFilter } from '../../shared/audit/approvalQuery.js';
import { AppError } from '../../shared/api/errors.js';
import type { Database } from '../db/schema.js';

/** Escapes LIKE wildcards (`\` is the escape character). */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const msOf = (iso: string, field: string): number => {
  const t = Date.parse(iso);
  if (!Number.isFinite(t))
    throw new AppError('bad_request', `${field}: not a time. Use ISO 8601, e.g. 2026-03-01T00:00:00Z.`, field);
  return t;
};

export function applyApprovalFilter<O>(
  qb: SelectQueryBuilder<Database, 'approval_records', O>,
  f: ApprovalFilter,
): SelectQueryBuilder<Database, 'approval_records', O> {
  let q = qb;
  if (f.from !== undefined) q = q.where('created_ms', '>=', msOf(f.from, 'from'));
  if (f.to !== undefined) q = q.where('created_ms', '<', msOf(f.to, 'to'));
  if (f.siteId !== undefined) q = q.where('site_id', '=', f.siteId);
  if (f.technicianId !== undefined) q = q.where('technician', '=', f.technicianId);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.category !== undefined) q = q.where('category', '=', f.category);
  if (f.outcome !== undefined) q = q.where('outcome', '=', f.outcome);
  if (f.finalState !== undefined) q = q.where('final_state', '=', f.finalState);
  if (f.ticket !== undefined) q = q.where('ticket', '=', f.ticket);
  if (f.flagged !== undefined) q = q.where('flagged', '=', f.flagged ? 1 : 0);
  if (f.flag !== undefined) q = q.where('flagged', '=', 1).where('flags', 'like', `%,${f.flag},%`);
  if (f.q !== undefined) {
    const pattern = `%${likeLiteral(f.q.toLowerCase())}%`;
    q = q.where(sql<boolean>`notes like ${pattern} escape '\\'`);
  }
  return q;
}
