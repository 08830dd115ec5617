import { afterEach, describe, expect, it, vi } from 'vitest';
import { handlersBehindFakeServer, json, type Answer } from './fakeServerHarness.testkit.js';
import { MemoryClipboard } from './clipboard.testkit.js';

const noc = { id: 'u2', email: 'noc@callsign.demo', name: 'Nia Noc', role: 'noc' as const };
const SECRET = 'Kq7vT2mXp9Lw';
const meta = {
  id: 'cred-1',
  siteId: 'site-nw',
  name: 'Backup service',
  category: 'server',
  accountType: 'domain',
  domain: 'corp.northwind.test',
  username: 'svc-backup',
  description: '',
  remarks: '',
  kind: 'dynamic',
  resources: ['NW-FS01'],
  backOfficeAccess: true,
  driver: 'simulated-agent',
  lease: null,
  rotation: { state: 'ok', at: null },
};

/** The vault routes of the fake server, with what each check-out request carried. */
function vaultRoutes(expiresAt = () => new Date(Date.now() + 180_000).toISOString()) {
  const bodies: unknown[] = [];
  let leases = 0;
  const routes: Answer = ({ method, path, body }) => {
    if (method === 'GET' && path === '/v1/sites/site-nw/credentials') return json(200, [meta]);
    if (method === 'POST' && path === '/v1/credentials/cred-1/checkout') {
      bodies.push(body);
      leases++;
      return json(201, {
        leaseId: `lease-${leases}`,
        credentialId: 'cred-1',
        username: 'svc-backup',
        domain: 'corp.northwind.test',
        secret: SECRET,
        kind: 'dynamic',
        expiresAt: expiresAt(),
      });
    }
    if (method === 'POST' && /^\/v1\/leases\/lease-\d+\/events$/.test(path)) return json(204);
    if (method === 'POST' && /^\/v1\/leases\/lease-\d+\/checkin$/.test(path))
      return json(200, { leaseId: path.split('/')[3], credentialId: 'cred-1', rotation: 'pending' });
    if (method === 'POST' && path === '/v1/credentials/cred-1/force-checkin') return json(200, { ended: true });
    return undefined;
  };
  return { routes, bodies };
}

const checkout = {
  credentialId: 'cred-1',
  reason: 'Reboot the file server for the caller',
  ticket: 'T-1042',
  approvalId: 'appr-1',
  callerSiteId: 'site-nw',
};

async function signedIn(answer?: Answer, clipboard = new MemoryClipboard()) {
  const vault = vaultRoutes();
  const h = handlersBehindFakeServer(noc, vault.routes, answer, { clipboard });
  await h.client.invoke('session.login', { email: noc.email, password: 'pw' });
  return { ...h, ...vault, clipboard };
}

afterEach(() => vi.useRealTimers());

