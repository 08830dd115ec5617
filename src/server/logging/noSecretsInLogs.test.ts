import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

describe('logs', () => {
  it('never contain a password, an access token or a refresh token', async () => {
    t = await createTestApp();
    const { app } = t;
    await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'tech@callsign.demo', password: 'Wrong-Secret-Pw-1' },
    });
    const first = await t.login();
    const refreshed = (
      await app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: first.refreshToken } })
    ).json();
    await app.inject({ method: 'GET', url: '/v1/sync?since=0&limit=2', headers: bearer(refreshed.accessToken) });
    await app.inject({ method: 'GET', url: '/v1/lookup?phone=%2B12065550101', headers: bearer(refreshed.accessToken) });
    await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(first.accessToken) }); // revoked token, 401
    await app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: bearer(refreshed.accessToken),
      payload: { refreshToken: refreshed.refreshToken },
    });
    // Whatever a future handler logs, redaction applies: headers, bodies, nested objects.
    app.log.info(
      {
        req: { headers: { authorization: `Bearer ${refreshed.accessToken}` } },
        body: { password: TEST_PASSWORD, refreshToken: refreshed.refreshToken },
      },
      'probe',
    );
    app.log.warn(
      { user: { token: first.accessToken }, body: { code: '482913' }, accessToken: first.accessToken },
      'probe 2',
    );

    const out = t.logs.join('');
    expect(t.logs.length).toBeGreaterThan(10);
    expect(out).toContain('"reqId"');
    expect(out).toContain('[redacted]');
    for (const secret of [
      TEST_PASSWORD,
      'Wrong-Secret-Pw-1',
      first.accessToken,
      first.refreshToken,
      refreshed.accessToken,
      refreshed.refreshToken,
      '482913',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).not.toMatch(/cs[ar]_[A-Za-z0-9_-]{20,}/);
  });
});

describe('request logs', () => {
  it('never contain a caller phone number or e-mail address from a lookup query', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login();
    const phone = await t.app.inject({
      method: 'GET',
      url: '/v1/lookup?phone=%2B12065550199',
      headers: bearer(accessToken),
    });
    expect(phone.statusCode).toBe(200);
    await t.app.inject({
      method: 'GET',
      url: '/v1/lookup?email=caller.person%40client.example',
      headers: bearer(accessToken),
    });
    await t.app.inject({ method: 'GET', url: '/v1/lookup?phone=206-555-0177&bad=1', headers: bearer(accessToken) }); // 400 too
    await t.app.inject({ method: 'GET', url: '/nowhere?email=lost.caller%40client.example' }); // 404 too
    const out = t.logs.join('');
    expect(out).toContain('"/v1/lookup"'); // the path is still logged, so requests stay traceable
    for (const pii of ['2065550199', '12065550199', 'caller.person', 'client.example', '555-0177', 'lost.caller'])
      expect(out, pii).not.toContain(pii);
  });
});
