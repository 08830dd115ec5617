/**
 * Reads for the supervisors' approval review (issue 15): the filtered, keyset-paged list and one
 * record in full. Rows come from `approval_records` (its review columns, migration 0009); site names
 * from the directory (a deleted site shows its id).
 */
import { sql, type Kysely } from 'kysely';
import type { ApprovalRecord } from '../../shared/api/approvals.js';
import { AppError } from '../../shared/api/errors.js';
import type { FinalState } from '../../shared/api/approvals.js';
import type { Category } from '../../shared/approvals/catalogue.js';
import type { Outcome } from '../../shared/approvals/schemas.js';
import type { ApprovalDetail } from '../../shared/audit/approvalDetail.js';
import type { ApprovalListItem, ApprovalPage } from '../../shared/audit/approvalList.js';
import type { ApprovalFilter, ApprovalQuery } from '../../shared/audit/approvalQuery.js';
import type { Database } from '../db/schema.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import type { ApprovalFlagger } from './ApprovalFlagger.js';
import { flagCodes } from './anomalyRules.js';
import { decodeCursor, encodeCursor } from './approvalCursor.js';
import { applyApprovalFilter } from './approvalFilter.js';
import { approvalTimeline } from './approvalTimeline.js';
import { reviewCheckouts } from './checkoutReview.js';

const LIST_COLUMNS = [
  'id',
  'created_ms',
  'created_at',
  'site_id',
  'technician',
  'technician_name',
  'caller_name',
  'caller_profile_id',
  'action',
  'category',
  'outcome',
  'final_state',
  'ticket',
  'approver_name',
  'decision_ms',
  'flags',
] as const;

export type ListRow = Pick<Database['approval_records'], (typeof LIST_COLUMNS)[number]>;

export class ApprovalReview {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly directory: DirectoryStore,
    private readonly flagger: ApprovalFlagger,
  ) {}

  async list(query: ApprovalQuery): Promise<ApprovalPage> {
    const desc = query.sort === 'time_desc';
    let q = applyApprovalFilter(this.db.selectFrom('approval_records').select([...LIST_COLUMNS]), query);
    if (query.cursor !== undefined) {
      const c = decodeCursor(query.cursor);
      q = desc
        ? q.where(sql<boolean>`(created_ms, id) < (${c.createdMs}, ${c.id})`)
        : q.where(sql<boolean>`(created_ms, id) > (${c.createdMs}, ${c.id})`);
    }
    const dir = desc ? 'desc' : 'asc';
    const rows = await q
      .orderBy('created_ms', dir)
      .orderBy('id', dir)
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await this.items(page),
      nextCursor: rows.length > query.limit && last ? encodeCursor(Number(last.created_ms), last.id) : null,
    };
  }

  /** Every matching row, oldest first, in batches (exports). */
  async *all(filter: ApprovalFilter, batch = 2000): AsyncGenerator<ApprovalListItem[]> {
    let cursor: string | undefined;
    do {
      const page = await this.list({ ...filter, sort: 'time_asc', limit: batch, ...(cursor ? { cursor } : {}) });
      if (page.items.length > 0) yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async items(rows: readonly ListRow[]): Promise<ApprovalListItem[]> {
    const sites = await this.directory.getMany('site', [...new Set(rows.map((r) => r.site_id))]);
    return rows.map((r) => ({
      id: r.id,
      time: new Date(Number(r.created_ms)).toISOString(),
      site: { id: r.site_id, name: sites.get(r.site_id)?.name ?? r.site_id },
      technician: { id: r.technician, name: r.technician_name ?? r.technician },
      callerName: r.caller_name ?? '',
      callerProfileId: r.caller_profile_id,
      action: r.action ?? '',
      category: (r.category ?? 'tier4') as Category,
      outcome: r.outcome as Outcome,
      finalState: r.final_state as FinalState,
      ticket: r.ticket,
      approverName: r.approver_name,
      decisionMs: r.decision_ms === null ? null : Number(r.decision_ms),
      flags: flagCodes(r.flags),
    }));
  }

  async detail(id: string): Promise<ApprovalDetail> {
    const row = await this.db
      .selectFrom('approval_records')
      .select([...LIST_COLUMNS, 'body', 'device_id', 'chain_seq', 'stored_at', 'server_seq'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row)
      throw new AppError('not_found', `There is no approval record "${id}" on the server. Reload the list.`, 'id');
    const record = JSON.parse(row.body) as ApprovalRecord;
    const [item] = await this.items([row]);
    const assessment = await this.flagger.assess(record, true);
    // Volume is judged when the record is stored (the records of its day up to it); later records
    // of the same day must not add or remove the flag, so the stored verdict stands here.
    const volume =
      assessment.flags.find((f) => f.code === 'unusual_volume') ?? (await this.flagger.volumeFlagOf(record));
    const flags = [
      ...assessment.flags.filter((f) => f.code !== 'unusual_volume'),
      ...(flagCodes(row.flags).includes('unusual_volume') ? [volume] : []),
    ];
    const uploadedAt = new Date(Number(row.stored_at)).toISOString();
    return {
      item: { ...item!, flags: flags.map((f) => f.code) },
      record,
      timeline: approvalTimeline(record, uploadedAt, item!.callerName),
      recheck: {
        policyVersion: assessment.version
          ? { id: assessment.version.id, validFrom: new Date(assessment.version.validFrom).toISOString() }
          : null,
        recordedOutcome: record.decision.outcome,
        rulesOutcome: assessment.recheck.rulesOutcome,
        matches:
          assessment.recheck.rulesOutcome === null || assessment.recheck.rulesOutcome === record.decision.outcome,
        reasons: assessment.recheck.reasons,
        reasonCodes: assessment.recheck.reasonCodes,
      },
      flags,
      chain: {
        deviceId: row.device_id,
        seq: Number(row.chain_seq ?? 1),
        prevHash: record.prevHash,
        hash: record.hash,
        auditSeq: Number(row.server_seq),
      },
      uploadedAt,
      checkouts: await reviewCheckouts(this.db, { approvalId: id, limit: 100 }),
    };
  }
}
