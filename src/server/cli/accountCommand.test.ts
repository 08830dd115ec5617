import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../audit/AuditLog.js';
import { verifyPassword } from '../auth/password.js';
import { openDatabase } from '../db/openDatabase.js';
import { runCliCaptured } from './testing/runCliCaptured.testkit.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cs-account-'));
  dirs.push(d);
  return d;
};

const cli = (argv: string[], stdin = '') => runCliCaptured(argv, { stdin });

async function stored(dir: string, email: string) {
  const database = await openDatabase(join(dir, 'callsign.sqlite'));
  try {
    const user = database.sqlite.prepare('select * from users where email = ?').get(email) as
      { id: string; name: string; role: string; password_hash: string } | undefined;
    const events = await new AuditLog(database.db, Date.now).list({ limit: 100 });
    const verified = await new AuditLog(database.db, Date.now).verify();
    return { user, events, verified };
  } finally {
    await database.close();
  }
}

describe('callsign-server account', () => {
  it('create without --password-stdin generates a password, prints it once, and audits account.created', async () => {
    const dir = tempDir();
    const r = await cli(['account', 'create', '--email', 'Boss@Example.test', '--role', 'admin', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const password = /password: (\S+)/.exec(r.out)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(r.out.split(password).length).toBe(2); // printed exactly once
    expect(r.err).not.toContain(password);
    const { user, events, verified } = await stored(dir, 'boss@example.test');
    expect(user).toMatchObject({ role: 'admin', name: 'boss' });
    expect(await verifyPassword(password, user!.password_hash)).toBe(true);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'account.created',
        actor: 'cli',
        subject: user!.id,
        data: { email: 'boss@example.test', role: 'admin' },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(password);
    expect(verified).toBeNull();
  }, 30_000);

  it('create --password-stdin applies the password policy and never prints the password', async () => {
    const dir = tempDir();
    const short = await cli(
      ['account', 'create', '--email', 'a@example.test', '--role', 'technician', '--password-stdin', '--data-dir', dir],
      'short\n',
    );
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/password.*at least 12 characters/i);
    expect((await stored(dir, 'a@example.test')).user).toBeUndefined();

    const ok = await cli(
      [
        'account',
        'create',
        '--email',
        'a@example.test',
        '--role',
        'technician',
        '--name',
        'Ann Tech',
        '--password-stdin',
        '--data-dir',
        dir,
      ],
      'a long enough passphrase\n',
    );
    expect(ok.code).toBe(0);
    expect(ok.out).not.toContain('a long enough passphrase');
    const { user } = await stored(dir, 'a@example.test');
    expect(user).toMatchObject({ name: 'Ann Tech', role: 'technician' });
    expect(await verifyPassword('a long enough passphrase', user!.password_hash)).toBe(true);

    const again = await cli(['account', 'create', '--email', 'a@example.test', '--role', 'admin', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
  }, 30_000);

  it('reset-password replaces the password, ends sessions, and audits account.changed', async () => {
    const dir = tempDir();
    await cli(
      ['account', 'create', '--email', 'n@example.test', '--role', 'noc', '--password-stdin', '--data-dir', dir],
      'the first password\n',
    );
    const reset = await cli(['account', 'reset-password', '--email', 'n@example.test', '--data-dir', dir]);
    expect(reset.code).toBe(0);
    const password = /password: (\S+)/.exec(reset.out)?.[1] ?? '';
    const { user, events } = await stored(dir, 'n@example.test');
    expect(await verifyPassword(password, user!.password_hash)).toBe(true);
    expect(await verifyPassword('the first password', user!.password_hash)).toBe(false);
    expect(events.at(-1)).toMatchObject({
      type: 'account.changed',
      actor: 'cli',
      data: { fields: ['password'], sessionsEnded: true },
    });

    const viaStdin = await cli(
      ['account', 'reset-password', '--email', 'n@example.test', '--password-stdin', '--data-dir', dir],
      'the third password',
    );
    expect(viaStdin.code).toBe(0);
    expect(await verifyPassword('the third password', (await stored(dir, 'n@example.test')).user!.password_hash)).toBe(
      true,
    );

    const unknown = await cli(['account', 'reset-password', '--email', 'ghost@example.test', '--data-dir', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no account for ghost@example\.test/);
  }, 30_000);

  it('bad usage exits 2 with the usage text', async () => {
    const dir = tempDir();
    for (const argv of [
      ['account'],
      ['account', 'delete'],
      ['account', 'create', '--role', 'admin'],
      ['account', 'create', '--email', 'x@example.test', '--role', 'emperor'],
      ['account', 'create', '--email', 'not-an-email', '--role', 'admin'],
      ['account', 'reset-password'],
    ]) {
      const r = await cli([...argv, '--data-dir', dir]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain('Usage: callsign-server');
    }
    const help = await cli(['help']);
    expect(help.out).toContain('account create');
  });
});
