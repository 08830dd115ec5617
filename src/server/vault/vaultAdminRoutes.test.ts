import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { account, checkout, createAccount, SITE } from './testing/vaultTestkit.js';

let t: TestApp;
let admin: string;
let supervisor: string;
let noc: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.login('admin@callsign.demo')).accessToken;
  supervisor = (await t.login('supervisor@callsign.demo')).accessToken;
  noc = (await t.login('noc@callsign.demo')).accessToken;
});
afterAll(() => t.close());

const post = (payload: Record<string, unknown>, token = admin) =>
  t.app.inject({ method: 'POST', url: '/v1/admin/credentials', headers: bearer(token), payload });

describe('vault account administration: the seed rules as errors naming the field', () => {
  it.each([
    'Administrator',
    'ADMINISTRATOR',
    'besadmin',
    'Root',
    'BackupAgent',
    'NORTHWIND\\administrator',
    'root@corp.northwindtraders.com',
    'CORP\\BesAdmin',
  ])('refuses the dynamic username %s (400 username); a static account may use it', async (username) => {
    const res = await post(account({ username }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.field).toBe('username');
    expect(res.json().error.message).toMatch(/dynamic/);
    const asStatic = await post(
      account({ username, kind: 'static', driver: 'none', resources: [`R-${crypto.randomUUID()}`] }),
    );
    expect(asStatic.statusCode, asStatic.body).toBe(201);
  });

  it('needs an FQDN for a dynamic domain account (400 domain)', async () => {
    for (const domain of [undefined, 'NORTHWIND', 'corp', '10.0.0.1']) {
      const res = await post(account({ username: 'svc-fqdn', domain }));
      expect(res.statusCode, String(domain)).toBe(400);
      expect(res.json().error.field).toBe('domain');
    }
    expect((await post(account({ username: 'svc-fqdn', domain: 'corp.example.com' }))).statusCode).toBe(201);
    // A local dynamic account needs no domain.
    const local = await post(account({ username: 'svc-local', accountType: 'local', domain: undefined }));
    expect(local.statusCode, local.body).toBe(201);
  });

  it('refuses a second domain entry for the same username and resource (409 username), in any spelling', async () => {
    expect((await post(account({ username: 'svc-dup', resources: ['NW-FS01'] }))).statusCode).toBe(201);
    for (const username of ['svc-dup', 'SVC-DUP', 'NORTHWIND\\svc-dup', 'svc-dup@corp.northwindtraders.com']) {
      const res = await post(account({ username, resources: ['nw-fs01', 'NW-RDS01'] }));
      expect(res.statusCode, username).toBe(409);
      expect(res.json().error.field).toBe('username');
    }
    expect((await post(account({ username: 'svc-dup', resources: ['NW-RDS01'] }))).statusCode).toBe(201);
    const local = await post(account({ username: 'svc-dup', accountType: 'local', resources: ['NW-FS01'] }));
    expect(local.statusCode).toBe(201);
  });

  it('needs an existing site (404 siteId), a driver for dynamic accounts (400 driver) and a secret (400 secret)', async () => {
    const noSite = await post(account({ siteId: 'site-nowhere', username: 'svc-x' }));
    expect([noSite.statusCode, noSite.json().error.field]).toEqual([404, 'siteId']);
    const noDriver = await post(account({ username: 'svc-y', driver: 'none' }));
    expect([noDriver.statusCode, noDriver.json().error.field]).toEqual([400, 'driver']);
    const unknownDriver = await post(account({ username: 'svc-y', driver: 'ldap' }));
    expect([unknownDriver.statusCode, unknownDriver.json().error.field]).toEqual([400, 'driver']);
    const noSecret = await post(account({ username: 'svc-z', secret: undefined }));
    expect([noSecret.statusCode, noSecret.json().error.field]).toEqual([400, 'secret']);
  });

  it('keeps the secret write-only: never in a response; a new one reaches the next check-out', async () => {
    const created = await post(account({ username: 'svc-wo', secret: 'Write-Only-77' }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const list = await t.app.inject({
      method: 'GET',
      url: `/v1/admin/credentials?siteId=${SITE}`,
      headers: bearer(supervisor),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().some((c: { id: string }) => c.id === id)).toBe(true);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/credentials/${id}`,
      headers: bearer(admin),
      payload: { secret: 'Changed-By-Admin-8', description: 'now documented' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().description).toBe('now documented');
    for (const body of [created.body, list.body, patched.body]) {
      expect(body).not.toContain('Write-Only-77');
      expect(body).not.toContain('Changed-By-Admin-8');
      expect(body).not.toContain('"secret"');
    }
    expect((await checkout(t, noc, id)).json().secret).toBe('Changed-By-Admin-8');
    const badPatch = await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/credentials/${id}`,
      headers: bearer(admin),
      payload: { username: 'root' },
    });
    expect([badPatch.statusCode, badPatch.json().error.field]).toEqual([400, 'username']);
  });

  it('lists back-office accounts only to the NOC; deletes leave a sync tombstone', async () => {
    const { id: hidden } = await createAccount(t, admin, { username: 'svc-front', backOfficeAccess: false });
    const nocList = await t.app.inject({ method: 'GET', url: `/v1/sites/${SITE}/credentials`, headers: bearer(noc) });
    expect(nocList.json().some((c: { id: string }) => c.id === hidden)).toBe(false);
    expect((await checkout(t, noc, hidden)).statusCode).toBe(404);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/v1/admin/credentials/${hidden}`,
      headers: bearer(admin),
    });
    expect(del.statusCode).toBe(204);
    const sync = await t.app.inject({ method: 'GET', url: '/v1/sync?since=0', headers: bearer(noc) });
    expect(sync.json().changes).toContainEqual(
      expect.objectContaining({ kind: 'credential', id: hidden, op: 'delete' }),
    );
    const types = (await t.services.audit.list({ limit: 1000 })).filter((e) => e.subject === hidden).map((e) => e.type);
    expect(types).toEqual(['credential.created', 'credential.deleted']);
  });

  it('syncs only back-office accounts to the desktops; turning access off takes an account off them', async () => {
    const nocSync = async () => {
      const res = await t.app.inject({ method: 'GET', url: '/v1/sync?since=0', headers: bearer(noc) });
      return res.json<{ changes: Array<{ kind: string; id: string; op: string }> }>().changes;
    };
    const { id: front } = await createAccount(t, admin, { username: 'svc-desk', backOfficeAccess: false });
    const { id: shared } = await createAccount(t, admin, { username: 'svc-shared' });
    let changes = await nocSync();
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'credential', id: front, op: 'delete' }));
    expect(JSON.stringify(changes)).not.toContain('svc-desk');
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'credential', id: shared, op: 'upsert' }));

    const off = await t.app.inject({
      method: 'PATCH',
      url: `/v1/admin/credentials/${shared}`,
      headers: bearer(admin),
      payload: { backOfficeAccess: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    changes = await nocSync();
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'credential', id: shared, op: 'delete' }));
    expect(JSON.stringify(changes)).not.toContain('svc-shared');
    // The administrator still sees and manages both.
    const all = await t.app.inject({
      method: 'GET',
      url: `/v1/admin/credentials?siteId=${SITE}`,
      headers: bearer(admin),
    });
    expect(all.json().map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([front, shared]));
  });

  it("stores a site's LDAP directory with its bind password sealed, and returns it opened only to the driver", async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/v1/admin/sites/${SITE}/vault-directory`,
      headers: bearer(admin),
      payload: {
        url: 'ldaps://dc01.corp.northwindtraders.com:636',
        flavor: 'active_directory',
        bindDn: 'CN=svc-callsign,OU=Service,DC=corp,DC=northwindtraders,DC=com',
        baseDn: 'DC=corp,DC=northwindtraders,DC=com',
        userAttribute: 'sAMAccountName',
        bindPassword: 'Bind-Password-42',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain('Bind-Password-42');
    const row = await t.get<{ bind_secret: string }>(
      'select bind_secret from vault_directories where site_id = ?',
      SITE,
    );
    expect(row!.bind_secret).toMatch(/^v1\./);
    expect(row!.bind_secret).not.toContain('Bind-Password-42');
    expect((await t.services.vault.directories.get(SITE))?.bindPassword).toBe('Bind-Password-42');
    const plain = await t.app.inject({
      method: 'PUT',
      url: `/v1/admin/sites/${SITE}/vault-directory`,
      headers: bearer(admin),
      payload: {
        url: 'ldap://dc01:389',
        flavor: 'active_directory',
        bindDn: 'CN=x',
        baseDn: 'DC=x',
        bindPassword: 'p',
      },
    });
    expect([plain.statusCode, plain.json().error.field]).toEqual([400, 'url']);
  });

  it('sets the login window (1–15 minutes) and ticket format, which the next check-out uses', async () => {
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/v1/admin/vault/settings',
      headers: bearer(admin),
      payload: { loginWindowMinutes: 16, ticketPattern: null },
    });
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'loginWindowMinutes']);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/v1/admin/vault/settings',
      headers: bearer(admin),
      payload: { loginWindowMinutes: 10, ticketPattern: '^CHG[0-9]{4}$' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const { id } = await createAccount(t, admin, { username: 'svc-window' });
    const refused = await checkout(t, noc, id, { ticket: 'INC-1234' });
    expect([refused.statusCode, refused.json().error.field]).toEqual([400, 'ticket']);
    const granted = await checkout(t, noc, id, { ticket: 'CHG0042' });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(Date.parse(granted.json().expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    await t.services.vault.settings.set({ loginWindowMinutes: 3, ticketPattern: null });
  });
});
