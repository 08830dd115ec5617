import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallList, CtiEvent, CtiIntegrationCreated, type CallPush } from '../../shared/api/cti.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

const DANA_MOBILE = '+12065550101';

async function setUp() {
  t = await createTestApp();
  const admin = (await t.login('admin@callsign.demo')).accessToken;
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/admin/cti/integrations',
    headers: bearer(admin),
    payload: { name: 'Office PBX' },
  });
  expect(res.statusCode).toBe(201);
  const created = CtiIntegrationCreated.parse(res.json());
  const tech = (await t.services.users.findByEmail('tech@callsign.demo'))!;
  const put = await t.app.inject({
    method: 'PUT',
    url: `/v1/admin/users/${tech.id}/cti-extension`,
    headers: bearer(admin),
    payload: { extension: '201' },
  });
  expect(put.statusCode).toBe(204);
  return { admin, token: created.token, integrationId: created.integration.id, techId: tech.id };
}

const postJson = (token: string | undefined, payload: object, url = '/v1/cti/events') =>
  t.app.inject({ method: 'POST', url, headers: token ? bearer(token) : {}, payload });
const postForm = (token: string, body: string) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/cti/events',
    headers: { ...bearer(token), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  });
const calls = async (token: string) =>
  CallList.parse((await t.app.inject({ method: 'GET', url: '/v1/cti/calls', headers: bearer(token) })).json()).calls;

