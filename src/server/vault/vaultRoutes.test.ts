import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalRecord } from '../../shared/api/index.js';
import { GENESIS_HASH, linkRecord } from '../../shared/chain/hashChain.js';
import { unlinkedRecord } from '../approvals/testRecords.testkit.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { FakeTargetDriver, OTHER_SITE, checkin, checkout, createAccount, SITE } from './testing/vaultTestkit.js';

let t: TestApp;
const driver = new FakeTargetDriver();
let admin: string;
let noc: string;
let noc2: string;
let tech: string;
let supervisor: string;

beforeAll(async () => {
  t = await createTestApp({ vaultDrivers: () => [driver], vaultCheckoutLimit: { max: 10_000, windowMs: 3_600_000 } });
  admin = (await t.login('admin@callsign.demo')).accessToken;
  noc = (await t.login('noc@callsign.demo')).accessToken;
  noc2 = (await t.login('noc@callsign.demo')).accessToken;
  tech = (await t.login('tech@callsign.demo')).accessToken;
  supervisor = (await t.login('supervisor@callsign.demo')).accessToken;
});
afterAll(() => t.close());

async function approval(overrides: Partial<ApprovalRecord>): Promise<string> {
  const record = ApprovalRecord.parse(await linkRecord(unlinkedRecord(crypto.randomUUID(), overrides), GENESIS_HASH));
  await t.services.approvals.records.store(record, { id: 'tech-1' });
  return record.id;
}

