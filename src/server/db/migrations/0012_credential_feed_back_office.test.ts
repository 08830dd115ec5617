import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../schema.js';
import { migrations } from './index.js';

/** A database at migration 0011 whose credential feed holds `feed` (id → record JSON), each with its change row. */
async function feedBefore0012(feed: Record<string, string>) {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  expect((await migrator.migrateTo('0011_password_change')).error).toBeUndefined();
  for (const [id, data] of Object.entries(feed)) {
    await db
      .insertInto('directory_records')
      .values({ kind: 'credential', id, site_id: 's1', data, updated_at: 1 })
      .execute();
    await db.insertInto('changes').values({ kind: 'credential', record_id: id, op: 'upsert', changed_at: 1 }).execute();
  }
  return { db, migrator };
}

describe('migration 0012 (credential feed: back-office accounts only)', () => {
  it('is all or nothing: stopped half-way, it leaves every record and change row as they were', async () => {
    const { db, migrator } = await feedBefore0012({ 'cred-a': '{"backOfficeAccess":false}', 'cred-b': '{}' });
    // The second tombstone fails, after the first record was deleted and tombstoned.
    await sql`CREATE TRIGGER stop_0012 BEFORE INSERT ON changes WHEN NEW.record_id = 'cred-b'
      BEGIN SELECT RAISE(ABORT, 'stopped'); END`.execute(db);
    expect((await migrator.migrateToLatest()).error).toBeDefined();
    const records = await db.selectFrom('directory_records').select('id').orderBy('id').execute();
    expect(records.map((r) => r.id)).toEqual(['cred-a', 'cred-b']);
    const changes = await db.selectFrom('changes').select(['seq', 'record_id', 'op']).orderBy('seq').execute();
    expect(changes.map((c) => [c.seq, c.record_id, c.op])).toEqual([
      [1, 'cred-a', 'upsert'],
      [2, 'cred-b', 'upsert'],
    ]);
  });

  it('replaces the feed record of every account without back-office access with a tombstone above the head', async () => {
    const { db, migrator } = await feedBefore0012({
      'cred-noc': '{"backOfficeAccess":true}',
      'cred-front': '{"backOfficeAccess":false}',
      'cred-bad': '{',
    });
    await db.insertInto('changes').values({ kind: 'site', record_id: 's1', op: 'upsert', changed_at: 1 }).execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const records = await db.selectFrom('directory_records').select('id').where('kind', '=', 'credential').execute();
    expect(records.map((r) => r.id)).toEqual(['cred-noc']);
    const changes = await db.selectFrom('changes').select(['seq', 'kind', 'record_id', 'op']).orderBy('seq').execute();
    // The site's and the kept account's rows are untouched; the other two are now tombstones after them.
    expect(changes.map((c) => [c.seq, c.record_id, c.op])).toEqual([
      [1, 'cred-noc', 'upsert'],
      [4, 's1', 'upsert'],
      [5, 'cred-front', 'delete'],
      [6, 'cred-bad', 'delete'],
    ]);
  });
});
