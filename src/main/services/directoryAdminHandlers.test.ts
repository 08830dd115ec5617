import { describe, expect, it } from 'vitest';
import { handlersBehindFakeServer, json, type Answer } from './fakeServerHarness.testkit.js';
import { makeOneTimePassword } from './directoryAdminHandlers.js';

const admin = { id: 'u0', email: 'admin@callsign.demo', name: 'Ada Admin', role: 'admin' as const };
const site = { id: 's1', name: 'Acme HQ', companyName: 'Acme', country: 'US' };
const bodies: unknown[] = [];

const routes: Answer = ({ method, path, body }) => {
  if (body !== undefined && path.startsWith('/v1/admin')) bodies.push(body);
  if (path === '/v1/admin/users' && method === 'POST')
    return json(201, { id: 'u9', ...(body as object), password: undefined });
  if (path.startsWith('/v1/admin/users/') && method === 'PATCH')
    return json(200, { id: 'u9', email: 'n@x.io', name: 'N', role: (body as { role?: string }).role ?? 'technician' });
  if (path === '/v1/admin/sites' && method === 'GET') return json(200, { items: [site], next: null });
  if (path === '/v1/admin/sites' && method === 'POST') return json(201, { seq: 7, record: body });
  if (path === '/v1/admin/sites/s1' && method === 'PUT') return json(200, { seq: 8, record: body });
  return undefined;
};

async function signedIn() {
  bodies.length = 0;
  const h = handlersBehindFakeServer(admin, routes);
  await h.client.invoke('session.login', { email: admin.email, password: 'pw' });
  return h;
}

describe('directory and account administration IPC channels', () => {
  it('invites with a one-time password made in main, sent once and returned once', async () => {
    const { client, calls } = await signedIn();
    const invited = await client.invoke('admin.invite', { email: 'n@x.io', name: 'N', role: 'technician' });
    expect(invited.user).toMatchObject({ id: 'u9', email: 'n@x.io', role: 'technician' });
    expect(invited.oneTimePassword).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(bodies).toEqual([{ email: 'n@x.io', name: 'N', role: 'technician', password: invited.oneTimePassword }]);
    expect(calls).toContain('POST /v1/admin/users Bearer AT1');
    const reset = await client.invoke('admin.resetPassword', { userId: 'u9' });
    expect(reset.oneTimePassword).not.toBe(invited.oneTimePassword);
    expect(bodies[1]).toEqual({ password: reset.oneTimePassword });
    expect(calls).toContain('PATCH /v1/admin/users/u9 Bearer AT1');
  });

  it('one-time passwords do not repeat and avoid look-alike characters', () => {
    const seen = new Set(Array.from({ length: 500 }, makeOneTimePassword));
    expect(seen.size).toBe(500);
    for (const p of seen) expect(p).not.toMatch(/[01OlI]/);
  });

  it('lists, creates with POST and saves with PUT to the record’s own id, parsing each record', async () => {
    const { client, calls } = await signedIn();
    expect((await client.invoke('admin.directoryList', { collection: 'sites', limit: 50 })).items).toEqual([
      { ...site, mainPhones: [], noClientEmailDomain: false, rmmAgentOptIn: false },
    ]);
    expect((await client.invoke('admin.directorySave', { collection: 'sites', create: true, record: site })).seq).toBe(
      7,
    );
    expect((await client.invoke('admin.directorySave', { collection: 'sites', create: false, record: site })).seq).toBe(
      8,
    );
    expect(calls.slice(1)).toEqual([
      'GET /v1/admin/sites?limit=50 Bearer AT1',
      'POST /v1/admin/sites Bearer AT1',
      'PUT /v1/admin/sites/s1 Bearer AT1',
    ]);
  });

  it('refuses an invalid record in main, naming the field, before any server call', async () => {
    const { client, calls } = await signedIn();
    await expect(
      client.invoke('admin.directorySave', {
        collection: 'sites',
        create: true,
        record: { ...site, emailDomain: 'not a domain' },
      }),
    ).rejects.toMatchObject({ code: 'bad_request', field: expect.stringContaining('emailDomain') });
    expect(calls).toEqual(['POST /v1/auth/login']);
  });
});
