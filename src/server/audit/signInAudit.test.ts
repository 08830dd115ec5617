import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

describe('sign-in audit events', () => {
  it('records failures and successes in the audit chain, never the password', async () => {
    t = await createTestApp();
    const login = (email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password } });
    expect((await login('tech@callsign.demo', 'Wrong-Secret-Pw-1')).statusCode).toBe(401);
    expect((await login('nobody@callsign.demo', 'Wrong-Secret-Pw-2')).statusCode).toBe(401);
    await t.login();

    const events = (await t.services.audit.list({ limit: 100 })).filter((e) => e.type.startsWith('auth.sign_in'));
    expect(events.map((e) => [e.type, e.subject, e.data.reason])).toEqual([
      ['auth.sign_in_failed', 'tech@callsign.demo', 'wrong_password'],
      ['auth.sign_in_failed', 'nobody@callsign.demo', 'unknown_account'],
      ['auth.sign_in', 'tech@callsign.demo', undefined],
    ]);
    const user = await t.services.users.findByEmail('tech@callsign.demo');
    expect(events[2]!.actor).toBe(user!.id);
    const all = JSON.stringify(await t.services.audit.list({ limit: 1000 }));
    for (const secret of ['Wrong-Secret-Pw-1', 'Wrong-Secret-Pw-2', TEST_PASSWORD]) expect(all).not.toContain(secret);
    expect(await t.services.audit.verify()).toBeNull();
  });

  it('audits a sign-out once, with the device, and nothing for a session already ended', async () => {
    t = await createTestApp();
    const tokens = await t.login();
    const logout = () =>
      t.app.inject({
        method: 'POST',
        url: '/v1/auth/logout',
        headers: { authorization: `Bearer ${tokens.accessToken}` },
        payload: { refreshToken: tokens.refreshToken },
      });
    expect((await logout()).statusCode).toBe(204);
    expect((await logout()).statusCode).toBe(204);
    const outs = await t.services.audit.list({ type: 'auth.sign_out' });
    const user = await t.services.users.findByEmail('tech@callsign.demo');
    expect(outs.map((e) => [e.actor, e.subject, e.data.deviceId])).toEqual([
      [user!.id, 'tech@callsign.demo', tokens.deviceId],
    ]);
    expect(JSON.stringify(outs)).not.toContain(tokens.refreshToken);
    expect(await t.services.audit.verify()).toBeNull();
  });
});
