import { describe, expect, it } from 'vitest';
import { handlersBehindFakeServer, json, type Answer } from './fakeServerHarness.testkit.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' as const };
const device = (id: string, current: boolean) => ({
  id,
  userId: 'u1',
  userEmail: 'tech@callsign.demo',
  name: `Desk ${id}`,
  platform: 'linux',
  createdAt: '2026-01-01T10:00:00.000Z',
  lastSeenAt: '2026-01-02T10:00:00.000Z',
  revokedAt: null,
  current,
});
const CODES = Array.from({ length: 10 }, (_, i) => `AAAA-BBBB-CCCC-000${i}`);

/** The account endpoints of the fake server (fakeServerHarness.testkit.ts); `answer` overrides per test. */
const accountRoutes: Answer = ({ method, path }) => {
  if (path === '/v1/auth/totp/enroll')
    return json(200, {
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/Callsign:tech?secret=JBSWY3DPEHPK3PXP',
      qrCodeDataUrl: 'data:image/png;base64,AAAA',
    });
  if (path === '/v1/auth/totp/confirm') return json(200, { recoveryCodes: CODES });
  if (path === '/v1/devices') return json(200, { devices: [device('d1', true), device('d2', false)] });
  if (method === 'DELETE') return json(204);
  if (path === '/v1/admin/users')
    return json(200, {
      users: [{ ...user, createdAt: '2026-01-01T00:00:00.000Z', totpEnabled: false, activeDevices: 2 }],
    });
  return undefined;
};
const setup = (answer?: (method: string, path: string, auth: string | undefined) => Response | undefined) =>
  handlersBehindFakeServer(user, accountRoutes, answer && (({ method, path, auth }) => answer(method, path, auth)));

describe('account and admin IPC channels', () => {
  it('enrols TOTP and confirms it, after which the session says TOTP is on', async () => {
    const { client, calls } = setup();
    expect((await client.invoke('session.login', { email: 'tech@callsign.demo', password: 'pw' })).totpEnabled).toBe(
      false,
    );
    const enrolment = await client.invoke('account.totpEnroll', {});
    expect(enrolment.secret).toBe('JBSWY3DPEHPK3PXP');
    expect((await client.invoke('account.totpConfirm', { code: ' 123456 ' })).recoveryCodes).toEqual(CODES);
    expect((await client.invoke('session.status', {})).totpEnabled).toBe(true);
    expect(calls).toEqual([
      'POST /v1/auth/login',
      'POST /v1/auth/totp/enroll Bearer AT1',
      'POST /v1/auth/totp/confirm Bearer AT1',
    ]);
  });

  it('refuses a malformed code in main, before any server call, naming the field', async () => {
    const { client, calls } = setup();
    await client.invoke('session.login', { email: 'tech@callsign.demo', password: 'pw' });
    await expect(client.invoke('account.totpConfirm', { code: '12345' })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'code',
    });
    expect(calls).toHaveLength(1);
  });

  it('passes the server’s wrong-code error through, field included, and leaves TOTP off', async () => {
    const { client } = setup((_m, path) =>
      path === '/v1/auth/totp/confirm'
        ? json(400, { error: { code: 'invalid_code', message: 'That code is not right.', field: 'code' } })
        : undefined,
    );
    await client.invoke('session.login', { email: 'tech@callsign.demo', password: 'pw' });
    await expect(client.invoke('account.totpConfirm', { code: '000000' })).rejects.toMatchObject({
      code: 'invalid_code',
      field: 'code',
      message: 'That code is not right.',
    });
    expect((await client.invoke('session.status', {})).totpEnabled).toBe(false);
  });

  it('lists devices by scope and revokes one by id, refreshing the token once on 401', async () => {
    let expired = true;
    const { client, calls } = setup((_m, path, auth) => {
      if (path === '/v1/devices' && auth === 'Bearer AT1' && expired) {
        expired = false;
        return json(401, { error: { code: 'unauthorized', message: 'expired' } });
      }
      return undefined;
    });
    await client.invoke('session.login', { email: 'tech@callsign.demo', password: 'pw' });
    const { devices } = await client.invoke('devices.list', { scope: 'own' });
    expect(devices.map((d) => [d.id, d.current])).toEqual([
      ['d1', true],
      ['d2', false],
    ]);
    expect(await client.invoke('devices.revoke', { id: 'd2/x' })).toEqual({ revoked: true });
    expect(calls.slice(1)).toEqual([
      'GET /v1/devices?scope=own Bearer AT1',
      'POST /v1/auth/refresh',
      'GET /v1/devices?scope=own Bearer AT2',
      'DELETE /v1/devices/d2%2Fx Bearer AT2',
    ]);
  });

  it('lists accounts and resets TOTP; a forbidden answer stays forbidden', async () => {
    const { client, calls } = setup((method, path) =>
      method === 'DELETE' && path === '/v1/admin/users/u9/totp'
        ? json(403, { error: { code: 'forbidden', message: 'Only an administrator can do this.' } })
        : undefined,
    );
    await client.invoke('session.login', { email: 'tech@callsign.demo', password: 'pw' });
    expect((await client.invoke('admin.users', {})).users[0]).toMatchObject({
      email: 'tech@callsign.demo',
      totpEnabled: false,
      activeDevices: 2,
    });
    expect(await client.invoke('admin.resetTotp', { userId: 'u1' })).toEqual({ reset: true });
    await expect(client.invoke('admin.resetTotp', { userId: 'u9' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(calls.slice(1)).toEqual([
      'GET /v1/admin/users Bearer AT1',
      'DELETE /v1/admin/users/u1/totp Bearer AT1',
      'DELETE /v1/admin/users/u9/totp Bearer AT1',
    ]);
  });

  it('refuses every account channel before sign-in', async () => {
    const { client, calls } = setup();
    await expect(client.invoke('account.totpEnroll', {})).rejects.toMatchObject({ code: 'not_signed_in' });
    await expect(client.invoke('devices.list', { scope: 'all' })).rejects.toMatchObject({ code: 'not_signed_in' });
    expect(calls).toEqual([]);
  });
});
