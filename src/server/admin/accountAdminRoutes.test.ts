import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';

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
    // Four administrators demoted all at once: exactly three go, one stays. Straight to the service:
    // over HTTP the actor's own demotion ends its token, and the requests still queued would get 401.
    const answers = await Promise.allSettled(
      ids.map((id) => t.services.platform.accounts.change(id, { role: 'technician' }, 'test')),
    );
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(3);
    expect(answers.filter((a) => a.status === 'rejected')).toHaveLength(1);
    const admins = await t.all<{ id: string }>("select id from users where role = 'admin'");
    expect(admins).toHaveLength(1);
  });

  it('disables an account: sign-in 403 account_disabled, its tokens refused; enabling lets it sign in again', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login('admin@callsign.demo');
    const techId = (await t.services.users.findByEmail('tech@callsign.demo'))!.id;
    const tech = await t.login('tech@callsign.demo');
    const patch = (disabled: boolean) =>
      t.app.inject({
        method: 'PATCH',
        url: `/v1/admin/users/${techId}`,
        headers: bearer(accessToken),
        payload: { disabled },
      });
    const signIn = () =>
      t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: 'tech@callsign.demo', password: TEST_PASSWORD },
      });

    const disabled = await patch(true);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ id: techId, disabled: true });

    const refused = await signIn();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('account_disabled');
    expect(refused.json().error.message).toMatch(/ask an administrator/i);
    // A wrong password still gets the usual answer: the code does not reveal which accounts exist.
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'tech@callsign.demo', password: 'not the password at all' },
    });
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(tech.accessToken) })).statusCode).toBe(
      401,
    );
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: tech.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);

    const users = (await t.app.inject({ method: 'GET', url: '/v1/admin/users', headers: bearer(accessToken) })).json()
      .users as { email: string; disabled?: boolean; activeDevices: number }[];
    expect(users.find((u) => u.email === 'tech@callsign.demo')).toMatchObject({ disabled: true, activeDevices: 0 });
    expect(users.find((u) => u.email === 'admin@callsign.demo')).toMatchObject({ disabled: false });

    const audit = await t.all<{ data: string }>(
      "select data from audit_log where type = 'account.changed' and subject = ? order by seq",
      techId,
    );
    expect(audit.map((r) => JSON.parse(r.data))).toEqual([
      { fields: ['disabled'], role: 'technician', disabled: true, sessionsEnded: true },
    ]);

    const enabled = await patch(false);
    expect(enabled.json()).toMatchObject({ disabled: false });
    expect((await signIn()).statusCode).toBe(200);
  });

  it('refuses a token that outlived the disabling (authenticate and refresh check the account)', async () => {
    t = await createTestApp();
    const tech = await t.login('tech@callsign.demo');
    // Disabled behind the API's back: the sessions were not ended, the account check alone must refuse.
    await t.db.updateTable('users').set({ disabled_at: 1 }).where('email', '=', 'tech@callsign.demo').execute();
    const me = await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(tech.accessToken) });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.message).toMatch(/disabled/);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: tech.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    expect(refresh.json().error.message).toMatch(/disabled/);
  });

  it('refuses to disable the last enabled administrator, naming the field, and changes nothing', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login('admin@callsign.demo');
    const adminId = (await t.services.users.findByEmail('admin@callsign.demo'))!.id;
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/users/${adminId}`,
      headers: bearer(accessToken),
      payload: { disabled: true },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict', field: 'disabled' });
    expect(refused.json().error.message).toMatch(/last enabled administrator.*another account/);
    expect((await t.services.users.findById(adminId))!.disabled_at ?? null).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).statusCode).toBe(200);

    // A disabled administrator does not count: the enabled one can then be neither disabled nor demoted.
    const other = await t.services.users.create({
      email: 'admin2@callsign.demo',
      name: 'Admin 2',
      role: 'admin',
      password: TEST_PASSWORD,
    });
    await t.services.platform.accounts.change(other.id, { disabled: true }, 'test');
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/users/${adminId}`,
      headers: bearer(accessToken),
      payload: { role: 'technician' },
    });
    expect(demote.json().error).toMatchObject({ code: 'conflict', field: 'role' });
  });

  it('leaves at least one enabled administrator when ten administrators disable each other at once', async () => {
    t = await createTestApp();
    const ids = [(await t.services.users.findByEmail('admin@callsign.demo'))!.id];
    for (let i = 1; i < 10; i++) {
      const created = await t.services.users.create({
        email: `admin${i}@callsign.demo`,
        name: `Admin ${i}`,
        role: 'admin',
        password: TEST_PASSWORD,
      });
      ids.push(created.id);
    }
    const tokens: string[] = [];
    for (let i = 0; i < 10; i++)
      tokens.push((await t.login(i ? `admin${i}@callsign.demo` : 'admin@callsign.demo')).accessToken);
    // Each disables every other one, all at once: 90 requests racing.
    const answers = await Promise.all(
      ids.flatMap((_, from) =>
        ids
          .filter((_, to) => to !== from)
          .map((id) =>
            t.app.inject({
              method: 'PATCH',
              url: `/v1/admin/users/${id}`,
              headers: bearer(tokens[from]!),
              payload: { disabled: true },
            }),
          ),
      ),
    );
    expect(answers.filter((a) => ![200, 401, 409].includes(a.statusCode)).map((a) => a.body)).toEqual([]);
    expect(answers.some((a) => a.statusCode === 200)).toBe(true);
    const enabled = await t.all<{ id: string }>("select id from users where role = 'admin' and disabled_at is null");
    expect(enabled.length).toBeGreaterThanOrEqual(1);

    // Straight to the service (no token to lose): all ten disabled at once, exactly one stays.
    await t.db.updateTable('users').set({ disabled_at: null }).execute();
    const results = await Promise.allSettled(
      ids.map((id) => t.services.platform.accounts.change(id, { disabled: true }, 'test')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(9);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await t.all("select id from users where role = 'admin' and disabled_at is null")).toHaveLength(1);
  });
});
