/**
 * Issue 10 "A real directory", end to end: the vault's routes (Fastify inject) with the `ldap`
 * driver registered as `serve` registers it (vaultDrivers.ts), rotating a dynamic account in a real
 * OpenLDAP (a throwaway slapd: drivers/testing/slapdServer.testkit.ts). The scheduler's retry is
 * driven with the app's injectable clock, and a process "dying" mid-rotation is resolved by the
 * next one asking the directory which password works. Skipped with a notice without slapd.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ServerKey } from '../crypto/serverKey.js';
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
import { RotationError, type RotationDriver, type RotationTarget } from './RotationDriver.js';
import { CLAIM_MS } from './RotationService.js';
import { checkin, checkout, createAccount, SITE } from './testing/vaultTestkit.js';
import { vaultDrivers } from './vaultDrivers.js';
import { createVaultServices, type VaultDriverContext } from './vaultServices.js';

/** The registered ldap driver, able to "die" just before or just after the directory changes. */
class CuttableDriver implements RotationDriver {
  readonly name = 'ldap' as const;
  mode: 'up' | 'crash-before-set' | 'crash-after-set' = 'up';
  private readonly dead: Array<() => void> = [];
  constructor(private readonly inner: RotationDriver) {}
  async setPassword(target: RotationTarget, current: string, next: string): Promise<void> {
    if (this.mode === 'crash-before-set') await this.hang();
    await this.inner.setPassword(target, current, next);
    if (this.mode === 'crash-after-set') await this.hang();
  }
  verify(target: RotationTarget, secret: string): Promise<boolean> {
    return this.inner.verify(target, secret);
  }
  /** Lets the dead process's rotation finish late, with a failure (which must not undo anything). */
  release(): void {
    for (const fail of this.dead.splice(0)) fail();
  }
  private hang(): Promise<never> {
    return new Promise((_, reject) => this.dead.push(() => reject(new RotationError('the process died'))));
  }
}

const serveDrivers = (context: VaultDriverContext) => vaultDrivers(context, { demo: false, dataDir: '' });

const slapd = findSlapd();
if (!slapd) console.warn(SLAPD_SKIP_NOTICE);

describe.skipIf(!slapd)('vault rotation on a real OpenLDAP through the routes', () => {
  let server: SlapdServer;
  let t: TestApp;
  let admin: string;
  let noc: string;
  let clock = Date.now();
  let credentialId: string;
  let cuttable: CuttableDriver;
  const key = ServerKey.generate();
  const dn = () => server.userDn('nocadmin');

  beforeAll(async () => {
    server = await startSlapd();
    t = await createTestApp({
      now: () => clock,
      serverKey: key,
      vaultDrivers: (context) =>
        serveDrivers(context).map((d) => (d.name === 'ldap' ? (cuttable = new CuttableDriver(d)) : d)),
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

  it.each(['crash-before-set', 'crash-after-set'] as const)(
    'a rotation cut off by a crash (%s) is resolved by the next process with the password the directory has',
    async (mode) => {
      const held = await checkOut();
      cuttable.mode = mode;
      onTestFinished(() => {
        cuttable.mode = 'up';
        cuttable.release();
      });
      expect((await checkin(t, noc, held.leaseId)).statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 200)); // the rotation runs and "the process dies" in it
      expect((await rotationOf()).state).toBe('pending');
      expect(await server.bindWorks(dn(), held.secret)).toBe(mode === 'crash-before-set');

      // The next process: same database, its own ldap driver; it waits out the dead one's claim.
      const restarted = createVaultServices(
        {
          db: t.db,
          now: () => clock,
          audit: t.services.audit,
          directory: t.services.directory,
          approvalRecords: t.services.approvals.records,
        },
        { serverKey: key, vaultDrivers: serveDrivers },
      );
      clock += CLAIM_MS + 1;
      expect(await restarted.scheduler.sweep()).toMatchObject({ rotated: 1, failed: 0 });
      cuttable.release(); // the dead process's late failure must not undo the commit
      await t.services.vault.rotations.settle();
      expect((await rotationOf()).state).toBe('ok');

      const next = await checkOut();
      expect(next.secret).not.toBe(held.secret);
      expect(await server.bindWorks(dn(), next.secret)).toBe(true);
      expect(await server.bindWorks(dn(), held.secret)).toBe(false);
      cuttable.mode = 'up';
      expect((await checkin(t, noc, next.leaseId)).statusCode).toBe(200);
      await t.services.vault.rotations.settle();
      expect(await server.bindWorks(dn(), next.secret)).toBe(false);
    },
  );

  it('writes no secret to the log and the audit', async () => {
    const audit = await t.all<{ data: string }>("select data from audit_log where type like 'credential.%'");
    expect(audit.length).toBeGreaterThan(0);
    const everything = t.logs.join('\n') + JSON.stringify(audit);
    for (const s of [ROTATOR_PASSWORD, INITIAL_PASSWORDS.nocadmin]) expect(everything).not.toContain(s);
  });
});
