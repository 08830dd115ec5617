import { afterEach, describe, expect, it } from 'vitest';
import { DeviceList, SessionTokens } from '../../shared/auth/index.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

async function signIn(email: string, device: { name: string; platform: string }) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email, password: TEST_PASSWORD, device },
  });
  expect(res.statusCode).toBe(200);
  return SessionTokens.parse(res.json());
}
const list = async (token: string, query = '') =>
  DeviceList.parse((await t.app.inject({ method: 'GET', url: `/v1/devices${query}`, headers: bearer(token) })).json())
    .devices;
const revoke = (token: string, id: string) =>
  t.app.inject({ method: 'DELETE', url: `/v1/devices/${id}`, headers: bearer(token) });

describe('devices', () => {
  it('registers a device per sign-in; users list their own, supervisors and admins everyone’s', async () => {
    t = await createTestApp();
    const laptop = await signIn('tech@callsign.demo', { name: 'Taylor’s laptop', platform: 'windows' });
    const desk = await signIn('tech@callsign.demo', { name: 'Front desk', platform: 'linux' });
    await signIn('noc@callsign.demo', { name: 'NOC wall', platform: 'macos' });
    const own = await list(laptop.accessToken);
    expect(own.map((d) => d.name).sort()).toEqual(['Front desk', 'Taylor’s laptop']);
    expect(own.find((d) => d.id === laptop.deviceId)).toMatchObject({
      current: true,
      platform: 'windows',
      revokedAt: null,
      userEmail: 'tech@callsign.demo',
    });
    expect(own.find((d) => d.id === desk.deviceId)?.current).toBe(false);
    const supervisor = await signIn('supervisor@callsign.demo', { name: 'Sky’s PC', platform: 'windows' });
    expect((await list(supervisor.accessToken)).map((d) => d.name)).toEqual(
      expect.arrayContaining(['NOC wall', 'Front desk', 'Sky’s PC']),
    );
    expect(await list(supervisor.accessToken, '?scope=own')).toHaveLength(1);
    // A sign-in without a device is still a (named) device.
    const bare = await t.login('admin@callsign.demo');
    expect((await list(bare.accessToken, '?scope=own'))[0]).toMatchObject({
      name: 'Unnamed device',
      platform: 'unknown',
    });
  });

  it('an admin revokes a device: its next request and refresh get 401 device_revoked, others carry on', async () => {
    t = await createTestApp();
    const victim = await signIn('tech@callsign.demo', { name: 'Lost laptop', platform: 'windows' });
    const other = await signIn('tech@callsign.demo', { name: 'Desk', platform: 'windows' });
    const admin = await signIn('admin@callsign.demo', { name: 'Admin PC', platform: 'windows' });
    expect((await revoke(admin.accessToken, victim.deviceId)).statusCode).toBe(204);
    expect((await revoke(admin.accessToken, victim.deviceId)).statusCode).toBe(204); // idempotent

    const me = await t.app.inject({
      method: 'GET',
      url: '/v1/sync?since=0&limit=1',
      headers: bearer(victim.accessToken),
    });
    expect(me.statusCode).toBe(401);
    expect(me.json().error).toMatchObject({ code: 'device_revoked' });
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: victim.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    expect(refresh.json().error.code).toBe('device_revoked');
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(other.accessToken) })).statusCode).toBe(
      200,
    );
    expect((await list(admin.accessToken)).find((d) => d.id === victim.deviceId)?.revokedAt).toEqual(
      expect.any(String),
    );
    const event = await t.get("select actor, subject from audit_log where type = 'device.revoked'");
    expect(event).toEqual({ actor: admin.user.id, subject: victim.deviceId });
  });

  it('anyone may revoke their own device; only admins someone else’s (supervisors 403, others 404)', async () => {
    t = await createTestApp();
    const mine = await signIn('tech@callsign.demo', { name: 'Mine', platform: 'linux' });
    const spare = await signIn('tech@callsign.demo', { name: 'Spare', platform: 'linux' });
    const noc = await signIn('noc@callsign.demo', { name: 'NOC', platform: 'linux' });
    const supervisor = await signIn('supervisor@callsign.demo', { name: 'Sup', platform: 'linux' });
    expect((await revoke(noc.accessToken, spare.deviceId)).statusCode).toBe(404);
    expect((await revoke(supervisor.accessToken, spare.deviceId)).statusCode).toBe(403);
    expect((await revoke(mine.accessToken, spare.deviceId)).statusCode).toBe(204);
    expect((await revoke(mine.accessToken, 'dev_nope')).statusCode).toBe(404);
  });

  it('reusing a rotated refresh token ends that device’s chain, and sign-out removes the device', async () => {
    t = await createTestApp();
    const first = await signIn('tech@callsign.demo', { name: 'Laptop', platform: 'windows' });
    const second = SessionTokens.parse(
      (
        await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: first.refreshToken } })
      ).json(),
    );
    expect(second.deviceId).toBe(first.deviceId);
    expect(
      (await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: first.refreshToken } }))
        .statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(second.accessToken) })).statusCode).toBe(
      401,
    );
    expect(
      (await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: second.refreshToken } }))
        .statusCode,
    ).toBe(401);
    expect(await t.get('select count(*) as n from devices where id = ?', first.deviceId)).toEqual({ n: 0 });

    const other = await signIn('tech@callsign.demo', { name: 'Desk', platform: 'windows' });
    await t.app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      headers: bearer(other.accessToken),
      payload: { refreshToken: other.refreshToken },
    });
    expect(await t.get('select count(*) as n from devices')).toEqual({ n: 0 });
  });

  it('keeps last-seen current on refresh', async () => {
    let now = Date.UTC(2026, 0, 1);
    t = await createTestApp({ now: () => now });
    const first = await signIn('tech@callsign.demo', { name: 'Laptop', platform: 'windows' });
    now += 10 * 60_000;
    const second = SessionTokens.parse(
      (
        await t.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: first.refreshToken } })
      ).json(),
    );
    const [device] = await list(second.accessToken);
    expect(device).toMatchObject({ createdAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:10:00.000Z' });
  });
});
