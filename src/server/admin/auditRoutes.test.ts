import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

describe('audit API', () => {
  it('lets supervisors page through the chain and verify it; technicians get 403', async () => {
    t = await createTestApp();
    await t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'tech@callsign.demo', password: 'wrong' } });
    const sup = await t.login('supervisor@callsign.demo');
    const get = (url: string, token = sup.accessToken) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
    const first = (await get('/v1/audit?limit=1')).json();
    expect(first.entries).toEqual([expect.objectContaining({ seq: 1, type: 'auth.sign_in_failed', actor: 'tech@callsign.demo', at: expect.stringMatching(/Z$/) })]);
    expect(first.next).toBe(1);
    const signIns = (await get('/v1/audit?type=auth.sign_in')).json().entries;
    expect(signIns[0]).toMatchObject({ subject: 'supervisor@callsign.demo', data: expect.objectContaining({ deviceName: 'Unnamed device', method: 'password' }) });
    expect((await get('/v1/audit/verify')).json()).toMatchObject({ intact: true, brokenAt: null, entries: 2 });
    await t.all("update audit_log set actor = 'someone' where seq = 1");
    expect((await get('/v1/audit/verify')).json()).toMatchObject({ intact: false, brokenAt: 1 });
    const tech = await t.login('tech@callsign.demo');
    expect((await get('/v1/audit', tech.accessToken)).statusCode).toBe(403);
  });
});
