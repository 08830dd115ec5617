import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
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
