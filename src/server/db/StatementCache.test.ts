import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type ServerDatabase } from './openDatabase.js';
import { StatementCache } from './StatementCache.js';

const open: ServerDatabase[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

describe('StatementCache', () => {
  it('is what Kysely prepares through: a repeated query is prepared by SQLite once', async () => {
    const database = await openDatabase(':memory:');
    open.push(database);
    const prepare = vi.spyOn(database.sqlite, 'prepare');
    const before = database.statementCache();
    for (let i = 0; i < 20; i++)
      await database.db.selectFrom('users').select('id').where('email', '=', `u${i}@x.test`).execute();
    const after = database.statementCache();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(19);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('stays within its bound, evicting the least recently used statement', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const cache = new StatementCache(sqlite, 3);
    const q = (n: number) => `select ${n} as n`;
    cache.prepare(q(1));
    cache.prepare(q(2));
    cache.prepare(q(3));
    cache.prepare(q(1)); // 1 is now the most recent; 2 the least
    for (let n = 4; n < 50; n++) expect(cache.prepare(q(n)).get()).toEqual({ n });
    expect(cache.stats()).toMatchObject({ size: 3, max: 3 });
    const misses = cache.stats().misses;
    cache.prepare(q(49));
    expect(cache.stats().misses).toBe(misses);
    cache.prepare(q(2));
    expect(cache.stats().misses).toBe(misses + 1);
    sqlite.close();
  });

  it('hands out a fresh statement while the cached one is still being iterated', () => {
    const sqlite = new BetterSqlite3(':memory:');
    const cache = new StatementCache(sqlite, 10);
    const text = 'select value from json_each(?)';
    const rows: number[] = [];
    for (const outer of cache.prepare(text).iterate('[1,2]') as Iterable<{ value: number }>) {
      const inner = cache.prepare(text).all('[10]') as { value: number }[];
      rows.push(outer.value, inner[0]!.value);
    }
    expect(rows).toEqual([1, 10, 2, 10]);
    expect(cache.stats().size).toBe(1);
    sqlite.close();
  });

  it('serves many concurrent Kysely queries and transactions with correct results', async () => {
    const database = await openDatabase(':memory:');
    open.push(database);
    const { db } = database;
    const cachedBefore = database.statementCache().size;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 2
          ? sql<{ n: number }>`select ${i} as n`.execute(db).then((r) => r.rows[0]!.n)
          : db
              .transaction()
              .execute(async (trx) => (await sql<{ n: number }>`select ${i} as n`.execute(trx)).rows[0]!.n),
      ),
    );
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(database.statementCache().size - cachedBefore).toBeLessThanOrEqual(4); // select, begin, commit + slack
  });

  it('refuses a bound that is not a positive integer', () => {
    const sqlite = new BetterSqlite3(':memory:');
    expect(() => new StatementCache(sqlite, 0)).toThrow(/positive integer/);
    sqlite.close();
  });
});
