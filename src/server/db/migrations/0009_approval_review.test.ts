import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/chain/canonicalJson.js';
import { deviceChain } from '../../approvals/testRecords.testkit.js';
import { ApprovalFlagger } from '../../audit/ApprovalFlagger.js';
import type { Database } from '../schema.js';
import { migrations } from './index.js';

describe('migration 0009 (approval review)', () => {
  it("backfills the review columns and chain positions of stored records, and versions today's policies since the epoch", async () => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('0008_cti')).error).toBeUndefined();
    const records = await deviceChain('dev-1', 2);
    let seq = 0;
    for (const r of records) {
      await db
        .insertInto('approval_records')
        .values({
          id: r.id,
          device_id: r.deviceId,
          site_id: r.siteId,
          technician: r.technician.id,
          final_state: r.finalState,
          created_at: r.createdAt,
          body: canonicalJson(r),
          hash: r.hash,
          stored_at: 1,
          server_seq: ++seq,
        } as never)
        .execute();
    }
    await db
      .insertInto('directory_records')
      .values({
        kind: 'policy',
        id: 'site-northwind',
        site_id: 'site-northwind',
        data: '{"siteId":"site-northwind","policies":{}}',
        updated_at: 5,
      })
      .execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = await db.selectFrom('approval_records').selectAll().orderBy('server_seq').execute();
    expect(
      rows.map((r) => [
        r.chain_seq,
        r.action,
        r.category,
        r.outcome,
        r.caller_name,
        r.approver_name,
        r.ticket,
        r.flags,
      ]),
    ).toEqual([
      [1, 'password.reset', 'password_reset', records[0]!.decision.outcome, 'Dana Reyes', 'Lee Chan', 'T-1001', null],
      [2, 'password.reset', 'password_reset', records[1]!.decision.outcome, 'Dana Reyes', 'Lee Chan', 'T-1001', null],
    ]);
    expect(rows[0]!.created_ms).toBe(Date.parse('2026-03-01T10:02:00Z'));
    expect(rows[0]!.decision_ms).toBe(60_000);
    expect(await db.selectFrom('policy_versions').select(['site_id', 'valid_from']).execute()).toEqual([
      { site_id: 'site-northwind', valid_from: 0 },
    ]);
    // The server then checks the unflagged rows (here without rules: checked, nothing to flag).
    const flagger = new ApprovalFlagger(db, async () => undefined);
    expect(await flagger.checkUnflagged()).toBe(2);
    expect(await flagger.checkUnflagged()).toBe(0);
    expect((await db.selectFrom('approval_records').select('flags').execute()).map((r) => r.flags)).toEqual(['', '']);
    await db.destroy();
  });
});
