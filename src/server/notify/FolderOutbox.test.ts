import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderOutbox } from './FolderOutbox.js';
import { mailerFromEnv, unconfiguredMailer } from './Mailer.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cs-outbox-'));
  dirs.push(d);
  return join(d, 'outbox');
};

describe('FolderOutbox (demo only)', () => {
  it('writes a real .eml plus a listing entry, and lists newest first', async () => {
    let t = Date.parse('2026-03-01T10:00:00Z');
    const outbox = new FolderOutbox(tempDir(), () => t);
    expect(await outbox.list()).toEqual([]); // folder not created yet
    const a = await outbox.send({ to: '2065550101@txt.att.com', subject: 'Verification code', text: 'first' });
    const b = await outbox.send({
      to: ['"Ops" <ops@msp.example>', 'x@msp.example'],
      subject: 'Escalation',
      text: 'second message\nline 2',
    });
    t += 1000;
    const c = await outbox.send({ to: 'y@msp.example', subject: 'Later', text: 'third' });

    const listed = await outbox.list();
    expect(listed.map((m) => m.id)).toEqual([c.id, b.id, a.id]);
    expect(listed[1]).toEqual({
      id: b.id,
      to: ['"Ops" <ops@msp.example>', 'x@msp.example'],
      subject: 'Escalation',
      text: 'second message\nline 2',
      sentAt: '2026-03-01T10:00:00.000Z',
    });
    expect(await outbox.list(1)).toHaveLength(1);

    const files = readdirSync(outbox.dir).sort();
    expect(files).toHaveLength(6);
    const eml = readFileSync(join(outbox.dir, `${a.id}.eml`), 'utf8');
    expect(eml).toMatch(/^To: 2065550101@txt\.att\.com$/m);
    expect(eml).toMatch(/^Subject: Verification code$/m);
    expect(eml).toContain('first');
  });
});

describe('Mailer', () => {
  it('without SMTP_URL every send fails with a message saying what to configure', async () => {
    expect(mailerFromEnv({})).toBe(unconfiguredMailer);
    await expect(unconfiguredMailer.send({ to: 'a@b.example', subject: 's', text: 't' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('SMTP_URL'),
    });
    expect(mailerFromEnv({ SMTP_URL: 'smtp://localhost:2525' })).not.toBe(unconfiguredMailer);
  });
});
