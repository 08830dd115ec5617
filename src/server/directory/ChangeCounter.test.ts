import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { sql } from 'kysely';
import { rewritten } from './ChangeCounter.js';
import { DirectoryStore } from './DirectoryStore.js';

let database: ServerDatabase;
beforeEach(async () => {
  database = await openDatabase(':memory:');
});
afterEach(() => database.close());

const site = (id: string, name = id) => ({ id, name, companyName: 'C', country: 'US' });

async function sqlCount(seq: number): Promise<number> {
  const r = await database.db
    .selectFrom('changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', '>', seq)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('countChangesAfter (in-memory seq list)', () => {
  it('matches count(*) after every write, including writes through another store (another process)', async () => {
    const a = new DirectoryStore(database.db, () => 1);
    const b = new DirectoryStore(database.db, () => 1);
    expect(await a.countChangesAfter(0)).toBe(0);
    for (const id of ['s1', 's2', 's3']) await a.upsertSite(site(id));
    expect(await a.countChangesAfter(0)).toBe(3);
    await b.upsertSite(site('s1', 'renamed')); // replaces s1's change row with a newer seq
    await b.delete('site', 's2');
    const latest = await a.latestSeq();
    for (let seq = 0; seq <= latest; seq++) expect(await a.countChangesAfter(seq)).toBe(await sqlCount(seq));
  });
});

describe('rewritten (history epoch)', () => {
  const list = (...s: number[]) => Float64Array.from(s);
  const head = (seq: number, changedAt = 1) => ({ seq, changedAt });

  it('accepts normal writes: rows deleted anywhere, rows appended above the head', () => {
    expect(rewritten(list(), head(0, 0), list(1, 2, 3), head(3))).toBe(false);
    expect(rewritten(list(1, 2, 3), head(3), list(1, 3, 4, 5), head(5))).toBe(false);
    expect(rewritten(list(1, 2, 3), head(3), list(1, 2, 3), head(3))).toBe(false);
  });

  it('flags a reset: the head went back, changed in place, or a seq below the old head reappeared', () => {
    expect(rewritten(list(1, 2, 3), head(3), list(1, 2), head(2))).toBe(true);
    expect(rewritten(list(1, 2, 3), head(3, 1), list(1, 2, 3), head(3, 2))).toBe(true);
    expect(rewritten(list(1, 3), head(3), list(1, 2, 3, 4), head(4))).toBe(true);
  });

  it('bumps the view epoch when seqs are reused after the table is emptied', async () => {
    const store = new DirectoryStore(database.db, () => 1);
    for (const id of ['s1', 's2']) await store.upsertSite(site(id));
    const first = await store.changeLogView(await store.headMark());
    await database.db.deleteFrom('changes').execute();
    await database.db.deleteFrom('directory_records').execute();
    await sql`delete from sqlite_sequence where name = 'changes'`.execute(database.db);
    const reseeded = new DirectoryStore(database.db, () => 2);
    for (const id of ['n1', 'n2']) await reseeded.upsertSite(site(id));
    const after = await store.changeLogView(await store.headMark());
    expect([...after.seqs]).toEqual([...first.seqs]);
    expect(after.epoch).toBe(first.epoch + 1);
  });
});
