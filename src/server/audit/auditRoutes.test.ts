import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { AUDIT_EVENT_TYPES, AuditPage } from '../../shared/api/audit.js';
import { AUDIT_EVENT, PLATFORM_AUDIT_EVENT } from '../admin/platformAuditEvents.js';
import { storeReviewRecord } from './reviewRecords.testkit.js';

let t: TestApp;
afterEach(() => t?.close());

describe('audit API', () => {
  it('lets supervisors page through the chain and verify it; technicians get 403', async () => {
    t = await createTestApp();
    await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'tech@callsign.demo', password: 'wrong' },
    });
    const sup = await t.login('supervisor@callsign.demo');
    const get = (url: string, token = sup.accessToken) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
    const first = (await get('/v1/audit?limit=1')).json();
    expect(first.entries).toEqual([
      expect.objectContaining({
        seq: 1,
        type: 'auth.sign_in_failed',
        actor: 'tech@callsign.demo',
        at: expect.stringMatching(/Z$/),
      }),
    ]);
    expect(first.next).toBe(1);
    const signIns = (await get('/v1/audit?type=auth.sign_in')).json().entries;
    expect(signIns[0]).toMatchObject({
      subject: 'supervisor@callsign.demo',
      data: expect.objectContaining({ deviceName: 'Unnamed device', method: 'password' }),
    });
    expect((await get('/v1/audit/verify')).json()).toMatchObject({ intact: true, brokenAt: null, entries: 2 });
    await t.all("update audit_log set actor = 'someone' where seq = 1");
    expect((await get('/v1/audit/verify')).json()).toMatchObject({ intact: false, brokenAt: 1 });
    const tech = await t.login('tech@callsign.demo');
    expect((await get('/v1/audit', tech.accessToken)).statusCode).toBe(403);
  });
});

describe('audit API, newest first', () => {
  it('pages backwards by seq with before=, filters by type and actor, and keeps the known types listed', async () => {
    t = await createTestApp();
    for (let i = 0; i < 3; i++)
      await t.app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email: 'tech@callsign.demo', password: 'wrong' },
      });
    const sup = await t.login('supervisor@callsign.demo');
    const get = async (url: string) =>
      AuditPage.parse((await t.app.inject({ method: 'GET', url, headers: bearer(sup.accessToken) })).json());
    const newest = await get('/v1/audit?order=desc&limit=2');
    expect(newest.entries.map((e) => [e.seq, e.type])).toEqual([
      [4, 'auth.sign_in'],
      [3, 'auth.sign_in_failed'],
    ]);
    expect(newest.next).toBe(3);
    const older = await get(`/v1/audit?order=desc&limit=2&before=${newest.next}`);
    expect(older.entries.map((e) => e.seq)).toEqual([2, 1]);
    expect(older.next).toBeNull();
    expect((await get('/v1/audit?order=desc&type=auth.sign_in_failed&before=3')).entries.map((e) => e.seq)).toEqual([
      2, 1,
    ]);
    expect((await get('/v1/audit?order=desc&actor=tech@callsign.demo')).entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect((await get('/v1/audit?after=3')).entries.map((e) => e.seq)).toEqual([4]); // asc unchanged
    expect((await get('/v1/audit?order=desc&subject=supervisor@callsign.demo')).entries.map((e) => e.seq)).toEqual([4]);
    expect((await get('/v1/audit?subject=nobody')).entries).toEqual([]);
    expect(AUDIT_EVENT_TYPES).toEqual(
      expect.arrayContaining([...Object.values(AUDIT_EVENT), ...Object.values(PLATFORM_AUDIT_EVENT)]),
    );
    const bad = await t.app.inject({
      method: 'GET',
      url: '/v1/audit?order=sideways',
      headers: bearer(sup.accessToken),
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('audit API, subject names', () => {
  it('adds the name of a user, site, client profile or device it knows; other subjects stay ids', async () => {
    t = await createTestApp();
    const sup = await t.login('supervisor@callsign.demo');
    const tech = await t.services.users.findByEmail('tech@callsign.demo');
    const append = (subject: string) =>
      t.services.audit.append({ type: PLATFORM_AUDIT_EVENT.accountChanged, actor: 'cli', subject, data: {} });
    await append(tech!.id);
    await append('site:site-northwind');
    await append('prof-dana');
    await append('3f0c9a52-6d1e-4b8e-9d5c-000000000001');
    const record = await storeReviewRecord(t, { createdAt: '2026-03-01T10:00:00Z', ticket: 'T-77' });
    await append(record.id);
    const page = AuditPage.parse(
      (
        await t.app.inject({
          method: 'GET',
          url: `/v1/audit?type=${PLATFORM_AUDIT_EVENT.accountChanged}`,
          headers: bearer(sup.accessToken),
        })
      ).json(),
    );
    expect(page.entries.map((e) => [e.subject, e.subjectName])).toEqual([
      [tech!.id, tech!.name],
      ['site:site-northwind', 'Northwind Traders — Seattle'],
      ['prof-dana', 'Dana Reyes'],
      ['3f0c9a52-6d1e-4b8e-9d5c-000000000001', undefined],
      [record.id, 'Dana Reyes · Northwind Traders — Seattle · password.reset · T-77'],
    ]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/audit/verify', headers: bearer(sup.accessToken) })).json(),
    ).toMatchObject({ intact: true });
  });
});