describe('POST /v1/cti/events', () => {
  it('stores only the token’s hash and shows the token once', async () => {
    const { admin, token, integrationId } = await setUp();
    expect(token).toMatch(/^csi_[A-Za-z0-9_-]{43}$/);
    const row = await t.get<{ token_hash: string }>(
      'SELECT token_hash FROM cti_integrations WHERE id = ?',
      integrationId,
    );
    expect(row!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const list = await t.app.inject({ method: 'GET', url: '/v1/admin/cti/integrations', headers: bearer(admin) });
    expect(list.body).not.toContain(token);
    expect(list.json().integrations).toHaveLength(1);
  });

  it('takes the generic JSON shape: identifies the caller, pushes to the mapped technician, logs answer and hang-up', async () => {
    const { token, techId } = await setUp();
    const pushes: CallPush[] = [];
    t.services.cti.hub.subscribe(techId, (p) => pushes.push(p));
    const base = { from: DANA_MOBILE, to: '+12065550999', direction: 'in', callId: 'c-1', user: ['201'] };
    expect((await postJson(token, { ...base, event: 'newCall' })).statusCode).toBe(202);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.call.identification).toMatchObject({
      identified: true,
      personName: 'Dana Reyes',
      siteId: 'site-northwind',
      companyName: 'Northwind Traders',
    });
    expect(pushes[0]!.call.state).toBe('ringing');
    expect((await postJson(token, { ...base, event: 'answer', answeringNumber: '201' })).json()).toMatchObject({
      state: 'answered',
    });
    expect((await postJson(token, { ...base, event: 'hangup', cause: 'normalClearing' })).statusCode).toBe(202);
    const [call] = await calls((await t.login()).accessToken);
    expect(call).toMatchObject({ callId: 'c-1', state: 'ended', answeredBy: '201', users: ['201'] });
    expect(call!.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(pushes.map((p) => p.event)).toEqual(['newCall', 'answer', 'hangup']);
  });

  it('takes sipgate.io’s form-encoded shape with user[] and marks an unanswered call missed', async () => {
    const { token, techId } = await setUp();
    const pushes: CallPush[] = [];
    t.services.cti.hub.subscribe(techId, (p) => pushes.push(p));
    const form = `event=newCall&from=4915791234567&to=4921112345&direction=in&callId=sg-9&user%5B%5D=Alice&user%5B%5D=201`;
    expect((await postForm(token, form)).statusCode).toBe(202);
    expect(
      (await postForm(token, 'event=hangup&from=4915791234567&to=4921112345&direction=in&callId=sg-9&cause=cancel'))
        .statusCode,
    ).toBe(202);
    const [call] = await calls((await t.login()).accessToken);
    expect(call).toMatchObject({ callId: 'sg-9', state: 'missed', users: ['Alice', '201'] });
    expect(call!.identification.identified).toBe(false);
    expect(pushes.map((p) => p.call.state)).toEqual(['ringing', 'missed']);
  });

  it('answers 401 to a missing, unknown or revoked token, and refuses a token in the URL', async () => {
    const { admin, token, integrationId } = await setUp();
    const ev = { event: 'newCall', from: DANA_MOBILE, to: '201', direction: 'in', callId: 'x' };
    expect((await postJson(undefined, ev)).statusCode).toBe(401);
    expect((await postJson('csi_nope', ev)).json().error.code).toBe('unauthorized');
    expect((await postJson(admin, ev)).statusCode).toBe(401); // a user's access token is not an integration token
    const inUrl = await postJson(undefined, ev, `/v1/cti/events?token=${token}`);
    expect(inUrl.statusCode).toBe(400);
    expect(inUrl.json().error.field).toBe('token');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/v1/admin/cti/integrations/${integrationId}`,
      headers: bearer(admin),
    });
    expect(del.statusCode).toBe(204);
    expect((await postJson(token, ev)).statusCode).toBe(401);
    expect(t.logs.join('\n')).not.toContain(token.slice(4));
  });

  it('answers 400 naming the field for malformed events, in both shapes', async () => {
    const { token } = await setUp();
    const ok = { event: 'newCall', from: DANA_MOBILE, to: '201', direction: 'in', callId: 'c-2' };
    const cases: Array<[object, string]> = [
      [{ ...ok, callId: undefined }, 'callId'],
      [{ ...ok, event: 'ringing' }, 'event'],
      [{ ...ok, direction: 'sideways' }, 'direction'],
      [{ ...ok, from: '' }, 'from'],
      [{ ...ok, callId: 'has space' }, 'callId'],
    ];
    for (const [payload, field] of cases) {
      const res = await postJson(token, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(res.json().error.message).toContain(field);
    }
    const form = await postForm(token, 'event=newCall&from=1&to=2&callId=c');
    expect(form.statusCode).toBe(400);
    expect(form.json().error.field).toBe('direction');
    expect(await calls((await t.login()).accessToken)).toEqual([]);
  });

  it('absorbs a burst of 200 concurrent events without loss, identifying each call once', async () => {
    const { token, techId } = await setUp();
    const lookup = vi.spyOn(t.services.lookup, 'lookup');
    let pushed = 0;
    t.services.cti.hub.subscribe(techId, () => pushed++);
    const CALLS = 50;
    const statuses: number[] = [];
    // All calls at once; within a call, a PBX sends answer after newCall and hangup last.
    await Promise.all(
      Array.from({ length: CALLS }, async (_, i) => {
        const base = { from: DANA_MOBILE, to: '201', direction: 'in', callId: `burst-${i}`, user: ['201'] };
        // PBXs repeat newCall for each leg of a group call: two at once, one identification.
        const legs = await Promise.all([
          postJson(token, { ...base, event: 'newCall' }),
          postJson(token, { ...base, event: 'newCall' }),
        ]);
        const answer = await postJson(token, { ...base, event: 'answer', answeringNumber: '201' });
        const hangup = await postJson(token, { ...base, event: 'hangup' });
        statuses.push(...[...legs, answer, hangup].map((r) => r.statusCode));
      }),
    );
    const total = CALLS * 4;
    expect(statuses).toEqual(Array.from({ length: total }, () => 202));
    expect(lookup).toHaveBeenCalledTimes(CALLS);
    expect(pushed).toBe(total);
    const rows = await t.all<{ events: number; state: string }>('SELECT events, state FROM cti_calls');
    expect(rows).toHaveLength(CALLS);
    expect(rows.reduce((n, r) => n + Number(r.events), 0)).toBe(total);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['ended']));
    expect(t.services.cti.service.pending).toBe(0);
  });

  it('applies many concurrent events of one call in order, with one identification (single-flight per callId)', async () => {
    const { integrationId } = await setUp();
    const lookup = vi.spyOn(t.services.lookup, 'lookup');
    const CALLS = 10;
    const PER_CALL = 30;
    const all = Array.from({ length: CALLS * PER_CALL }, (_, i) =>
      t.services.cti.service.ingest(
        integrationId,
        CtiEvent.parse({
          event: 'newCall',
          from: DANA_MOBILE,
          to: '201',
          direction: 'in',
          callId: `sf-${i % CALLS}`,
          user: [`u${i}`],
        }),
      ),
    );
    const views = await Promise.all(all);
    expect(lookup).toHaveBeenCalledTimes(CALLS);
    expect(new Set(views.map((v) => v.id)).size).toBe(CALLS);
    const rows = await t.all<{ events: number; users: string }>('SELECT events, users FROM cti_calls');
    expect(rows.map((r) => Number(r.events))).toEqual(Array.from({ length: CALLS }, () => PER_CALL));
    expect(rows.every((r) => (JSON.parse(r.users) as string[]).length === PER_CALL)).toBe(true);
  });
});
