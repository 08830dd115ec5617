import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashRecord } from '../../shared/chain/hashChain.js';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { AUDIT_EVENT, AuditLog } from './AuditLog.js';

let database: ServerDatabase;
let log: AuditLog;
let clock = 1_700_000_000_000;

beforeEach(async () => {
  database = await openDatabase(':memory:');
  log = new AuditLog(database.db, () => clock++);
});
afterEach(() => database.close());

const event = (n: number) => ({
  type: AUDIT_EVENT.approvalStored,
  actor: 'u1',
  subject: `rec-${n}`,
  data: { n, nested: { b: 2, a: 1 } },
});

describe('AuditLog', () => {
  it('appends hash-linked entries with consecutive seqs from the genesis hash', async () => {
    const first = await log.append(event(1));
    const second = await log.append(event(2));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, type: 'approval.stored', subject: 'rec-1' });
    expect(second.prevHash).toBe(first.hash);
    expect(second.seq).toBe(2);
    const { hash: _h, prevHash: _p, ...body } = second;
    expect(await hashRecord(body, first.hash)).toBe(second.hash);
    expect(await log.verify()).toBeNull();
    expect((await log.head())?.seq).toBe(2);
    expect((await log.list({ after: 1 })).map((e) => e.subject)).toEqual(['rec-2']);
  });

  it('verifies an empty log and a log longer than one page', async () => {
    expect(await log.verify()).toBeNull();
    for (let i = 0; i < 1005; i++) await log.append(event(i));
    expect(await log.verify()).toBeNull();
    database.sqlite.prepare('update audit_log set actor = ? where seq = 1003').run('mallory');
    expect(await log.verify()).toBe(1003);
  });

  it('serialises concurrent appends into one chain', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(event(i))));
    const entries = await log.list({ limit: 100 });
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await log.verify()).toBeNull();
  });

  it('detects a tampered, a re-hashed, a deleted and a reordered row', async () => {
    for (let i = 1; i <= 5; i++) await log.append(event(i));
    const sqlite = database.sqlite;
    const original = sqlite.prepare('select * from audit_log where seq = 3').get() as Record<string, unknown>;

    sqlite.prepare('update audit_log set data = ? where seq = 3').run('{"n":99}');
    expect(await log.verify()).toBe(3);

    // Recomputing the edited row's own hash does not help: the next row no longer links to it.
    const edited = { seq: 3, at: original.at, actor: 'u1', type: 'approval.stored', subject: 'rec-3', data: { n: 99 } };
    sqlite
      .prepare('update audit_log set hash = ? where seq = 3')
      .run(await hashRecord(edited, String(original.prev_hash)));
    expect(await log.verify()).toBe(4);

    sqlite.prepare('update audit_log set data = ?, hash = ? where seq = 3').run(original.data, original.hash);
    expect(await log.verify()).toBeNull();

    sqlite.prepare('delete from audit_log where seq = 2').run();
    expect(await log.verify()).toBe(3);
  });

  it("appends inside the caller's transaction: a rollback leaves no event", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await log.append(event(1), trx);
        throw new Error('the recorded change failed');
      }),
    ).rejects.toThrow('the recorded change failed');
    expect(await log.head()).toBeUndefined();
    await log.append(event(2));
    expect((await log.head())?.seq).toBe(1);
  });

  it('stores data as canonical JSON and drops undefined fields', async () => {
    const e = await log.append({
      type: 'x.y',
      actor: 'system',
      subject: 's',
      data: { b: 1, a: undefined, c: [1, 'two'] },
    });
    expect(e.data).toEqual({ b: 1, c: [1, 'two'] });
    expect((database.sqlite.prepare('select data from audit_log').get() as { data: string }).data).toBe(
      '{"b":1,"c":[1,"two"]}',
    );
  });
});
