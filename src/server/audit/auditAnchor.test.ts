import { afterEach, describe, expect, it } from 'vitest';
import { hashRecord } from '../../shared/chain/hashChain.js';
import { ServerKey } from '../crypto/serverKey.js';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { AuditLog } from './AuditLog.js';

let database: ServerDatabase;
afterEach(() => database?.close());

const event = (n: number) => ({ type: 'approval.stored', actor: 'u1', subject: `rec-${n}`, data: { n } });

/** What someone with write access to the database but not the key file can do: rewrite the newest row consistently. */
async function rewriteHead(db: ServerDatabase): Promise<void> {
  const row = db.sqlite.prepare('select * from audit_log order by seq desc limit 1').get() as Record<string, string>;
  const forged = {
    seq: Number(row.seq),
    at: Number(row.at),
    actor: 'mallory',
    type: row.type!,
    subject: row.subject!,
    data: { n: 0 },
  };
  const hash = await hashRecord(forged, row.prev_hash!);
  db.sqlite
    .prepare('update audit_log set actor = ?, data = ?, hash = ? where seq = ?')
    .run('mallory', '{"n":0}', hash, forged.seq);
  return;
}

describe('audit anchor', () => {
  it('detects a consistently rewritten newest entry (which the chain alone cannot)', async () => {
    database = await openDatabase(':memory:');
    const key = ServerKey.generate();
    const log = new AuditLog(database.db, Date.now, key.subkey('audit-anchor'));
    for (let i = 1; i <= 4; i++) await log.append(event(i));
    expect(await log.verify()).toBeNull();
    expect(await log.checkAnchor()).toMatchObject({ state: 'ok', keyed: true, seq: 4 });

    await rewriteHead(database);
    // The chain itself still holds: every link and hash is consistent.
    const unanchored = new AuditLog(database.db, Date.now);
    expect(await unanchored.verifyChain()).toBeNull();
    expect(await log.verify()).toBe(4);
    expect(await log.checkAnchor()).toMatchObject({ state: 'mismatch', seq: 4 });
  });

  it('detects a rewritten anchor too when the key is there, and removed newest entries', async () => {
    database = await openDatabase(':memory:');
    const key = ServerKey.generate();
    const log = new AuditLog(database.db, Date.now, key.subkey('audit-anchor'));
    for (let i = 1; i <= 3; i++) await log.append(event(i));
    await rewriteHead(database);
    const head = database.sqlite.prepare('select seq, hash from audit_log where seq = 3').get() as { hash: string };
    database.sqlite.prepare('update audit_anchor set hash = ?').run(head.hash); // forge the plain head as well
    expect(await log.checkAnchor()).toMatchObject({ state: 'mismatch', seq: 3 });
    expect(await log.verify()).toBe(3);
    // Without the key only the plain head can be compared, so this forgery passes: that is why
    // `audit verify` prints the head hash for an external record.
    expect(await new AuditLog(database.db, Date.now).checkAnchor()).toMatchObject({ state: 'ok', keyed: false });

    database.sqlite.prepare('delete from audit_log where seq = 3').run();
    expect(await log.verify()).toBe(3);
  });

  it('works without a key (plain head) and for a log from before anchors existed', async () => {
    database = await openDatabase(':memory:');
    const log = new AuditLog(database.db, Date.now);
    expect(await log.checkAnchor()).toMatchObject({ state: 'none' });
    await log.append(event(1));
    await log.append(event(2));
    expect(await log.checkAnchor()).toMatchObject({ state: 'ok', keyed: false, seq: 2 });
    await rewriteHead(database);
    expect(await log.verify()).toBe(2);
    // A keyed reader of an anchor written without the key says so instead of passing it.
    const keyed = new AuditLog(database.db, Date.now, ServerKey.generate().subkey('audit-anchor'));
    database.sqlite.prepare('delete from audit_anchor').run();
    expect(await keyed.checkAnchor()).toMatchObject({ state: 'none' });
    expect(await keyed.verify()).toBeNull(); // nothing to compare with yet
    await keyed.append(event(3));
    expect(await keyed.checkAnchor()).toMatchObject({ state: 'ok', keyed: true, seq: 3 });
    await expect(
      new AuditLog(database.db, Date.now, ServerKey.generate().subkey('audit-anchor')).checkAnchor(),
    ).resolves.toMatchObject({
      state: 'mismatch',
    }); // a different key
  });
});
