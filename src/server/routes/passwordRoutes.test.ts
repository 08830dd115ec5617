/**
 * One-time passwords and one's own password over HTTP (issue 16): invitation → sign-in with the
 * one-time password → "choose your own" → signed in; the one-time password never opens a session,
 * expires after 72 hours, and stops working once changed. Signed-in change ends the other sessions.
 * Runs on SQLite and (project `postgres`) PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PasswordChangeChallenge, SessionTokens } from '../../shared/auth/index.js';
import { ONE_TIME_PASSWORD_MS, PASSWORD_CHANGE_TOKEN_MS } from '../auth/PasswordChange.js';
import { totpCode } from '../mfa/totp.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';
import { turnOnTotp } from '../testing/totpEnrolment.testkit.js';

let t: TestApp;
afterEach(() => t?.close());

const OTP = 'abcde-FGHJK-mnpqr-STUVW';
const MINE = 'my own staple battery horse';
const NEW_EMAIL = 'dana.new@callsign.demo';

const login = (email: string, password: string, device = { name: 'Front desk', platform: 'linux' }) =>
  t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password, device } });
const choose = (passwordChangeToken: string, newPassword: string) =>
  t.app.inject({ method: 'POST', url: '/v1/auth/password/choose', payload: { passwordChangeToken, newPassword } });
const change = (accessToken: string, currentPassword: string, newPassword: string) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/auth/password',
    headers: bearer(accessToken),
    payload: { currentPassword, newPassword },
  });
const me = async (accessToken: string) =>
  (await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).statusCode;

async function invite(email = NEW_EMAIL, password = OTP) {
  const admin = await t.login('admin@callsign.demo');
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/admin/users',
    headers: bearer(admin.accessToken),
    payload: { email, name: 'Dana New', role: 'technician', password },
  });
  expect(res.statusCode).toBe(201);
  return { admin, id: res.json<{ id: string }>().id };
}

async function challenge(email = NEW_EMAIL, password = OTP) {
  const res = await login(email, password);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  const body = res.json();
  expect(body).not.toHaveProperty('accessToken');
  expect(body).not.toHaveProperty('refreshToken');
  return PasswordChangeChallenge.parse(body);
}

describe('one-time password → choose your own', () => {
  it('signs in only through the new password, which then replaces the one-time one', async () => {
    t = await createTestApp();
    await invite();
    const step = await challenge();
    expect(step.passwordChangeToken).toMatch(/^csp_/);
    expect(step.expiresIn).toBe(PASSWORD_CHANGE_TOKEN_MS / 1000);
    // The passwordChangeToken is no bearer token.
    expect(await me(step.passwordChangeToken)).toBe(401);

    // Each rule names the field and what to do; the step stays open for the next try.
    const short = await choose(step.passwordChangeToken, 'too short');
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'bad_request', field: 'newPassword' });
    expect(short.json().error.message).toMatch(/at least 12 characters/);
    const email = await choose(step.passwordChangeToken, NEW_EMAIL.toUpperCase());
    expect(email.json().error).toMatchObject({ field: 'newPassword' });
    expect(email.json().error.message).toMatch(/email address is not a password/);
    const same = await choose(step.passwordChangeToken, OTP);
    expect(same.json().error).toMatchObject({ field: 'newPassword' });
    expect(same.json().error.message).toMatch(/different from the one you have now/);

    const done = await choose(step.passwordChangeToken, MINE);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.headers['cache-control']).toBe('no-store');
    const tokens = SessionTokens.parse(done.json());
    expect(tokens.user.email).toBe(NEW_EMAIL);
    expect(await me(tokens.accessToken)).toBe(200);
    const device = await t.get<{ name: string; platform: string }>(
      'select d.name, d.platform from devices d where d.id = ?',
      tokens.deviceId,
    );
    expect(device).toEqual({ name: 'Front desk', platform: 'linux' });

    // Used once; the one-time password is gone; the own password signs in directly.
    expect((await choose(step.passwordChangeToken, 'another long password')).statusCode).toBe(401);
    const again = await login(NEW_EMAIL, OTP);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('invalid_credentials');
    expect((await login(NEW_EMAIL, MINE)).json()).toHaveProperty('accessToken');

    const audit = await t.all<{ type: string; data: string }>(
      "select type, data from audit_log where type in ('auth.one_time_password_used', 'auth.password_changed', 'auth.sign_in') order by seq",
    );
    expect(audit.map((r) => r.type)).toEqual([
      'auth.sign_in', // the administrator
      'auth.one_time_password_used',
      'auth.password_changed',
      'auth.sign_in',
      'auth.sign_in',
    ]);
    expect(JSON.parse(audit[2]!.data)).toMatchObject({ via: 'first_sign_in', sessionsEnded: 0 });
    const everything = JSON.stringify(await t.all('select * from audit_log')) + t.logs.join('\n');
    for (const secret of [OTP, MINE, step.passwordChangeToken]) expect(everything).not.toContain(secret);
    expect(JSON.stringify(await t.all('select * from password_change_tokens'))).not.toContain(step.passwordChangeToken);
  });

  it('an administrator’s reset is a one-time password too, and ends a step begun with the previous one', async () => {
    t = await createTestApp();
    const tech = await t.services.users.findByEmail('tech@callsign.demo');
    const admin = await t.login('admin@callsign.demo');
    const reset = (password: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/v1/admin/users/${tech!.id}`,
        headers: bearer(admin.accessToken),
        payload: { password },
      });
    expect((await reset(OTP)).statusCode).toBe(200);
    const first = await challenge('tech@callsign.demo', OTP);
    expect((await reset('a second one-time password')).statusCode).toBe(200);
    expect((await choose(first.passwordChangeToken, MINE)).statusCode).toBe(401);
    const second = await challenge('tech@callsign.demo', 'a second one-time password');
    expect((await choose(second.passwordChangeToken, MINE)).statusCode).toBe(200);
  });

  it('expires 72 hours after it was issued: 401 that says to ask an administrator', async () => {
    let now = Date.UTC(2026, 10, 23, 9, 0, 0);
    t = await createTestApp({ now: () => now });
    await invite();
    now += ONE_TIME_PASSWORD_MS - 60_000;
    const step = await challenge();
    now += 60_000;
    const expired = await login(NEW_EMAIL, OTP);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({ code: 'one_time_password_expired', field: 'password' });
    expect(expired.json().error.message).toMatch(/expired.*Ask an administrator/);
    // A wrong password still says only that it is wrong (nothing about the account).
    expect((await login(NEW_EMAIL, 'not the password at all')).json().error.code).toBe('invalid_credentials');
    // The step it opened a minute earlier still finishes (10 minutes).
    expect((await choose(step.passwordChangeToken, MINE)).statusCode).toBe(200);
    // …and the step itself expires after 10 minutes.
    const later = await invite('later@callsign.demo');
    expect(later.id).toBeTruthy();
    const lateStep = await challenge('later@callsign.demo');
    now += PASSWORD_CHANGE_TOKEN_MS;
    const late = await choose(lateStep.passwordChangeToken, MINE);
    expect(late.statusCode).toBe(401);
    expect(late.json().error.message).toMatch(/Sign in again with your one-time password/);
    const failed = await t.all<{ data: string }>("select data from audit_log where type = 'auth.sign_in_failed'");
    expect(failed.map((r) => JSON.parse(r.data).reason)).toContain('one_time_password_expired');
  });

  it('with two-step sign-in on: the TOTP code first, then the step (never a session)', async () => {
    let now = Date.UTC(2026, 10, 23, 9, 0, 0);
    t = await createTestApp({ now: () => now });
    const tech = await t.login('tech@callsign.demo');
    const { secret } = await turnOnTotp(t, tech.accessToken, now);
    const id = (await t.services.users.findByEmail('tech@callsign.demo'))!.id;
    const admin = await t.login('admin@callsign.demo');
    await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/users/${id}`,
      headers: bearer(admin.accessToken),
      payload: { password: OTP },
    });
    const first = (await login('tech@callsign.demo', OTP)).json();
    expect(first).toMatchObject({ mfaRequired: true });
    now += 30_000;
    const second = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/totp',
      payload: { mfaToken: first.mfaToken, code: totpCode(secret, now) },
    });
    expect(second.statusCode).toBe(200);
    const step = PasswordChangeChallenge.parse(second.json());
    expect(second.json()).not.toHaveProperty('accessToken');
    expect((await choose(step.passwordChangeToken, MINE)).json()).toHaveProperty('accessToken');
  });

  it('one passwordChangeToken sent 12 times at once: exactly one session, one new password', async () => {
    t = await createTestApp({ rateLimits: { signInPerMinute: 100 } });
    await invite();
    const step = await challenge();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => choose(step.passwordChangeToken, `${MINE} number ${i}`)),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c !== 200).every((c) => c === 401)).toBe(true);
    const winner = codes.indexOf(200);
    const id = (await t.services.users.findByEmail(NEW_EMAIL))!.id;
    expect(Number((await t.get<{ n: unknown }>('select count(*) as n from sessions where user_id = ?', id))!.n)).toBe(
      1,
    );
    expect((await login(NEW_EMAIL, `${MINE} number ${winner}`)).json()).toHaveProperty('accessToken');
  });

  it('is rate-limited per address like sign-in', async () => {
    t = await createTestApp({ rateLimits: { signInPerMinute: 3 } });
    const res = [];
    for (let i = 0; i < 4; i++) res.push((await choose('csp_not-a-token', MINE)).statusCode);
    expect(res).toEqual([401, 401, 401, 429]);
  });
});

describe('changing one’s own password (signed in)', () => {
  it('needs the current password, ends the other sessions and keeps this one', async () => {
    t = await createTestApp();
    const here = await t.login('tech@callsign.demo');
    const there = await t.login('tech@callsign.demo');

    const wrong = await change(here.accessToken, 'not my password', MINE);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'invalid_credentials', field: 'currentPassword' });
    const same = await change(here.accessToken, TEST_PASSWORD, TEST_PASSWORD);
    expect(same.statusCode).toBe(400);
    expect(same.json().error.field).toBe('newPassword');
    const short = await change(here.accessToken, TEST_PASSWORD, 'short');
    expect(short.json().error).toMatchObject({ field: 'newPassword' });
    const email = await change(here.accessToken, TEST_PASSWORD, 'Tech@Callsign.demo ');
    expect(email.json().error.message).toMatch(/email address is not a password/);

    const done = await change(here.accessToken, TEST_PASSWORD, MINE);
    expect(done.statusCode, done.body).toBe(204);
    expect(await me(here.accessToken)).toBe(200);
    expect(await me(there.accessToken)).toBe(401);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: there.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);
    const keep = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: here.refreshToken },
    });
    expect(keep.statusCode).toBe(200);
    expect((await login('tech@callsign.demo', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('tech@callsign.demo', MINE)).json()).toHaveProperty('accessToken');
    const changed = await t.get<{ data: string }>("select data from audit_log where type = 'auth.password_changed'");
    expect(JSON.parse(changed!.data)).toMatchObject({ via: 'account_page', sessionsEnded: 1 });
    expect(t.logs.join('\n')).not.toContain(MINE);
  });

  it('ten changes at once from one session: one wins, the rest are refused, the winner’s password holds', async () => {
    t = await createTestApp({ rateLimits: { signInPerMinute: 100 } });
    const { accessToken } = await t.login('tech@callsign.demo');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => change(accessToken, TEST_PASSWORD, `${MINE} ${i}`)),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 204)).toHaveLength(1);
    expect(codes.filter((c) => c !== 204).every((c) => c === 409 || c === 401)).toBe(true);
    expect((await login('tech@callsign.demo', `${MINE} ${codes.indexOf(204)}`)).json()).toHaveProperty('accessToken');
    expect(await t.all("select seq from audit_log where type = 'auth.password_changed'")).toHaveLength(1);
  });

  it('counts towards the per-minute limit per account', async () => {
    t = await createTestApp({ rateLimits: { signInPerMinute: 2 } });
    const { accessToken } = await t.login('tech@callsign.demo');
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await change(accessToken, 'wrong password', MINE)).statusCode);
    expect(codes).toEqual([401, 401, 429]);
  });
});
