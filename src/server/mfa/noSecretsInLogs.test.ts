import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';
import { totpCode } from './totp.js';

let t: TestApp;
afterEach(() => t?.close());

describe('logs and the audit chain after a full platform flow', () => {
  it('never contain a password, token, mfaToken, TOTP secret or code, or recovery code', async () => {
    let now = Date.UTC(2026, 10, 23, 9, 0, 0);
    t = await createTestApp({ now: () => now });
    const { app } = t;
    const secrets: string[] = [TEST_PASSWORD];
    const keep = <T extends string>(s: T) => (secrets.push(s), s);
    const device = { name: 'Front desk', platform: 'windows' };

    const first = await t.login('noc@callsign.demo');
    keep(first.accessToken);
    keep(first.refreshToken);
    const enrol = (
      await app.inject({
        method: 'POST',
        url: '/v1/auth/totp/enroll',
        headers: bearer(first.accessToken),
        payload: { currentPassword: TEST_PASSWORD },
      })
    ).json();
    keep(enrol.secret);
    keep(enrol.otpauthUri);
    keep(enrol.qrCodeDataUrl.slice(30, 90));
    const confirmCode = keep(totpCode(enrol.secret, now));
    const { recoveryCodes } = (
      await app.inject({
        method: 'POST',
        url: '/v1/auth/totp/confirm',
        headers: bearer(first.accessToken),
        payload: { code: confirmCode },
      })
    ).json();
    recoveryCodes.forEach((c: string) => keep(c));

    const wrongPassword = keep('Wrong-Secret-Pw-9');
    await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'noc@callsign.demo', password: wrongPassword, device },
    });
    const challenge = (
      await app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: 'noc@callsign.demo', password: TEST_PASSWORD, device },
      })
    ).json();
    keep(challenge.mfaToken);
    now += 30_000;
    const wrongCode = keep(String((Number(totpCode(enrol.secret, now)) + 1) % 1_000_000).padStart(6, '0'));
    await app.inject({
      method: 'POST',
      url: '/v1/auth/totp',
      payload: { mfaToken: challenge.mfaToken, code: wrongCode },
    });
    const signedIn = (
      await app.inject({
        method: 'POST',
        url: '/v1/auth/totp',
        payload: { mfaToken: challenge.mfaToken, code: keep(totpCode(enrol.secret, now)) },
      })
    ).json();
    keep(signedIn.accessToken);
    keep(signedIn.refreshToken);
    const again = (
      await app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: 'noc@callsign.demo', password: TEST_PASSWORD, device },
      })
    ).json();
    keep(again.mfaToken);
    const byRecovery = (
      await app.inject({
        method: 'POST',
        url: '/v1/auth/totp',
        payload: { mfaToken: again.mfaToken, recoveryCode: recoveryCodes[0] },
      })
    ).json();
    keep(byRecovery.accessToken);
    const refreshed = (
      await app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: byRecovery.refreshToken } })
    ).json();
    keep(refreshed.accessToken);
    keep(refreshed.refreshToken);

    const admin = await t.login('admin@callsign.demo');
    keep(admin.accessToken);
    const newPassword = keep('brand new account password 42');
    await app.inject({
      method: 'POST',
      url: '/v1/admin/users',
      headers: bearer(admin.accessToken),
      payload: { email: 'x@callsign.demo', name: 'X', role: 'technician', password: newPassword },
    });
    await app.inject({ method: 'GET', url: '/v1/devices', headers: bearer(admin.accessToken) });
    await app.inject({ method: 'DELETE', url: `/v1/devices/${signedIn.deviceId}`, headers: bearer(admin.accessToken) });
    await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(signedIn.accessToken) }); // device_revoked
    await app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: bearer(refreshed.accessToken),
      payload: { refreshToken: refreshed.refreshToken },
    });
    // Whatever a future handler logs, these fields are redacted wherever they appear.
    app.log.info(
      {
        body: { mfaToken: challenge.mfaToken, recoveryCode: recoveryCodes[1], code: confirmCode },
        res: { recoveryCodes, otpauthUri: enrol.otpauthUri, secret: enrol.secret },
      },
      'probe',
    );

    const out = t.logs.join('');
    expect(t.logs.length).toBeGreaterThan(30);
    expect(out).toContain('[redacted]');
    const audit = JSON.stringify(await t.all('select * from audit_log'));
    expect(audit).toContain('auth.totp_enrolled');
    for (const secret of secrets) {
      expect(out, 'log').not.toContain(secret);
      expect(audit, 'audit').not.toContain(secret);
    }
    expect(out).not.toMatch(/cs[arm]_[A-Za-z0-9_-]{20,}/);
  });
});
