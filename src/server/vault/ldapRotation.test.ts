/**
 * Issue 10 "A real directory", end to end: the vault's routes (Fastify inject) with the `ldap`
 * driver registered as `serve` registers it (vaultDrivers.ts), rotating a dynamic account in a real
 * OpenLDAP (a throwaway slapd: drivers/testing/slapdServer.testkit.ts). The scheduler's retry is
 * driven with the app's injectable clock. Skipped with a notice when this machine has no slapd.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import {
  findSlapd,
  INITIAL_PASSWORDS,
  PEOPLE_DN,
  ROTATOR_DN,
  ROTATOR_PASSWORD,
  SLAPD_SKIP_NOTICE,
  startSlapd,
  type SlapdServer,
} from './drivers/testing/slapdServer.testkit.js';
import { checkin, checkout, createAccount, SITE } from './testing/vaultTestkit.js';
import { vaultDrivers } from './vaultDrivers.js';

const slapd = findSlapd();
if (!slapd) console.warn(SLAPD_SKIP_NOTICE);

describe.skipIf(!slapd)('vault rotation on a real OpenLDAP through the routes', () => {
  let server: SlapdServer;
  let t: TestApp;
  let admin: string;
  let noc: string;
  let clock = Date.now();
  let credentialId: string;
  const dn = () => server.userDn('nocadmin');

  beforeAll(async () => {
    server = await startSlapd();
    t = await createTestApp({
      now: () => clock,
      vaultDrivers: (context) => vaultDrivers(context, { demo: false, dataDir: '' }),
      vaultCheckoutLimit: { max: 10_000, windowMs: 3_600_000 },
    });
    admin = (await t.login('admin@callsign.demo')).accessToken;
    noc = (await t.login('noc@callsign.demo')).accessToken;
    const directory = await t.app.inject({
      method: 'PUT',
      url: `/v1/admin/sites/${SITE}/vault-directory`,
      headers: bearer(admin),
      payload: {
        url: server.url.replace(/\/$/, ''),
        flavor: 'openldap',
        bindDn: ROTATOR_DN,
        baseDn: PEOPLE_DN,
        userAttribute: 'uid',
        bindPassword: ROTATOR_PASSWORD,
      },
    });
    expect(directory.statusCode, directory.body).toBe(200);
    expect(directory.body).not.toContain(ROTATOR_PASSWORD);
    ({ id: credentialId } = await createAccount(t, admin, {
      name: 'NOC admin (directory)',
      username: 'nocadmin',
      driver: 'ldap',
      secret: INITIAL_PASSWORDS.nocadmin,
    }));
  });
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  const rotationOf = async (): Promise<{ state: string; reason?: string }> => {
    const res = await t.app.inject({ method: 'GET', url: `/v1/sites/${SITE}/credentials`, headers: bearer(noc) });
    return res.json().find((c: { id: string }) => c.id === credentialId).rotation;
  };
  const checkOut = async (): Promise<{ leaseId: string; secret: string }> => {
    const res = await checkout(t, noc, credentialId);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('check-out hands out the password the directory has; check-in rotates it in the directory', async () => {
    const first = await checkOut();
    expect(first.secret).toBe(INITIAL_PASSWORDS.nocadmin);
    expect(await server.bindWorks(dn(), first.secret)).toBe(true);

    expect((await checkin(t, noc, first.leaseId)).statusCode).toBe(200);
    await t.services.vault.rotations.settle();
    expect(await rotationOf()).toMatchObject({ state: 'ok' });
    expect(await server.bindWorks(dn(), first.secret)).toBe(false);

    const second = await checkOut();
    expect(second.secret).not.toBe(first.secret);
    expect(second.secret).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(await server.bindWorks(dn(), second.secret)).toBe(true);
    expect((await checkin(t, noc, second.leaseId)).statusCode).toBe(200);
    await t.services.vault.rotations.settle();
    expect(await server.bindWorks(dn(), second.secret)).toBe(false);
  });

  it('slapd down during the rotation: "rotation failed", the old password still binds, the retry completes', async () => {
    const held = await checkOut();
    expect(await server.bindWorks(dn(), held.secret)).toBe(true);

    await server.stop();
    try {
      expect((await checkin(t, noc, held.leaseId)).statusCode).toBe(200);
      await t.services.vault.rotations.settle();
      const failed = await rotationOf();
      expect(failed.state).toBe('failed');
      expect(failed.reason).toContain(`the directory at ${server.url.replace(/\/$/, '')} refused the connection`);
      expect(failed.reason).toContain('the old password stays in use');
      const refused = await checkout(t, noc, credentialId);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('rotation_failed');
    } finally {
      await server.start();
    }
    // The directory is back and still has the old password; nothing retries before the backoff.
    expect(await server.bindWorks(dn(), held.secret)).toBe(true);
    expect(await t.services.vault.scheduler.sweep()).toMatchObject({ rotated: 0 });
    expect((await rotationOf()).state).toBe('failed');

    clock += 31_000; // past the first retry's backoff (30 s)
    expect(await t.services.vault.scheduler.sweep()).toMatchObject({ rotated: 1, failed: 0 });
    expect(await rotationOf()).toMatchObject({ state: 'ok' });
    expect(await server.bindWorks(dn(), held.secret)).toBe(false);
    const next = await checkOut();
    expect(next.secret).not.toBe(held.secret);
    expect(await server.bindWorks(dn(), next.secret)).toBe(true);
    expect((await checkin(t, noc, next.leaseId)).statusCode).toBe(200);
    await t.services.vault.rotations.settle();
  });

  it('writes no secret to the log and the audit', async () => {
    const audit = await t.all<{ data: string }>("select data from audit_log where type like 'credential.%'");
    expect(audit.length).toBeGreaterThan(0);
    const everything = t.logs.join('\n') + JSON.stringify(audit);
    for (const s of [ROTATOR_PASSWORD, INITIAL_PASSWORDS.nocadmin]) expect(everything).not.toContain(s);
  });
});
