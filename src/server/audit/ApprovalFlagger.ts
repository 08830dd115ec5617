/**
 * Checks approval records for anomalies (issue 15): re-evaluates each with the site's rules as they
 * were at the record's time (policy_versions + the site's directory data) and measures the
 * technician's volume that day. ApprovalStore calls `assess` before storing a record; `checkUnflagged`
 * fills rows the migration could not (flags null) in batches, at server start.
 *
 * The directory part of the rules (site country, people and their phones, references) is today's:
 * only the policy is versioned, because a policy is what supervisors change and re-check against.
 */
import type { Kysely } from 'kysely';
import type { ApprovalRecord } from '../../shared/api/approvals.js';
import { ANOMALY_THRESHOLDS, type AnomalyFlag } from '../../shared/audit/anomalies.js';
import type { StoredSiteRules } from '../approvals/buildSiteRules.js';
import { policyVersionAt, type PolicyVersion } from '../approvals/policyVersions.js';
import type { Database } from '../db/schema.js';
import type { SitePolicyRecord } from '../../shared/api/approvals.js';
import {
  describeVolume,
  flagColumn,
  recheck,
  recordFlags,
  type Recheck,
  type RulesAtTime,
  type VolumeBaseline,
} from './anomalyRules.js';
import { approvalReviewColumns, startedMs } from './approvalReviewColumns.js';

const DAY_MS = 86_400_000;

export interface Assessment {
  version: PolicyVersion | null;
  recheck: Recheck;
  flags: AnomalyFlag[];
}

export type SiteRulesWithPolicy = (
  siteId: string,
  policyOverride: { policy: SitePolicyRecord | null },
) => Promise<StoredSiteRules | undefined>;

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export class ApprovalFlagger {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly siteRules: SiteRulesWithPolicy,
  ) {}

  /** The site's rules in force at `at` (ms), or null when the server had no policy version then. */
  async rulesAt(siteId: string, at: number): Promise<{ atTime: RulesAtTime | null; version: PolicyVersion | null }> {
    const version = await policyVersionAt(this.db, siteId, at);
    if (!version) return { atTime: null, version: null };
    const built = await this.siteRules(siteId, { policy: version.policy });
    return { atTime: built ? { rules: built.rules, policy: version.policy } : null, version };
  }

  /**
   * The technician's records on the day of `createdMs` (UTC), plus `extra` not stored yet, and the
   * median per active day over the window before it.
   */
  async volume(technicianId: string, createdMs: number, extra: number): Promise<VolumeBaseline> {
    const dayStart = Math.floor(createdMs / DAY_MS) * DAY_MS;
    const windowStart = dayStart - ANOMALY_THRESHOLDS.unusualVolume.windowDays * DAY_MS;
    const rows = await this.db
      .selectFrom('approval_records')
      .select(['created_ms'])
      .where('technician', '=', technicianId)
      .where('created_ms', '>=', windowStart)
      .where('created_ms', '<', dayStart + DAY_MS)
      .execute();
    const perDay = new Map<number, number>();
    let dayCount = extra;
    for (const r of rows) {
      const t = Number(r.created_ms);
      if (t >= dayStart) dayCount++;
      else perDay.set(Math.floor(t / DAY_MS), (perDay.get(Math.floor(t / DAY_MS)) ?? 0) + 1);
    }
    return {
      day: new Date(dayStart).toISOString().slice(0, 10),
      dayCount,
      activeDays: perDay.size,
      median: median([...perDay.values()]),
    };
  }

  /** Re-check and flags of a record; `stored` says whether it is already in approval_records. */
  async assess(record: ApprovalRecord, stored: boolean): Promise<Assessment> {
    const { atTime, version } = await this.rulesAt(record.siteId, startedMs(record));
    const check = recheck(record, atTime);
    const createdMs = approvalReviewColumns(record).created_ms;
    const volume = await this.volume(record.technician.id, createdMs, stored ? 0 : 1);
    return { version, recheck: check, flags: recordFlags(record, atTime, check, volume) };
  }

  /** The unusual-volume sentence for a stored record's day, whatever the numbers are now. */
  async volumeFlagOf(record: ApprovalRecord): Promise<AnomalyFlag> {
    return describeVolume(await this.volume(record.technician.id, approvalReviewColumns(record).created_ms, 0));
  }

  /** Flags up to `batch` stored rows that have none yet (flags null); returns how many it checked. */
  async checkUnflagged(batch = 500): Promise<number> {
    const rows = await this.db
      .selectFrom('approval_records')
      .select(['id', 'body'])
      .where('flags', 'is', null)
      .orderBy('server_seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      const { flags } = await this.assess(JSON.parse(row.body) as ApprovalRecord, true);
      const column = flagColumn(flags);
      await this.db
        .updateTable('approval_records')
        .set({ flags: column, flagged: column === '' ? 0 : 1 })
        .where('id', '=', row.id)
        .execute();
    }
    return rows.length;
  }
}
