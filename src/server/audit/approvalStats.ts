/**
 * The numbers behind the supervisors' charts (`GET /v1/approvals/stats`, shared/audit/approvalStats.ts)
 * over the filtered records: grouped in SQL where a count does; medians and p90s in memory from the
 * decision times alone (one number per decided record).
 */
import { sql, type Kysely } from 'kysely';
import type { ApprovalFilter } from '../../shared/audit/approvalQuery.js';
import type { ApprovalStats } from '../../shared/audit/approvalStats.js';
import { OUTCOMES_IN_ORDER } from '../../shared/audit/outcomes.js';
import type { Database } from '../db/schema.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import { flagCodes } from './anomalyRules.js';
import { applyApprovalFilter } from './approvalFilter.js';
import { reviewCheckouts } from './checkoutReview.js';

const DAY_MS = 86_400_000;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Nearest-rank percentile of sorted values; null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function approvalStats(
  db: Kysely<Database>,
  directory: DirectoryStore,
  filter: ApprovalFilter,
): Promise<ApprovalStats> {
  const base = () => applyApprovalFilter(db.selectFrom('approval_records'), filter);
  // A literal: a bound number is a REAL in SQLite, which would make this a fractional division.
  const day = sql<number>`created_ms / ${sql.lit(DAY_MS)}`;
  const n = sql<number>`count(*)`;
  const [perDayRows, decisions, escalations, technicians, flagRows] = await Promise.all([
    base()
      .select([day.as('day'), 'outcome', n.as('n')])
      .groupBy([day, 'outcome'])
      .execute(),
    base()
      .select([day.as('day'), 'decision_ms'])
      .where('decision_ms', 'is not', null)
      .execute(),
    base()
      .select(['site_id', n.as('n')])
      .where('final_state', 'in', ['escalated_tier4', 'escalated_partner'])
      .groupBy('site_id')
      .orderBy(n, 'desc')
      .orderBy('site_id')
      .limit(10)
      .execute(),
    base()
      .select(['technician', sql<string>`max(technician_name)`.as('name'), n.as('n')])
      .groupBy('technician')
      .orderBy(n, 'desc')
      .orderBy('technician')
      .limit(10)
      .execute(),
    base()
      .select(['flags', n.as('n')])
      .where('flagged', '=', 1)
      .groupBy('flags')
      .execute(),
  ]);

  const perDay = new Map<number, ApprovalStats['perDay'][number]>();
  for (const r of perDayRows) {
    const d = Number(r.day);
    const entry =
      perDay.get(d) ??
      ({ day: dayOf(d), total: 0, byOutcome: Object.fromEntries(OUTCOMES_IN_ORDER.map((o) => [o, 0])) } as const);
    const byOutcome = entry.byOutcome as Record<string, number>;
    if (r.outcome !== null) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + Number(r.n);
    perDay.set(d, { ...entry, total: entry.total + Number(r.n) });
  }

  const all: number[] = [];
  const byDay = new Map<number, number[]>();
  for (const r of decisions) {
    const v = Number(r.decision_ms);
    all.push(v);
    const list = byDay.get(Number(r.day)) ?? [];
    list.push(v);
    byDay.set(Number(r.day), list);
  }
  const summary = (values: number[]) => {
    values.sort((a, b) => a - b);
    return { count: values.length, medianMs: percentile(values, 50), p90Ms: percentile(values, 90) };
  };

  const siteNames = await directory.getMany(
    'site',
    escalations.map((e) => e.site_id),
  );
  const checkouts = await reviewCheckouts(db, {
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.siteId ? { siteId: filter.siteId } : {}),
    limit: 10_000,
  });
  const byUser = new Map<string, { userId: string; name: string; count: number; flagged: number }>();
  for (const c of checkouts) {
    const u = byUser.get(c.user.id) ?? { userId: c.user.id, name: c.user.name, count: 0, flagged: 0 };
    u.count++;
    if (c.flags.length > 0) u.flagged++;
    byUser.set(c.user.id, u);
  }
  const flags: Record<string, number> = {};
  for (const r of flagRows) for (const code of flagCodes(r.flags)) flags[code] = (flags[code] ?? 0) + Number(r.n);

  return {
    perDay: [...perDay.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v),
    timeToDecision: {
      overall: summary(all),
      perDay: [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([d, v]) => ({ day: dayOf(d), ...summary(v) })),
    },
    escalationsBySite: escalations.map((e) => ({
      siteId: e.site_id,
      siteName: siteNames.get(e.site_id)?.name ?? e.site_id,
      count: Number(e.n),
    })),
    topTechnicians: technicians.map((t) => ({
      technicianId: t.technician,
      name: t.name ?? t.technician,
      count: Number(t.n),
    })),
    checkoutsByUser: [...byUser.values()]
      .sort((a, b) => b.count - a.count || a.userId.localeCompare(b.userId))
      .slice(0, 20),
    flags,
  };
}
