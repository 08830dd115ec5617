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

  it('refuses to demote the last administrator, naming the field and what to do, and changes nothing', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login('admin@callsign.demo');
    const adminId = (await t.services.users.findByEmail('admin@callsign.demo'))!.id;
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/users/${adminId}`,
      headers: bearer(accessToken),
      payload: { role: 'supervisor' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict', field: 'role' });
    expect(refused.json().error.message).toMatch(/last administrator.*another account/);
    expect((await t.services.users.findById(adminId))!.role).toBe('admin');
    // The session survived: nothing was changed.
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).statusCode).toBe(200);
  });

  it('lets one of two administrators go, but never both when they demote each other at once', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login('admin@callsign.demo');
    const patch = (id: string, role: string) =>
      t.app.inject({ method: 'PATCH', url: `/v1/admin/users/${id}`, headers: bearer(accessToken), payload: { role } });
    const ids: string[] = [(await t.services.users.findByEmail('admin@callsign.demo'))!.id];
    for (let i = 0; i < 3; i++) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/admin/users',
        headers: bearer(accessToken),
        payload: {
          email: `admin${i}@callsign.demo`,
          name: `Admin ${i}`,
          role: 'admin',
          password: 'a long enough password',
        },
      });
      ids.push(created.json().id);
    }
    // Four administrators demoted all at once: exactly three go, one stays.
    const answers = await Promise.all(
      ids
        .slice(1)
        .concat(ids[0]!)
        .map((id) => patch(id, 'technician')),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(1);
    const admins = await t.all<{ id: string }>("select id from users where role = 'admin'");
    expect(admins).toHaveLength(1);
  });
});
