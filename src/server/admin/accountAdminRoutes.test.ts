import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

describe('account admin API', () => {
  it('creates accounts, changes roles (ending that person’s sessions) and lists TOTP status', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login('admin@callsign.demo');
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: bearer(accessToken), ...(payload ? { payload } : {}) });

    const created = await call('POST', '/v1/admin/users', {
      email: 'New.Tech@Callsign.Demo',
      name: 'New Tech',
      role: 'technician',
      password: 'a long enough password',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'new.tech@callsign.demo', role: 'technician' });
    expect(
      (
        await call('POST', '/v1/admin/users', {
          email: 'new.tech@callsign.demo',
          name: 'X',
          role: 'noc',
          password: 'a long enough password',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await call('POST', '/v1/admin/users', { email: 'y@callsign.demo', name: 'Y', role: 'noc', password: 'short' })
      ).json().error.field,
    ).toBe('password');

    const tech = await t.login('tech@callsign.demo');
    const techId = (await t.services.users.findByEmail('tech@callsign.demo'))!.id;
    const patched = await call('PATCH', `/v1/admin/users/${techId}`, { role: 'noc' });
    expect(patched.json()).toMatchObject({ role: 'noc' });
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(tech.accessToken) })).statusCode).toBe(
      401,
    );
    expect((await call('PATCH', `/v1/admin/users/${techId}`, { email: 'x@y.z' })).statusCode).toBe(400);
    expect((await call('PATCH', '/v1/admin/users/usr_nope', { name: 'Z' })).statusCode).toBe(404);

    const users = (await call('GET', '/v1/admin/users')).json().users;
    expect(users.find((u: { email: string }) => u.email === 'tech@callsign.demo')).toMatchObject({
      role: 'noc',
      totpEnabled: false,
      activeDevices: 0,
    });
    expect(users.find((u: { email: string }) => u.email === 'admin@callsign.demo')).toMatchObject({ activeDevices: 1 });
    const types = await t.all<{ type: string; data: string }>(
      "select type, data from audit_log where type like 'account.%' order by seq",
    );
    expect(types.map((r) => r.type)).toEqual(['account.created', 'account.changed']);
    expect(types.map((r) => r.data).join()).not.toContain('a long enough password');
  });
});
