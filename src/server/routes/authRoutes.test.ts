import { afterEach, describe, expect, it } from 'vitest';
import { LoginResponse } from '../../shared/api/index.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';
import { openTestDatabase } from '../testing/testDatabase.js';

let t: TestApp;
afterEach(() => t?.close());

const login = (app: TestApp['app'], password: string, email = 'tech@callsign.demo', ip = '10.0.0.7') =>
  app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password }, remoteAddress: ip });

describe('POST /v1/auth/login', () => {
  it('signs in with the right password and returns opaque tokens and the user', async () => {
    t = await createTestApp();
    const res = await login(t.app, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = LoginResponse.parse(res.json());
    expect(body.user).toMatchObject({ email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' });
    expect(body.expiresIn).toBe(900);
    expect(body.accessToken).toMatch(/^csa_/);
    // Only hashes are stored.
    const stored = await t.all<{ token_hash: string }>(
      'select token_hash from access_tokens union all select token_hash from refresh_tokens',
    );
    expect(stored.map((r) => r.token_hash)).not.toContain(body.accessToken);
    expect(JSON.stringify(stored)).not.toContain(body.refreshToken);
  });

  it('rejects a wrong password (and an unknown account) with 401 invalid_credentials', async () => {
    t = await createTestApp();
    for (const res of [await login(t.app, 'wrong'), await login(t.app, TEST_PASSWORD, 'nobody@callsign.demo')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'Email or password is wrong. Check both and try again.' },
      });
    }
  });

  it('names the field for malformed input instead of failing', async () => {
    t = await createTestApp();
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'not-an-email', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad_request', field: 'email' });
    expect(res.json().error.message).toMatch(/email/);
    const junk = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('bad_request');
    const none = await t.app.inject({ method: 'POST', url: '/v1/auth/login' });
    expect(none.statusCode).toBe(400);
  });

  it('locks an address out after 10 failures in a row: 429 with Retry-After, kept in the database', async () => {
    const database = await openTestDatabase();
    t = await createTestApp({ database });
    for (let i = 0; i < 10; i++) expect((await login(t.app, `wrong-${i}`)).statusCode).toBe(401);
    const locked = await login(t.app, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().error.code).toBe('rate_limited');
    // Another address may still sign in to another account.
    expect((await login(t.app, TEST_PASSWORD, 'noc@callsign.demo', '10.0.0.8')).statusCode).toBe(200);
    // A fresh app on the same database (a restart) still refuses the locked address.
    await t.app.close();
    t = await createTestApp({ database, seed: false });
    expect((await login(t.app, TEST_PASSWORD, 'noc@callsign.demo')).statusCode).toBe(429);
    await database.close();
  });

  it('a success resets the failure count', async () => {
    // 20 attempts in a minute: lift the per-minute limit (tested in permissions/rateLimits.test.ts) to test the lockout counter alone.
    t = await createTestApp({ rateLimits: { signInPerMinute: 100 } });
    for (let i = 0; i < 9; i++) await login(t.app, 'wrong');
    expect((await login(t.app, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) expect((await login(t.app, 'wrong')).statusCode).toBe(401);
    expect((await login(t.app, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('refresh, logout and /v1/me', () => {
  it('rotates refresh tokens; a reused one ends the session', async () => {
    t = await createTestApp();
    const first = await t.login();
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(res.statusCode).toBe(200);
    const second = LoginResponse.parse(res.json());
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(first.accessToken) })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(second.accessToken) })).statusCode).toBe(
      200,
    );
    // Replaying the first refresh token revokes the whole session.
    const replay = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(replay.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(second.accessToken) })).statusCode).toBe(
      401,
    );
  });

  it('GET /v1/me returns the user for a valid token and 401 otherwise', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login('supervisor@callsign.demo');
    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) });
    expect(me.json()).toMatchObject({ email: 'supervisor@callsign.demo', role: 'supervisor' });
    const none = await t.app.inject({ method: 'GET', url: '/v1/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('unauthorized');
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer('csa_forged') })).statusCode).toBe(401);
  });

  it('expires access tokens after 15 minutes', async () => {
    let now = Date.now();
    t = await createTestApp({ now: () => now });
    const { accessToken } = await t.login();
    now += 14 * 60_000;
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).statusCode).toBe(200);
    now += 2 * 60_000;
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).statusCode).toBe(401);
  });

  it('logout ends the session for both tokens', async () => {
    t = await createTestApp();
    const { accessToken, refreshToken } = await t.login();
    const out = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: bearer(accessToken),
      payload: { refreshToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken } })).statusCode,
    ).toBe(401);
  });
});
