import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
