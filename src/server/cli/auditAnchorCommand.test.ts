import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashRecord } from '../../shared/chain/hashChain.js';
import { AuditLog } from '../audit/AuditLog.js';
import { ServerKey } from '../crypto/serverKey.js';
import { openDatabase } from '../db/openDatabase.js';
import { runCliCaptured } from './testing/runCliCaptured.testkit.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const cli = (argv: string[], env: Record<string, string> = {}) => runCliCaptured(argv, { env });

describe('callsign-server audit verify with the anchor', () => {
  it('prints the head hash, and reports a consistently rewritten newest entry as tampering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-anchor-'));
    dirs.push(dir);
    const key = ServerKey.generate();
    const env = { CALLSIGN_VAULT_KEY: key.toBase64() };
    const file = join(dir, 'callsign.sqlite');
    const database = await openDatabase(file);
    const log = new AuditLog(database.db, () => Date.UTC(2026, 0, 1), key.subkey('audit-anchor'));
    for (let i = 0; i < 3; i++)
      await log.append({ type: 'directory.changed', actor: `usr_${i}`, subject: 's', data: { i } });
    const head = (await log.head())!;
    await database.close();

    const ok = await cli(['audit', 'verify', '--data-dir', dir], env);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`head ${head.hash}`);
    expect(ok.out).toMatch(/anchored with the server key/);

    // Rewrite the newest row and recompute its hash, as someone with database access but no key could.
    const raw = await openDatabase(file);
    const row = raw.sqlite.prepare('select * from audit_log where seq = 3').get() as Record<string, string>;
    const forged = { seq: 3, at: Number(row.at), actor: 'mallory', type: row.type!, subject: 's', data: { i: 2 } };
    raw.sqlite
      .prepare("update audit_log set actor = 'mallory', hash = ? where seq = 3")
      .run(await hashRecord(forged, row.prev_hash!));
    await raw.close();
    const reopened = await openDatabase(file);
    expect(await new AuditLog(reopened.db, Date.now).verifyChain()).toBeNull(); // the links still hold
    await reopened.close();

    const broken = await cli(['audit', 'verify', '--data-dir', dir], env);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/BROKEN at entry #3/);
    expect(broken.out).toMatch(/anchor/);
  });
});
