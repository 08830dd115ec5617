import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TotpConfirmed } from '../../shared/auth/index.js';
import { FolderOutbox } from '../notify/FolderOutbox.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';
import { turnOnTotp } from '../testing/totpEnrolment.testkit.js';

/** Issue 11 #6: a bearer token alone cannot change two-step sign-in; the user is e-mailed when it changes. */
let t: TestApp;
let dir: string;
let token: string;
const now = Date.UTC(2026, 10, 23, 9, 0, 0);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cs-totp-self-'));
  t = await createTestApp({ now: () => now, approvals: { mailer: new FolderOutbox(join(dir, 'outbox')) } });
  token = (await t.login()).accessToken;
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
/** The outbox once the notices queued so far are out (they go after the response). */
const mails = async () => {
  await t.services.securityNotices.idle();
  return t.services.approvals.outbox!.list();
};
const failures = async () =>
  Number(
    (
      await t.get<{ failures: number }>(
        'select failures from login_failures where key = ?',
        'account:tech@callsign.demo',
      )
    )?.failures ?? 0,
  );

const turnOn = () => turnOnTotp(t, token, now);

describe('TOTP changes need the current password', () => {
  for (const url of ['/v1/auth/totp/enroll', '/v1/auth/totp/recovery-codes', '/v1/auth/totp/disable']) {
    it(`${url}: 400 naming currentPassword without it, 401 invalid_credentials when wrong, counted by the sign-in throttle`, async () => {
      if (url !== '/v1/auth/totp/enroll') await turnOn();
      const missing = await post(url, {});
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error).toMatchObject({ code: 'bad_request', field: 'currentPassword' });
      expect((await post(url)).statusCode).toBe(400);

      const before = await failures();
      const wrong = await post(url, { currentPassword: 'not my password' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error).toMatchObject({ code: 'invalid_credentials', field: 'currentPassword' });
      expect(await failures()).toBe(before + 1);
      expect(JSON.stringify(t.logs)).not.toContain('not my password');
    });
  }

  it('enrolment with the password works, and turning it on e-mails the user', async () => {
    await turnOn();
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual(['tech@callsign.demo']);
    expect(sent[0]!.subject).toMatch(/two-step sign-in.*on/i);
  });

  it('new recovery codes with the password: the old ones stop working; the user is e-mailed', async () => {
    const { recoveryCodes: old } = await turnOn();
    const res = await post('/v1/auth/totp/recovery-codes', { currentPassword: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const fresh = TotpConfirmed.parse(res.json()).recoveryCodes;
    expect(fresh.some((c) => old.includes(c))).toBe(false);
    const mfa = (
      await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: 'tech@callsign.demo', password: TEST_PASSWORD },
      })
    ).json();
    const tryCode = (recoveryCode: string) =>
      t.app.inject({ method: 'POST', url: '/v1/auth/totp', payload: { mfaToken: mfa.mfaToken, recoveryCode } });
    expect((await tryCode(old[0]!)).statusCode).toBe(401);
    expect((await tryCode(fresh[0]!)).statusCode).toBe(200);
    const subjects = (await mails()).map((m) => m.subject);
    expect(subjects.some((s) => /recovery codes/i.test(s))).toBe(true);
    for (const m of await mails()) for (const c of [...old, ...fresh]) expect(m.text).not.toContain(c);
  });

  it('turning it off with the password: the password alone signs in again; the user is e-mailed', async () => {
    await turnOn();
    const off = await post('/v1/auth/totp/disable', { currentPassword: TEST_PASSWORD });
    expect(off.statusCode).toBe(204);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'tech@callsign.demo', password: TEST_PASSWORD },
    });
    expect(signIn.json()).toHaveProperty('accessToken');
    expect((await mails()).map((m) => m.subject).some((s) => /two-step sign-in.*off/i.test(s))).toBe(true);
    // Off already: nothing to turn off.
    expect((await post('/v1/auth/totp/disable', { currentPassword: TEST_PASSWORD })).statusCode).toBe(409);
  });
});
