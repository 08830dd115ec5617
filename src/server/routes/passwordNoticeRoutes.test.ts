/**
 * A person hears by e-mail when their password changes or an administrator resets how they sign in
 * (mfa/securityNotice.ts): their own change on the Account page, an administrator's new one-time
 * password, an administrator turning their TOTP off. Never the password itself; a mail server that
 * is down does not undo the change. Runs on SQLite and (project `postgres`) PostgreSQL.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage, Mailer } from '../notify/Mailer.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';
import { turnOnTotp } from '../testing/totpEnrolment.testkit.js';

let t: TestApp;
afterEach(() => t?.close());

const now = Date.UTC(2026, 11, 1, 9, 0, 0);
const MINE = 'my own staple battery horse';
const ONE_TIME = 'abcde-FGHJK-mnpqr-STUVW';

/** A Mailer that keeps what it is given (or fails every send, like an SMTP server that is down). */
function capturingMailer(fail = false): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    send(message) {
      if (fail) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:25'));
      sent.push(message);
      return Promise.resolve({ id: String(sent.length) });
    },
  };
}

async function start(mailer: Mailer) {
  t = await createTestApp({ now: () => now, approvals: { mailer } });
}

/** What was sent once the notices queued so far are out (they go after the response). */
async function sent(mailer: { sent: MailMessage[] }): Promise<MailMessage[]> {
  await t.services.securityNotices.idle();
  return mailer.sent;
}

/** Changes the signed-in person's own password (Account page). */
const changeOwn = (accessToken: string, currentPassword: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/v1/auth/password',
    headers: bearer(accessToken),
    payload: { currentPassword, newPassword: MINE },
    remoteAddress,
  });

const accountId = async (email: string) =>
  (await t.get<{ id: string }>('select id from users where email = ?', email))!.id;

describe('password and sign-in changes are e-mailed to the account owner', () => {
  it('changing one’s own password: one notice to the person, with the time and address, never the password', async () => {
    const mailer = capturingMailer();
    await start(mailer);
    const { accessToken } = await t.login();
    const res = await changeOwn(accessToken, TEST_PASSWORD, '10.1.2.3');
    expect(res.statusCode, res.body).toBe(204);
    expect(await sent(mailer)).toHaveLength(1);
    const [mail] = mailer.sent;
    expect(mail!.to).toBe('tech@callsign.demo');
    expect(mail!.subject).toMatch(/your password was changed/i);
    expect(mail!.text).toMatch(/at \d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(mail!.text).toContain('10.1.2.3');
    expect(mail!.text).not.toContain(MINE);
    expect(mail!.text).not.toContain(TEST_PASSWORD);
  });

  it('a refused change (wrong current password) sends nothing', async () => {
    const mailer = capturingMailer();
    await start(mailer);
    const { accessToken } = await t.login();
    const res = await changeOwn(accessToken, 'not my password at all');
    expect(res.statusCode).toBe(401);
    expect(await sent(mailer)).toEqual([]);
  });

  it('an administrator’s new one-time password is e-mailed to the person, not the administrator, without the password', async () => {
    const mailer = capturingMailer();
    await start(mailer);
    const admin = await t.login('admin@callsign.demo');
    const id = await accountId('tech@callsign.demo');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/users/${id}`,
      headers: bearer(admin.accessToken),
      payload: { password: ONE_TIME },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await sent(mailer)).map((m) => [m.to, m.subject])).toEqual([
      ['tech@callsign.demo', '[Callsign] An administrator reset your password'],
    ]);
    expect(mailer.sent[0]!.text).not.toContain(ONE_TIME);

    // A change of name alone is not a sign-in change: nothing more is sent.
    await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/users/${id}`,
      headers: bearer(admin.accessToken),
      payload: { name: 'Taylor Tech' },
    });
    expect(await sent(mailer)).toHaveLength(1);
  });

  it('an administrator turning TOTP off is e-mailed; turning off what was not on sends nothing', async () => {
    const mailer = capturingMailer();
    await start(mailer);
    const tech = await t.login();
    const { secret } = await turnOnTotp(t, tech.accessToken, now);
    await sent(mailer);
    mailer.sent.length = 0; // turning it on was e-mailed (totpSelfServiceRoutes.test.ts)

    const admin = await t.login('admin@callsign.demo');
    const id = await accountId('tech@callsign.demo');
    const off = () =>
      t.app.inject({ method: 'DELETE', url: `/v1/admin/users/${id}/totp`, headers: bearer(admin.accessToken) });
    expect((await off()).statusCode).toBe(204);
    expect((await sent(mailer)).map((m) => [m.to, m.subject])).toEqual([
      ['tech@callsign.demo', '[Callsign] An administrator turned off two-step sign-in for your account'],
    ]);
    expect(mailer.sent[0]!.text).not.toContain(secret);
    expect((await off()).statusCode).toBe(204);
    expect(await sent(mailer)).toHaveLength(1);
  });

  it('a mail server that is down does not undo or fail the change; the failure is logged, the notice kept to retry', async () => {
    await start(capturingMailer(true));
    const { accessToken } = await t.login();
    const res = await changeOwn(accessToken, TEST_PASSWORD);
    expect(res.statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/v1/auth/login',
          payload: { email: 'tech@callsign.demo', password: MINE },
        })
      ).statusCode,
    ).toBe(200);
    await t.services.securityNotices.idle();
    const logged = JSON.stringify(t.logs);
    expect(logged).toMatch(/could not e-mail the user/);
    expect(logged).not.toContain(MINE);
    // Still queued, to be tried again (notify/MailQueue.test.ts follows it until it is sent).
    expect(await t.get<{ n: number }>('select count(*) as n from mail_queue where sent_at is null')).toEqual({ n: 1 });
  });

  it('answers before the mail server does: the notice goes after the response, and closing the server waits for it', async () => {
    const held: Array<() => void> = [];
    const slow: Mailer & { sent: MailMessage[] } = {
      sent: [],
      send(message) {
        // A mail server that takes its time (up to the 10 s connect timeout when it is unreachable).
        return new Promise((resolve) => held.push(() => (slow.sent.push(message), resolve({ id: '1' }))));
      },
    };
    await start(slow);
    const { accessToken } = await t.login();
    expect((await changeOwn(accessToken, TEST_PASSWORD)).statusCode).toBe(204);
    expect(slow.sent).toEqual([]);
    await vi.waitFor(() => expect(held).toHaveLength(1)); // the queue has picked it up
    let closed = false;
    const closing = t.app.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(false); // still sending
    held[0]!();
    await closing;
    expect(slow.sent.map((m) => m.subject)).toEqual(['[Callsign] Your password was changed']);
  });
});