describe('vault check-out and check-in', () => {
  it('checks out a dynamic account once: 201 with the secret, and the lease shows in the list and the sync', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-one', secret: 'First-Secret-1' });
    const res = await checkout(t, noc, id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const granted = res.json();
    expect(granted).toMatchObject({ credentialId: id, username: 'svc-one', secret: 'First-Secret-1', kind: 'dynamic' });
    expect(Date.parse(granted.expiresAt) - Date.now()).toBeGreaterThan(2.5 * 60_000);

    const list = await t.app.inject({ method: 'GET', url: `/v1/sites/${SITE}/credentials`, headers: bearer(noc) });
    const meta = list.json().find((c: { id: string }) => c.id === id);
    expect(meta.lease).toMatchObject({ heldBy: 'Nico Noc', until: granted.expiresAt });
    expect(JSON.stringify(list.json())).not.toContain('First-Secret-1');

    const sync = await t.app.inject({ method: 'GET', url: '/v1/sync?since=0', headers: bearer(noc) });
    const change = sync
      .json()
      .changes.find((c: { kind: string; id: string }) => c.kind === 'credential' && c.id === id);
    expect(change.data.lease.heldBy).toBe('Nico Noc');
    expect(sync.body).not.toContain('First-Secret-1');

    const second = await checkout(t, noc2, id);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('checked_out');
    expect(second.json().error.message).toContain('Nico Noc');
    expect(second.json().error.message).toContain(granted.expiresAt);
  });

  it("syncs credential metadata only to roles that may check out: a technician's pages skip it and still reach the head", async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-scope' });
    const walk = async (token: string, limit: number) => {
      const ids: string[] = [];
      let since = 0;
      for (let more = true; more;) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/v1/sync?since=${since}&limit=${limit}`,
          headers: bearer(token),
        });
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json<{ seq: number; more: boolean; changes: Array<{ kind: string; id: string }> }>();
        // The cursor header describes the page the role was sent.
        expect(JSON.parse(String(res.headers['callsign-sync-cursor']))).toMatchObject({
          seq: page.seq,
          count: page.changes.length,
        });
        ids.push(...page.changes.filter((c) => c.kind === 'credential').map((c) => c.id));
        more = page.more && page.seq > since;
        since = page.seq;
      }
      return { ids, since };
    };
    for (const limit of [5000, 3]) {
      const asTech = await walk(tech, limit);
      const asNoc = await walk(noc, limit);
      expect(asTech.ids).toEqual([]);
      expect(asNoc.ids).toContain(id);
      expect((await walk(supervisor, limit)).ids).toContain(id);
      expect(asTech.since).toBe(asNoc.since); // the same head: nothing is skipped for other kinds
    }
    // Not from the page cache either (same page, built for the NOC first).
    const again = await t.app.inject({ method: 'GET', url: '/v1/sync?since=0', headers: bearer(tech) });
    expect(again.body).not.toContain('svc-scope');
  });

  it('gives exactly one 201 to many concurrent check-outs of one dynamic account', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-race' });
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => checkout(t, i % 2 ? noc : noc2, id)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(24);
    const leases = await t.all('select id from vault_leases where credential_id = ?', id);
    expect(leases).toHaveLength(1);
  });

  it('rotates on check-in: the old secret is gone, the new one works on the target and is what the next check-out gets', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-rotate', secret: 'Old-Secret-9' });
    const first = (await checkout(t, noc, id)).json();
    const res = await checkin(t, noc, first.leaseId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ credentialId: id, rotation: 'pending' });
    await t.services.vault.rotations.settle();
    const next = (await checkout(t, noc, id)).json();
    expect(next.secret).not.toBe('Old-Secret-9');
    expect(next.secret).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(driver.passwords.get(id)).toBe(next.secret);
    await checkin(t, noc, next.leaseId);
    await t.services.vault.rotations.settle();
  });

  it('refuses the check-out while a rotation is pending (409 rotation_pending) and after one failed (409 rotation_failed)', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-fail' });
    const lease = (await checkout(t, noc, id)).json();
    driver.mode = 'down';
    try {
      await t.services.vault.leases.end(lease.leaseId, 'checked_in', 'test'); // leaves it due…
      const during = await checkout(t, noc, id);
      expect([409]).toContain(during.statusCode);
      expect(['rotation_pending', 'rotation_failed']).toContain(during.json().error.code);
      await t.services.vault.rotations.settle();
      const failed = await checkout(t, noc, id);
      expect(failed.statusCode).toBe(409);
      expect(failed.json().error.code).toBe('rotation_failed');
      expect(failed.json().error.message).toContain('cannot reach the agent');
    } finally {
      driver.mode = 'up';
    }
  });

  it('lets a supervisor force a check-in (technicians and NOC get 403), which rotates', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-force' });
    await checkout(t, noc, id);
    const byNoc = await t.app.inject({
      method: 'POST',
      url: `/v1/credentials/${id}/force-checkin`,
      headers: bearer(noc),
    });
    expect(byNoc.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/credentials/${id}/force-checkin`,
      headers: bearer(supervisor),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ended: 1 });
    await t.services.vault.rotations.settle();
    const again = await checkout(t, noc2, id);
    expect(again.statusCode).toBe(201);
    const events = await t.services.audit.list({ type: 'credential.force_checked_in' });
    expect(events.some((e) => e.subject === id)).toBe(true);
  });

  it("refuses someone else's check-in and lease events (403), accepts the holder's events", async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-events' });
    const lease = (await checkout(t, noc, id)).json();
    const stranger = await t.login('tech@callsign.demo');
    expect((await checkin(t, supervisor, 'no-such-lease')).statusCode).toBe(404);
    const other = await t.services.users.findByEmail('supervisor@callsign.demo');
    expect(other).toBeTruthy();
    for (const event of ['reveal', 'copy', 'read_back']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/v1/leases/${lease.leaseId}/events`,
        headers: bearer(noc),
        payload: { event },
      });
      expect(res.statusCode, res.body).toBe(204);
    }
    const techEvent = await t.app.inject({
      method: 'POST',
      url: `/v1/leases/${lease.leaseId}/events`,
      headers: bearer(stranger.accessToken),
      payload: { event: 'reveal' },
    });
    expect(techEvent.statusCode).toBe(403);
    const types = (await t.services.audit.list({ limit: 1000 })).filter((e) => e.subject === id).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'credential.checked_out',
        'credential.revealed',
        'credential.copied',
        'credential.read_back',
      ]),
    );
  });

  it('lets many check out a static account at once, each audited', async () => {
    const { id } = await createAccount(t, admin, { username: 'shared-ro', kind: 'static', driver: 'none' });
    const results = await Promise.all([checkout(t, noc, id), checkout(t, noc2, id), checkout(t, supervisor, id)]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const events = (await t.services.audit.list({ type: 'credential.checked_out', limit: 1000 })).filter(
      (e) => e.subject === id,
    );
    expect(events).toHaveLength(3);
  });

  it('403 for technicians; 400 naming reason or ticket', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-validate' });
    expect((await checkout(t, tech, id)).statusCode).toBe(403);
    const noReason = await checkout(t, noc, id, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const badTicket = await checkout(t, noc, id, { ticket: 'no spaces allowed' });
    expect(badTicket.statusCode).toBe(400);
    expect(badTicket.json().error.field).toBe('ticket');
    const noTicket = await t.app.inject({
      method: 'POST',
      url: `/v1/credentials/${id}/checkout`,
      headers: bearer(noc),
      payload: { reason: 'Patch window' },
    });
    expect(noTicket.json().error.field).toBe('ticket');
  });

  it('links only an approval to proceed of the same site; flags and needs confirmation for another site', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-approval' });
    const ok = await approval({});
    const denied = await approval({ finalState: 'denied' });
    const elsewhere = await approval({ siteId: OTHER_SITE });
    for (const approvalId of [denied, elsewhere, 'no-such-approval']) {
      const res = await checkout(t, noc, id, { approvalId });
      expect(res.statusCode, approvalId).toBe(400);
      expect(res.json().error.field).toBe('approvalId');
    }
    const unconfirmed = await checkout(t, noc, id, { approvalId: ok, callerSiteId: OTHER_SITE });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.field).toBe('callerSiteId');
    const res = await checkout(t, noc, id, { approvalId: ok, callerSiteId: OTHER_SITE, wrongSiteConfirmed: true });
    expect(res.statusCode, res.body).toBe(201);
    const [event] = (await t.services.audit.list({ type: 'credential.checked_out', limit: 1000 })).filter(
      (e) => e.subject === id,
    );
    expect(event!.data).toMatchObject({
      approvalId: ok,
      wrongSite: true,
      callerSiteId: OTHER_SITE,
      ticket: 'INC-1234',
    });
  });

  it('never puts a secret in the audit trail or the log', async () => {
    const secrets = ['Initial-Secret-1', 'First-Secret-1', 'Old-Secret-9', ...driver.passwords.values()];
    const audit = JSON.stringify(await t.services.audit.list({ limit: 10_000 }));
    const logs = t.logs.join('\n');
    for (const s of secrets) {
      expect(audit).not.toContain(s);
      expect(logs).not.toContain(s);
    }
  });
});

describe('vault without a key', () => {
  it('answers 503 unavailable saying how to set a key, on every vault route', async () => {
    const bare = await createTestApp({ serverKey: null });
    try {
      const token = (await bare.login('admin@callsign.demo')).accessToken;
      const routes = bare.app.routePermissions.filter((r) => /credentials|leases|vault/.test(r.url));
      expect(routes.length).toBeGreaterThanOrEqual(9);
      for (const r of routes) {
        const res = await bare.app.inject({
          method: r.method as 'GET',
          url: r.url.replace(/:(\w+)/g, 'x'),
          headers: bearer(token),
          ...(r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT'
            ? { payload: r.url.endsWith('/checkout') ? { reason: 'Patch window', ticket: 'INC-1' } : {} }
            : {}),
        });
        if (res.statusCode === 400) continue; // body validation first; the checkout is covered below
        expect(res.statusCode, `${r.method} ${r.url} ${res.body}`).toBe(503);
        expect(res.json().error.code).toBe('unavailable');
        expect(res.json().error.message).toContain('CALLSIGN_VAULT_KEY_FILE');
      }
      const co = await bare.app.inject({
        method: 'POST',
        url: '/v1/credentials/x/checkout',
        headers: bearer(token),
        payload: { reason: 'Patch window', ticket: 'INC-1' },
      });
      expect(co.statusCode).toBe(503);
    } finally {
      await bare.close();
    }
  });
});

describe('vault check-out rate limit', () => {
  it('allows 30 check-outs an hour per user by default, then 429 with Retry-After and what to do', async () => {
    const limited = await createTestApp();
    try {
      const adminToken = (await limited.login('admin@callsign.demo')).accessToken;
      const nocToken = (await limited.login('noc@callsign.demo')).accessToken;
      const superToken = (await limited.login('supervisor@callsign.demo')).accessToken;
      const { id } = await createAccount(limited, adminToken, { username: 'shared', kind: 'static', driver: 'none' });
      for (let i = 0; i < 30; i++) expect((await checkout(limited, nocToken, id)).statusCode).toBe(201);
      const refused = await checkout(limited, nocToken, id);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('rate_limited');
      expect(refused.json().error.message).toMatch(/30 passwords in the last hour/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
      expect((await checkout(limited, superToken, id)).statusCode).toBe(201); // per user
    } finally {
      await limited.close();
    }
  });
});
