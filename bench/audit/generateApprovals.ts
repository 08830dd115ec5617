/**
 * Bench support: writes `count` approval records straight into `approval_records` (review columns
 * filled, ~2% flagged), bypassing HTTP, hashing and the flagger, so 1M rows load in well under
 * 3 minutes. The review's indexes are dropped first and rebuilt after (a sort-based build beats a
 * million index updates); SQLite through one prepared statement in big transactions, PostgreSQL by
 * multi-row `unnest` inserts.
 */
import { sql, type Kysely } from 'kysely';
import type { AnyServerDatabase } from '../../src/server/db/openServerDatabase.js';
import type { Database } from '../../src/server/db/schema.js';
import { ANOMALY_CODES } from '../../src/shared/audit/anomalies.js';

const DAY = 86_400_000;
const ACTIONS = [
  ['password.reset', 'password_reset', 'approval_required', 'approved'],
  ['password.self_change_walkthrough', 'password_reset', 'proceed', 'completed'],
  ['user.create_aduc', 'new_user_account', 'approval_required', 'denied'],
  ['mail.create_mailbox', 'new_mail_account', 'escalate_partner', 'escalated_partner'],
  ['permission.ntfs', 'permission_change', 'approval_required', 'waiting_for_approver'],
  ['software.install', 'software_installation', 'blocked', 'blocked'],
  ['rmm.install', 'rmm_installation', 'tier4', 'escalated_tier4'],
  ['t4.firewall_change', 'tier4', 'tier4', 'cancelled'],
] as const;
const NOTES = [
  'locked out after holiday',
  'new starter monday',
  'payroll share access',
  'vpn token lost',
  '',
  '',
  'ok',
];
const COLUMNS = [
  'id',
  'device_id',
  'site_id',
  'technician',
  'final_state',
  'created_at',
  'body',
  'hash',
  'stored_at',
  'server_seq',
  'created_ms',
  'action',
  'category',
  'outcome',
  'caller_name',
  'caller_profile_id',
  'technician_name',
  'ticket',
  'approver_name',
  'decision_ms',
  'notes',
  'chain_seq',
  'flags',
  'flagged',
] as const;

/** A fast deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateSpec {
  count: number;
  siteIds: readonly string[];
  technicians: number;
  /** Records span this many days up to `end`. */
  days: number;
  end: number;
}

export function* approvalRows(spec: GenerateSpec): Generator<unknown[]> {
  const r = rng(20261130);
  const chain = new Map<string, number>();
  const hex = (n: number) => n.toString(16).padStart(12, '0');
  for (let i = 0; i < spec.count; i++) {
    const [action, category, outcome, finalState] = ACTIONS[Math.floor(r() * ACTIONS.length)]!;
    const tech = Math.floor(r() * spec.technicians);
    const site = spec.siteIds[Math.floor(r() * spec.siteIds.length)]!;
    const createdMs = spec.end - Math.floor(r() * spec.days * DAY);
    const id = `00000000-0000-4000-8000-${hex(i)}`;
    const technician = `tech-${String(tech).padStart(3, '0')}`;
    const device = `dev-${technician}`;
    const seq = (chain.get(device) ?? 0) + 1;
    chain.set(device, seq);
    const note = NOTES[Math.floor(r() * NOTES.length)]!;
    const decided = finalState === 'approved' || finalState === 'denied';
    const flag = r() < 0.02 ? ANOMALY_CODES[Math.floor(r() * 6)]! : null;
    const createdAt = new Date(createdMs).toISOString();
    const body = JSON.stringify({ id, siteId: site, createdAt, request: { action }, note });
    yield [
      id,
      device,
      site,
      technician,
      finalState,
      createdAt,
      body,
      hex(i).padStart(64, '0'),
      createdMs + 60_000,
      i + 1,
      createdMs,
      action,
      category,
      outcome,
      `Caller ${i % 5000}`,
      `prof-${i % 5000}`,
      `Technician ${tech}`,
      r() < 0.7 ? `INC-${100000 + Math.floor(r() * 900000)}` : null,
      decided ? 'Morgan Lee' : null,
      decided ? Math.floor(30_000 + r() * 600_000) : null,
      note,
      seq,
      flag ? `,${flag},` : '',
      flag ? 1 : 0,
    ];
  }
}

async function reviewIndexes(db: Kysely<Database>, postgres: boolean): Promise<{ name: string; sql: string }[]> {
  if (postgres) {
    const rows = await sql<{ name: string; sql: string }>`select indexname as name, indexdef as sql from pg_indexes
      where tablename = 'approval_records' and schemaname = current_schema() and indexdef not like '%UNIQUE%'`.execute(
      db,
    );
    return rows.rows;
  }
  const rows = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
    where type = 'index' and tbl_name = 'approval_records' and sql is not null`.execute(db);
  return rows.rows;
}

/** Loads the rows; returns seconds spent inserting and rebuilding indexes. */
export async function generateApprovals(
  database: AnyServerDatabase,
  spec: GenerateSpec,
): Promise<{ insertS: number; indexS: number }> {
  const { db, sqlite } = database;
  const indexes = await reviewIndexes(db, !sqlite);
  for (const ix of indexes) await sql`drop index ${sql.id(ix.name)}`.execute(db);
  const t0 = performance.now();
  const batch = sqlite ? 50_000 : 5_000;
  let rows: unknown[][] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    if (sqlite) {
      const insert = sqlite.prepare(
        `insert into approval_records (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
      );
      sqlite.transaction((all: unknown[][]) => {
        for (const row of all) insert.run(...row);
      })(rows);
    } else {
      const types = COLUMNS.map((c) =>
        ['stored_at', 'created_ms', 'decision_ms'].includes(c)
          ? 'bigint'
          : ['server_seq', 'chain_seq', 'flagged'].includes(c)
            ? 'integer'
            : 'text',
      );
      const arrays = COLUMNS.map((_, i) => rows.map((row) => row[i]));
      await sql`insert into approval_records (${sql.join(COLUMNS.map((c) => sql.id(c)))})
        select * from unnest(${sql.join(arrays.map((a, i) => sql`${a}::${sql.raw(types[i]!)}[]`))})`.execute(db);
    }
    rows = [];
  };
  for (const row of approvalRows(spec)) {
    rows.push(row);
    if (rows.length >= batch) await flush();
  }
  await flush();
  const t1 = performance.now();
  for (const ix of indexes) await sql.raw(ix.sql).execute(db);
  await sql.raw(sqlite ? 'analyze' : 'analyze approval_records').execute(db);
  return { insertS: (t1 - t0) / 1000, indexS: (performance.now() - t1) / 1000 };
}
