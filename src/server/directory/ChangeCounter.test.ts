import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { sql, type KyselyPlugin } from 'kysely';
import fc from 'fast-check';
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

describe('reload after writes (only the rows above the old head)', () => {
  /** Counts the rows every query of `db` returns: what a reload costs. */
  function counting(db: ServerDatabase['db']) {
    const seen = { rows: 0 };
    const plugin: KyselyPlugin = {
      transformQuery: (a) => a.node,
      transformResult: async (a) => ((seen.rows += a.result.rows.length), a.result),
    };
    return { db: db.withPlugin(plugin), seen };
  }
  const allSeqs = async () =>
    (await database.db.selectFrom('changes').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));

  it('reads the new rows and one aggregate, not the whole log, after records were updated elsewhere', async () => {
    const writer = new DirectoryStore(database.db, () => 1);
    for (let i = 0; i < 300; i++) await writer.upsertSite(site(`s${i}`));
    const { db, seen } = counting(database.db);
    const store = new DirectoryStore(db, () => 1);
    const first = await store.changeLogView(await store.headMark());
    expect(first.seqs.length).toBe(300);
    for (let i = 0; i < 10; i++) await writer.upsertSite(site(`s${i * 29}`, 'renamed'));
    const before = seen.rows;
    const view = await store.changeLogView(await store.headMark());
    // 10 new rows + the head mark + the count/sum check (a full reload would read 300).
    expect(seen.rows - before).toBeLessThanOrEqual(12);
    expect([...view.seqs]).toEqual(await allSeqs());
    expect(view).toMatchObject({ exact: true, epoch: first.epoch });
  });

  it('falls back to the full reload when a row went without a replacement (and stays exact)', async () => {
    const store = new DirectoryStore(database.db, () => 1);
    for (const id of ['s1', 's2', 's3']) await store.upsertSite(site(id));
    await store.changeLogView(await store.headMark());
    await database.db.deleteFrom('changes').where('record_id', '=', 's2').execute(); // unexplained by new rows
    await store.upsertSite(site('s4'));
    const view = await store.changeLogView(await store.headMark());
    expect([...view.seqs]).toEqual(await allSeqs());
    expect(view.exact).toBe(true);
  });

  it('always equals the table after any mix of upserts, deletes, bare row deletes and resets (property)', async () => {
    type Op = { t: 'upsert' | 'delete' | 'drop'; id: number } | { t: 'reset' } | { t: 'view' };
    const op = fc.oneof(
      fc.record({ t: fc.constantFrom('upsert' as const, 'delete' as const, 'drop' as const), id: fc.nat(12) }),
      fc.constant({ t: 'reset' as const }),
      fc.constant({ t: 'view' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops: Op[]) => {
        await database.db.deleteFrom('changes').execute();
        await database.db.deleteFrom('directory_records').execute();
        const store = new DirectoryStore(database.db, () => 1);
        let clock = 1;
        const writer = () => new DirectoryStore(database.db, () => clock++);
        let epoch = (await store.changeLogView(await store.headMark())).epoch;
        for (const o of ops) {
          if (o.t === 'upsert') await writer().upsertSite(site(`s${o.id}`, `n${clock}`));
          else if (o.t === 'delete' && (await writer().get('site', `s${o.id}`)))
            await writer().delete('site', `s${o.id}`);
          else if (o.t === 'drop')
            await database.db.deleteFrom('changes').where('record_id', '=', `s${o.id}`).execute();
          else if (o.t === 'reset') {
            await database.db.deleteFrom('changes').execute();
            await database.db.deleteFrom('directory_records').execute();
            await sql`delete from sqlite_sequence where name = 'changes'`.execute(database.db);
          }
          const view = await store.changeLogView(await store.headMark());
          expect([...view.seqs]).toEqual(await allSeqs());
          expect(view.epoch).toBeGreaterThanOrEqual(epoch); // never goes back
          epoch = view.epoch;
        }
      }),
      { numRuns: 60 },
    );
  });
});
