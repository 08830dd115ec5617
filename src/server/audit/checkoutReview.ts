/**
 * Credential check-outs (vault leases) as the supervisors' review shows them, with their anomaly
 * flags: a confirmed wrong-site check-out (`vault_leases.wrong_site`), and a check-out without a
 * linked approval on a site whose policy at that time requires one. "Requires one" is read from the
 * site's `password_reset` policy (a credential check-out is password work): set, and not
 * `noApprovalNeeded` — a site with no policy at all is not flagged, or every check-out of an
 * unconfigured site would be.
 */
import type { Kysely } from 'kysely';
import type { AnomalyFlag } from '../../shared/audit/anomalies.js';
import type { CheckoutReviewItem, CheckoutReviewQuery } from '../../shared/audit/approvalDetail.js';
import { AppError } from '../../shared/api/errors.js';
import { policyVersionsOf, versionAt, type PolicyVersion } from '../approvals/policyVersions.js';
import type { Database } from '../db/schema.js';

export interface LeaseRow {
  id: string;
  credential_id: string;
  user_id: string;
  reason: string;
  ticket: string;
  approval_id: string | null;
  wrong_site: number;
  created_at: number;
  site_id: string;
  meta: string;
  user_name: string | null;
}

export function checkoutFlags(row: LeaseRow, versions: readonly PolicyVersion[] | undefined): AnomalyFlag[] {
  const flags: AnomalyFlag[] = [];
  const params = { credentialId: row.credential_id, siteId: row.site_id };
  const policy = versionAt(versions, Number(row.created_at))?.policy?.policies.password_reset;
  if (row.approval_id === null && policy && !policy.noApprovalNeeded) {
    flags.push({
      code: 'checkout_without_approval',
      params,
      message: `Checked out without a linked approval, although the site's password policy at the time required an approver.`,
    });
  }
  if (Number(row.wrong_site) === 1) {
    flags.push({
      code: 'checkout_wrong_site',
      params,
      message: `Checked out for a caller of another site; the technician confirmed it.`,
    });
  }
  return flags;
}

const msOf = (iso: string | undefined, field: string): number | undefined => {
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) throw new AppError('bad_request', `${field}: not a time. Use ISO 8601.`, field);
  return t;
};

/** Leases matching the filter, newest first, with their flags. */
export async function reviewCheckouts(
  db: Kysely<Database>,
  f: Partial<Omit<CheckoutReviewQuery, 'limit'>> & { approvalId?: string; limit: number },
): Promise<CheckoutReviewItem[]> {
  let q = db
    .selectFrom('vault_leases as l')
    .innerJoin('vault_credentials as c', 'c.id', 'l.credential_id')
    .leftJoin('users as u', 'u.id', 'l.user_id')
    .select([
      'l.id',
      'l.credential_id',
      'l.user_id',
      'l.reason',
      'l.ticket',
      'l.approval_id',
      'l.wrong_site',
      'l.created_at',
      'c.site_id',
      'c.meta',
      'u.name as user_name',
    ]);
  const from = msOf(f.from, 'from');
  const to = msOf(f.to, 'to');
  if (from !== undefined) q = q.where('l.created_at', '>=', from);
  if (to !== undefined) q = q.where('l.created_at', '<', to);
  if (f.siteId !== undefined) q = q.where('c.site_id', '=', f.siteId);
  if (f.userId !== undefined) q = q.where('l.user_id', '=', f.userId);
  if (f.approvalId !== undefined) q = q.where('l.approval_id', '=', f.approvalId);
  // Flags are computed here, so a flag filter reads a bounded window and filters in memory.
  const filtering = f.flagged !== undefined || f.flag !== undefined;
  const rows: LeaseRow[] = await q
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(filtering ? 10_000 : f.limit)
    .execute();
  const versions = await policyVersionsOf(
    db,
    rows.map((r) => r.site_id),
  );
  const items = rows.map((row): CheckoutReviewItem => {
    const meta = JSON.parse(row.meta) as { name?: string };
    return {
      leaseId: row.id,
      at: new Date(Number(row.created_at)).toISOString(),
      credentialId: row.credential_id,
      credentialName: meta.name ?? row.credential_id,
      siteId: row.site_id,
      user: { id: row.user_id, name: row.user_name ?? row.user_id },
      ticket: row.ticket,
      reason: row.reason,
      approvalId: row.approval_id,
      flags: checkoutFlags(row, versions.get(row.site_id)),
    };
  });
  return items
    .filter((i) => f.flagged === undefined || i.flags.length > 0 === f.flagged)
    .filter((i) => f.flag === undefined || i.flags.some((x) => x.code === f.flag))
    .slice(0, f.limit);
}
