/**
 * The supervisors' approval review (issue 15):
 *  - `approval_records` gains real columns for every filter of `GET /v1/approvals` (they lived only
 *    inside the JSON `body`), the record's position in its device chain, and its anomaly flags
 *    (`flags` = ",code,code," or "" for none; null = not checked yet — the server checks such rows at
 *    start). Stored rows are backfilled from their bodies here.
 *  - one index per filter, each ending in (created_ms, id), the keyset of the list: a filtered page
 *    reads only its rows, newest or oldest first.
 *  - `policy_versions`: every write of a site's approval policy (data = the SitePolicyRecord JSON, null
 *    when deleted) from `valid_from` on, so a record is re-checked against the rules of its time.
 *    Today's policies are backfilled as valid since the epoch.
 *  - `audit_log (subject, seq)`: the audit trail filtered to one subject (a record ↔ its entries).
 */
import { sql, type Kysely } from 'kysely';
import type { ApprovalRecord } from '../../../shared/api/approvals.js';
import { approvalReviewColumns } from '../../audit/approvalReviewColumns.js';
import { isPostgres } from '../dialect.js';

const COLUMNS: [string, 'text' | 'bigint' | 'integer'][] = [
  ['created_ms', 'bigint'],
  ['action', 'text'],
  ['category', 'text'],
  ['outcome', 'text'],
  ['caller_name', 'text'],
  ['caller_profile_id', 'text'],
  ['technician_name', 'text'],
  ['ticket', 'text'],
  ['approver_name', 'text'],
  ['decision_ms', 'bigint'],
  ['notes', 'text'],
  ['chain_seq', 'integer'],
  ['flags', 'text'],
];

const FILTER_INDEXES: [name: string, column: string][] = [
  ['site', 'site_id'],
  ['technician', 'technician'],
  ['action', 'action'],
  ['category', 'category'],
  ['outcome', 'outcome'],
  ['state', 'final_state'],
  ['ticket', 'ticket'],
  ['flagged', 'flagged'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the schema type holds
type AnyDb = Kysely<any>;

async function backfill(db: AnyDb): Promise<void> {
  const chainSeq = new Map<string, number>();
  let after = -1;
  for (;;) {
    const rows: { id: string; technician: string; device_id: string; body: string; server_seq: number }[] = await db
      .selectFrom('approval_records')
      .select(['id', 'technician', 'device_id', 'body', 'server_seq'])
      .where('server_seq', '>', after)
      .orderBy('server_seq')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      const key = `${row.technician}\u0000${row.device_id}`;
      const seq = (chainSeq.get(key) ?? 0) + 1;
      chainSeq.set(key, seq);
      const columns = approvalReviewColumns(JSON.parse(row.body) as ApprovalRecord);
      await db
        .updateTable('approval_records')
        .set({ ...columns, chain_seq: seq })
        .where('id', '=', row.id)
        .execute();
    }
    after = Number(rows[rows.length - 1]!.server_seq);
  }
}

export async function up(db: AnyDb): Promise<void> {
  for (const [name, type] of COLUMNS) {
    await db.schema.alterTable('approval_records').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('approval_records')
    .addColumn('flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await backfill(db);

  await db.schema.createIndex('approval_records_time').on('approval_records').columns(['created_ms', 'id']).execute();
  for (const [name, column] of FILTER_INDEXES) {
    await db.schema
      .createIndex(`approval_records_${name}_time`)
      .on('approval_records')
      .columns([column, 'created_ms', 'id'])
      .execute();
  }
  // The review's most common pair of chips: one site and one technician.
  await db.schema
    .createIndex('approval_records_site_technician_time')
    .on('approval_records')
    .columns(['site_id', 'technician', 'created_ms', 'id'])
    .execute();
  await db.schema
    .createIndex('approval_records_unchecked')
    .on('approval_records')
    .column('server_seq')
    .where(sql.ref('flags'), 'is', null)
    .execute();

  // `GET /v1/audit?subject=`: a record's own entries (stored, escalated) from the review.
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject', 'seq']).execute();

  const pg = isPostgres(db);
  await db.schema
    .createTable('policy_versions')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('valid_from', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('policy_versions_site')
    .on('policy_versions')
    .columns(['site_id', 'valid_from', 'id'])
    .execute();
  await sql`insert into policy_versions (site_id, data, valid_from)
    select id, data, 0 from directory_records where kind = 'policy' order by id`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('policy_versions').execute();
  await db.schema.dropIndex('audit_log_subject').execute();
  await db.schema.dropIndex('approval_records_unchecked').execute();
  await db.schema.dropIndex('approval_records_time').execute();
  await db.schema.dropIndex('approval_records_site_technician_time').execute();
  for (const [name] of FILTER_INDEXES) await db.schema.dropIndex(`approval_records_${name}_time`).execute();
  for (const [name] of [...COLUMNS, ['flagged']]) {
    await db.schema.alterTable('approval_records').dropColumn(name!).execute();
  }
}