describe('credential IPC channels', () => {
  it('lists a site’s accounts fresh from the server', async () => {
    const { client, calls } = await signedIn();
    expect(await client.invoke('credentials.list', { siteId: 'site-nw' })).toEqual([meta]);
    expect(calls.at(-1)).toBe('GET /v1/sites/site-nw/credentials Bearer AT1');
  });

  it('checks out with reason, ticket, approval and caller site, and answers without the password', async () => {
    const { client, bodies, leases } = await signedIn();
    const view = await client.invoke('credentials.checkout', checkout);
    expect(view).toMatchObject({ leaseId: 'lease-1', username: 'svc-backup', kind: 'dynamic' });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(JSON.stringify(await client.invoke('credentials.leases', {}))).not.toContain(SECRET);
    expect(bodies).toEqual([
      { reason: checkout.reason, ticket: 'T-1042', approvalId: 'appr-1', callerSiteId: 'site-nw' },
    ]);
    expect(leases.secret('lease-1')).toBe(SECRET);
  });

  it('refuses a check-out without reason or ticket in main, naming the field, before any server call', async () => {
    const { client, calls } = await signedIn();
    const n = calls.length;
    await expect(client.invoke('credentials.checkout', { ...checkout, reason: '' })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'reason',
    });
    await expect(client.invoke('credentials.checkout', { ...checkout, ticket: 'no spaces!' })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'ticket',
    });
    expect(calls).toHaveLength(n);
  });

  it('says a check-out needs the server when it is unreachable', async () => {
    const { client } = await signedIn(({ path }) => {
      if (path.endsWith('/checkout')) throw new TypeError('fetch failed');
      return undefined;
    });
    await expect(client.invoke('credentials.checkout', checkout)).rejects.toMatchObject({
      code: 'server_unreachable',
      message: expect.stringMatching(/^Checking out needs the server/),
    });
  });

  it('passes 409 (held by someone) and 403 (technician) through with the server’s words', async () => {
    const { client } = await signedIn(({ path }) =>
      path.endsWith('/checkout')
        ? json(409, { error: { code: 'checked_out', message: 'Checked out by Nia Noc until 10:03.' } })
        : undefined,
    );
    await expect(client.invoke('credentials.checkout', checkout)).rejects.toMatchObject({
      code: 'checked_out',
      message: 'Checked out by Nia Noc until 10:03.',
    });
  });

  it('records reveal, copy and read-back on the server before the password leaves main', async () => {
    const { client, calls, clipboard } = await signedIn();
    await client.invoke('credentials.checkout', checkout);
    expect(await client.invoke('credentials.reveal', { leaseId: 'lease-1' })).toEqual({ secret: SECRET });
    expect(await client.invoke('credentials.copy', { leaseId: 'lease-1' })).toEqual({
      via: 'main',
      clearAfterSeconds: 30,
    });
    expect(clipboard.text).toBe(SECRET);
    const rb = await client.invoke('credentials.readBack', { leaseId: 'lease-1' });
    expect(rb.groups[0]).toEqual(['capital Kilo', 'lower quebec', 'seven', 'lower victor']);
    expect(rb.groups).toHaveLength(3);
    expect(calls.filter((c) => c.includes('/events'))).toEqual([
      'POST /v1/leases/lease-1/events Bearer AT1',
      'POST /v1/leases/lease-1/events Bearer AT1',
      'POST /v1/leases/lease-1/events Bearer AT1',
    ]);
  });

  it('keeps the password hidden when the server cannot record the reveal', async () => {
    const { client } = await signedIn(({ path }) => {
      if (path.endsWith('/events')) throw new TypeError('fetch failed');
      return undefined;
    });
    await client.invoke('credentials.checkout', checkout);
    const err = await client.invoke('credentials.reveal', { leaseId: 'lease-1' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'server_unreachable', message: expect.stringMatching(/stays hidden/) });
    expect(JSON.stringify(err)).not.toContain(SECRET);
  });

  it('in the web bridge (no OS clipboard) tells the renderer to copy it itself', async () => {
    const vault = vaultRoutes();
    const { client, settings } = handlersBehindFakeServer(noc, vault.routes);
    await client.invoke('session.login', { email: noc.email, password: 'pw' });
    settings.set({ clipboardClearSeconds: 45 });
    await client.invoke('credentials.checkout', checkout);
    expect(await client.invoke('credentials.copy', { leaseId: 'lease-1' })).toEqual({
      via: 'renderer',
      secret: SECRET,
      clearAfterSeconds: 45,
    });
  });

  it('check-in forgets the password and clears the clipboard, even when the server is unreachable', async () => {
    let down = false;
    const { client, leases, ended, clipboard } = await signedIn(({ path }) => {
      if (down && path.endsWith('/checkin')) throw new TypeError('fetch failed');
      return undefined;
    });
    await client.invoke('credentials.checkout', checkout);
    await client.invoke('credentials.copy', { leaseId: 'lease-1' });
    expect(await client.invoke('credentials.checkin', { leaseId: 'lease-1' })).toEqual({
      leaseId: 'lease-1',
      credentialId: 'cred-1',
      rotation: 'pending',
    });
    expect(leases.list()).toEqual([]);
    expect(clipboard.text).toBe('');
    expect(ended).toEqual([{ leaseId: 'lease-1', credentialId: 'cred-1', reason: 'checked_in' }]);
    await expect(client.invoke('credentials.reveal', { leaseId: 'lease-1' })).rejects.toMatchObject({
      code: 'lease_ended',
    });

    await client.invoke('credentials.checkout', checkout);
    down = true;
    await expect(client.invoke('credentials.checkin', { leaseId: 'lease-2' })).rejects.toMatchObject({
      code: 'server_unreachable',
      message: expect.stringMatching(/forgot the password/),
    });
    expect(leases.list()).toEqual([]);
  });

  it('sign-out wipes every lease and the clipboard', async () => {
    const { client, leases, clipboard, ended } = await signedIn();
    await client.invoke('credentials.checkout', checkout);
    await client.invoke('credentials.checkout', checkout);
    await client.invoke('credentials.copy', { leaseId: 'lease-2' });
    await client.invoke('session.logout', {});
    expect(leases.list()).toEqual([]);
    expect(clipboard.text).toBe('');
    expect(ended.map((e) => e.reason)).toEqual(['signed_out', 'signed_out']);
  });

  it('a supervisor’s forced check-in ends this device’s lease on that credential', async () => {
    const { client, calls, leases } = await signedIn();
    await client.invoke('credentials.checkout', checkout);
    expect(await client.invoke('credentials.forceCheckin', { credentialId: 'cred-1' })).toEqual({ ended: true });
    expect(calls.at(-1)).toBe('POST /v1/credentials/cred-1/force-checkin Bearer AT1');
    expect(leases.list()).toEqual([]);
  });

  it('the lease ends by itself at the end of the login window', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-01T10:00:00.000Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { client, ended } = await signedIn();
    await client.invoke('credentials.checkout', checkout);
    await vi.advanceTimersByTimeAsync(180_000);
    expect(ended).toEqual([{ leaseId: 'lease-1', credentialId: 'cred-1', reason: 'expired' }]);
    await expect(client.invoke('credentials.copy', { leaseId: 'lease-1' })).rejects.toMatchObject({
      code: 'lease_ended',
    });
  });
});
