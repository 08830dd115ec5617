import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_CURSOR_HEADER, SyncPage } from '../../shared/api/index.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

async function sync(query: string, token: string) {
  const res = await t.app.inject({ method: 'GET', url: `/v1/sync?${query}`, headers: bearer(token) });
  const body = res.json();
  // Every page carries its cursor in a header too (what the desktop's main reads instead of the page).
  if (res.statusCode === 200) {
    const page = body as SyncPage;
    expect(JSON.parse(String(res.headers[SYNC_CURSOR_HEADER]))).toEqual({
      seq: page.seq,
      more: page.more,
      remaining: page.remaining,
      count: page.changes.length,
    });
  }
  return { status: res.statusCode, body };
}

const site = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Site ${id}`,
  companyName: `Co ${id}`,
  country: 'US',
  ...extra,
});

describe('GET /v1/sync', () => {
  it('pages through changes with since/limit/more/remaining, each page valid by SyncPage', async () => {
    t = await createTestApp({ seed: false });
    await t.services.users.create({
      email: 'a@callsign.demo',
      name: 'A',
      role: 'technician',
      password: 'correct horse battery staple',
    });
    for (let i = 1; i <= 7; i++) await t.services.directory.upsertSite(site(`s${i}`));
    const { accessToken } = await t.login('a@callsign.demo');

    const p1 = await sync('since=0&limit=3', accessToken);
    expect(p1.status).toBe(200);
    const page1 = SyncPage.parse(p1.body);
    expect(page1.changes.map((c) => c.id)).toEqual(['s1', 's2', 's3']);
    expect(page1).toMatchObject({ seq: page1.changes[2]!.seq, more: true, remaining: 4, maxAgeSeconds: 86400 });
    expect(page1.changes[0]).toMatchObject({
      kind: 'site',
      op: 'upsert',
      data: { id: 's1', mainPhones: [], rmmAgentOptIn: false },
    });

    const page2 = SyncPage.parse((await sync(`since=${page1.seq}&limit=3`, accessToken)).body);
    expect(page2.changes.map((c) => c.id)).toEqual(['s4', 's5', 's6']);
    const page3 = SyncPage.parse((await sync(`since=${page2.seq}&limit=3`, accessToken)).body);
    expect(page3).toMatchObject({ more: false, remaining: 0 });
    expect(page3.changes.map((c) => c.id)).toEqual(['s7']);
    const empty = SyncPage.parse((await sync(`since=${page3.seq}`, accessToken)).body);
    expect(empty).toMatchObject({ seq: page3.seq, more: false, remaining: 0, changes: [] });
  });

  it('collapses superseded changes and leaves tombstones after deletes', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login();
    const before = SyncPage.parse((await sync('since=0&limit=20000', accessToken)).body);
    const dir = t.services.directory;
    await dir.upsertSite(site('x1'));
    await dir.upsertSite(site('x2'));
    await dir.upsertSite(site('x1', { name: 'Renamed' }));
    await dir.upsertProfile({ id: 'p-x2', siteId: 'x2', firstName: 'Zoë', lastName: 'Ødegaard' });
    await dir.delete('site', 'x2'); // also deletes its profile

    const all = SyncPage.parse((await sync('since=0&limit=20000', accessToken)).body);
    const ids = all.changes.map((c) => `${c.kind}:${c.id}`);
    expect(new Set(ids).size).toBe(ids.length); // each record once
    const tail = all.changes.slice(before.changes.length);
    expect(tail.map((c) => [c.kind, c.id, c.op])).toEqual([
      ['site', 'x1', 'upsert'],
      ['profile', 'p-x2', 'delete'],
      ['site', 'x2', 'delete'],
    ]);
    expect(tail[0]).toMatchObject({ data: { name: 'Renamed' } });
    expect(tail[1]).not.toHaveProperty('data');

    // A client that had seen everything before gets just the new state.
    const delta = SyncPage.parse((await sync(`since=${before.seq}`, accessToken)).body);
    expect(delta.changes).toHaveLength(3);
  });

  it('rejects a bad since with 400 naming "since"', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login();
    for (const q of ['since=abc', 'since=-1', 'since=1.5', 'limit=0', 'limit=999999', 'since=99999999']) {
      const { status, body } = await sync(q, accessToken);
      expect(status, q).toBe(400);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.field).toBe(q.split('=')[0]);
      expect(body.error.message).toContain(q.split('=')[0]);
    }
  });

  it('requires a bearer token (checked before the query)', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/v1/sync?since=abc' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });
});
