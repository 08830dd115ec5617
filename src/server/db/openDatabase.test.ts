import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations/index.js';
import { openDatabase } from './openDatabase.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('openDatabase', () => {
  it('creates the schema in WAL mode with foreign keys, and reopens without re-migrating', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-db-'));
    dirs.push(dir);
    const file = join(dir, 'callsign.sqlite');
    const first = await openDatabase(file);
    expect(first.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (
      first.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'access_tokens',
        'refresh_tokens',
        'login_failures',
        'directory_records',
        'changes',
        'approval_records',
        'audit_log',
        'sms_codes',
      ]),
    );
    await first.close();
    const again = await openDatabase(file);
    expect((again.sqlite.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n).toBe(
      Object.keys(migrations).length,
    );
    await again.close();
  });
  it('gives the query planner statistics: PRAGMA optimize at open and at close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-db-'));
    dirs.push(dir);
    const file = join(dir, 'callsign.sqlite');
    const stats = (d: { sqlite: { prepare(sql: string): { all(): unknown[] } } }) => {
      const has = d.sqlite.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").all().length > 0;
      return has ? (d.sqlite.prepare("select tbl from sqlite_stat1 where tbl = 'changes'").all() as unknown[]) : [];
    };
    const fill = (d: Awaited<ReturnType<typeof openDatabase>>) => {
      const put = d.sqlite.prepare(
        "insert into changes (kind, record_id, seq, op, changed_at) values (?, ?, ?, 'upsert', 1)",
      );
      d.sqlite.transaction(() => {
        for (let i = 1; i <= 2000; i++) put.run('profile', `p${i}`, i);
      })();
    };
    // Written, then the process dies without closing: the next open analyses what it finds.
    const crashed = await openDatabase(file);
    fill(crashed);
    expect(stats(crashed)).toEqual([]);
    crashed.sqlite.close();
    const reopened = await openDatabase(file);
    expect(stats(reopened).length).toBeGreaterThan(0);
    await reopened.close();
    // A clean close analyses what this connection changed.
    const other = join(dir, 'other.sqlite');
    const second = await openDatabase(other);
    fill(second);
    await second.close();
    const check = new BetterSqlite3(other, { readonly: true }); // not openDatabase: it would analyse itself
    expect(stats({ sqlite: check }).length).toBeGreaterThan(0);
    check.close();
  });
});
