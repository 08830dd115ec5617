import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/chain/canonicalJson.js';
import { sha256Hex } from '../../shared/chain/hashChain.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

const site = {
  id: 'site-new',
  name: 'New Co — Leeds',
  companyName: 'New Co',
  country: 'GB',
  mainPhones: ['0113 496 0000'],
  emailDomain: 'newco.example',
};

async function admin() {
  const { accessToken } = await t.login('admin@callsign.demo');
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(accessToken), ...(payload ? { payload } : {}) });
  return call;
}
const lastAudit = async () =>
  (await t.get<{ actor: string; subject: string; data: string }>(
    "select actor, subject, data from audit_log where type = 'directory.changed' order by seq desc limit 1",
  ))!;

describe('directory admin API', () => {
  it('creates, reads, updates and deletes a site; each write moves the sync seq and is audited with hashes', async () => {
    t = await createTestApp();
    const call = await admin();
    const seq0 = await t.services.directory.latestSeq();
    const created = await call('POST', '/v1/admin/sites', site);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      seq: seq0 + 1,
      record: { id: 'site-new', noClientEmailDomain: false, rmmAgentOptIn: false },
    });
    const adminId = (await t.services.users.findByEmail('admin@callsign.demo'))!.id;
    const createdEvent = JSON.parse((await lastAudit()).data);
    expect(await lastAudit()).toMatchObject({ actor: adminId, subject: 'site:site-new' });
    expect(createdEvent).toEqual({
      kind: 'site',
      id: 'site-new',
      op: 'create',
      seq: seq0 + 1,
      beforeHash: null,
      afterHash: await sha256Hex(canonicalJson(created.json().record)),
    });

    expect((await call('POST', '/v1/admin/sites', site)).statusCode).toBe(409);
    expect((await call('GET', '/v1/admin/sites/site-new')).json()).toMatchObject({ name: 'New Co — Leeds' });

    const updated = await call('PUT', '/v1/admin/sites/site-new', { ...site, siteMessage: 'Office closed Friday' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().seq).toBe(seq0 + 2);
    const updatedEvent = JSON.parse((await lastAudit()).data);
    expect(updatedEvent).toMatchObject({ op: 'update', beforeHash: createdEvent.afterHash });
    expect(updatedEvent.afterHash).not.toBe(createdEvent.afterHash);
    expect((await call('PUT', '/v1/admin/sites/site-other', site)).json().error).toMatchObject({
      code: 'bad_request',
      field: 'id',
    });
    expect((await call('PUT', '/v1/admin/sites/site-missing', { ...site, id: 'site-missing' })).statusCode).toBe(404);

    const sync = (await call('GET', `/v1/sync?since=${seq0}`)).json();
    expect(sync.changes).toEqual([
      expect.objectContaining({
        kind: 'site',
        id: 'site-new',
        op: 'upsert',
        data: expect.objectContaining({ siteMessage: 'Office closed Friday' }),
      }),
    ]);

    const deleted = await call('DELETE', '/v1/admin/sites/site-new');
    expect(deleted.json()).toEqual({ seq: seq0 + 3 });
    expect(JSON.parse((await lastAudit()).data)).toMatchObject({
      op: 'delete',
      afterHash: null,
      beforeHash: updatedEvent.afterHash,
    });
    expect((await call('DELETE', '/v1/admin/sites/site-new')).statusCode).toBe(404);
    expect((await call('GET', '/v1/admin/sites/site-new')).statusCode).toBe(404);
  });

  it('validates with the shared schemas and names the field', async () => {
    t = await createTestApp();
    const call = await admin();
    const badCountry = await call('POST', '/v1/admin/profiles', {
      id: 'p1',
      siteId: 'site-northwind',
      firstName: 'A',
      lastName: 'B',
      phones: [{ number: '1', country: 'usa' }],
    });
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.json().error).toMatchObject({ code: 'bad_request', field: 'phones.0.country' });
    const noSite = await call('POST', '/v1/admin/profiles', {
      id: 'p1',
      siteId: 'site-nowhere',
      firstName: 'A',
      lastName: 'B',
    });
    expect(noSite.statusCode).toBe(404);
    expect(noSite.json().error.field).toBe('siteId');
    const ref = await call('POST', '/v1/admin/references', { id: 'r1', subject: 'VPN', kind: 'how_to', body: {} });
    expect(ref.json().error).toMatchObject({ field: 'siteIds' });
  });

  it('lists with keyset paging and a site filter; profiles, references and policies work the same way', async () => {
    t = await createTestApp();
    const call = await admin();
    const page1 = (await call('GET', '/v1/admin/sites?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await call('GET', `/v1/admin/sites?limit=2&after=${page1.next}`)).json();
    expect(page2.items[0].id > page1.items[1].id).toBe(true);
    const dana = (await call('GET', '/v1/admin/profiles?siteId=site-northwind')).json().items;
    expect(dana.map((p: { id: string }) => p.id)).toContain('prof-dana');
    const policies = (await call('GET', '/v1/admin/policies')).json().items;
    expect(policies.length).toBeGreaterThan(0);
    const policy = await call('GET', `/v1/admin/policies/${policies[0].siteId}`);
    expect(policy.statusCode).toBe(200);
    const put = await call('PUT', `/v1/admin/policies/${policies[0].siteId}`, policies[0]);
    expect(put.statusCode).toBe(200);
  });

  it('is read-only for supervisors and closed to technicians', async () => {
    t = await createTestApp();
    const sup = await t.login('supervisor@callsign.demo');
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/admin/sites', headers: bearer(sup.accessToken) })).statusCode,
    ).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/sites',
      headers: bearer(sup.accessToken),
      payload: site,
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toMatch(/directory\.write.*admin role/);
    const tech = await t.login('tech@callsign.demo');
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/admin/sites', headers: bearer(tech.accessToken) })).statusCode,
    ).toBe(403);
  });
});
