import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSmtpMailer, type MailFailureLog } from './Mailer.js';

/** A port nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

describe('SMTP mailer failures', () => {
  it('logs why the mail server refused (code, host — never the password or the message) and tells the caller', async () => {
    const port = await deadPort();
    const logged: Array<{ detail: Record<string, unknown>; msg: string }> = [];
    const log: MailFailureLog = (detail, msg) => logged.push({ detail, msg });
    const mailer = createSmtpMailer(`smtp://mailuser:s3cret-pass@127.0.0.1:${port}`, undefined, log);
    await expect(
      mailer.send({ to: 'a@b.example', subject: 'Code', text: 'Your code is 482913' }),
    ).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('SMTP settings') });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.detail).toMatchObject({ smtpHost: `127.0.0.1:${port}`, code: 'ESOCKET' });
    expect(logged[0]!.msg).toMatch(/not sent/);
    const line = JSON.stringify(logged);
    expect(line).not.toContain('s3cret-pass');
    expect(line).not.toContain('482913');
    expect(line).not.toContain('a@b.example');
  });

  it('gives up on a mail server that accepts the connection and never greets, within its timeouts', async () => {
    const silent = createServer(() => {}); // holds every connection open, says nothing
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    const logged: Array<Record<string, unknown>> = [];
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, undefined, (detail) => logged.push(detail), {
      connectionTimeout: 300,
      greetingTimeout: 300,
      socketTimeout: 300,
    });
    try {
      const started = performance.now();
      await expect(mailer.send({ to: 'a@b.example', subject: 's', text: 't' })).rejects.toMatchObject({
        code: 'unavailable',
      });
      expect(performance.now() - started).toBeLessThan(5_000); // nodemailer's own default: 30 s greeting
      expect(logged).toEqual([expect.objectContaining({ code: 'ETIMEDOUT' })]);
    } finally {
      silent.close();
    }
  });
});
