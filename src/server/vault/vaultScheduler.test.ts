/**
 * The vault's clock-driven work with a fake clock: leases ending by themselves, rotation after the
 * window, after 7 days unused, after a revoked device; failures retried with backoff; and a crash
 * between the pending write and the commit resolved by the next process at start.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { ServerKey } from '../crypto/serverKey.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { CLAIM_MS, UNUSED_ROTATION_MS } from './RotationService.js';
import { FakeTargetDriver, checkin, checkout, createAccount } from './testing/vaultTestkit.js';
import { credentialAad, VaultCipher } from './vaultCipher.js';
import { createVaultServices } from './vaultServices.js';

let clock = Date.parse('2026-11-30T09:00:00Z');
const now = () => clock;
const key = ServerKey.generate();
const cipher = new VaultCipher(key);
const driver = new FakeTargetDriver();
let t: TestApp;
let admin: string;
let noc: { accessToken: string; deviceId: string };

beforeAll(async () => {
  t = await createTestApp({
    now,
    serverKey: key,
    vaultDrivers: () => [driver],
    vaultCheckoutLimit: { max: 10_000, windowMs: 3_600_000 },
  });
});
beforeEach(async () => {
  driver.mode = 'up';
  admin = (await t.login('admin@callsign.demo')).accessToken;
  noc = await t.login('noc@callsign.demo');
});
afterAll(() => t.close());

async function storedSecret(id: string): Promise<string> {
  const row = await t.get<{ secret: string; version: number }>(
    'select secret, version from vault_credentials where id = ?',
    id,
  );
  return cipher.open(row!.secret, credentialAad(id, Number(row!.version)));
}

const state = async (id: string) =>
  (await t.get<{ rotation_state: string }>('select rotation_state from vault_credentials where id = ?', id))!
    .rotation_state;

describe('vault scheduler (fake clock)', () => {
  it('ends a lease when its login window is over and rotates the password, without any request', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-expire', secret: 'Before-Expiry-1' }, driver);
    const lease = (await checkout(t, noc.accessToken, id)).json();
    clock += 2 * 60_000;
    expect(await t.services.vault.scheduler.sweep()).toMatchObject({ expired: 0, rotated: 0 });
    clock += 60_000 + 1;
    expect(await t.services.vault.scheduler.sweep()).toMatchObject({ expired: 1 });
    await t.services.vault.rotations.settle();
    const lr = await t.get<{ end_reason: string }>('select end_reason from vault_leases where id = ?', lease.leaseId);
    expect(lr!.end_reason).toBe('expired');
    expect(await state(id)).toBe('ok');
    const secret = await storedSecret(id);
    expect(secret).not.toBe('Before-Expiry-1');
    expect(driver.passwords.get(id)).toBe(secret);
    expect((await t.services.audit.list({ type: 'credential.expired' })).some((e) => e.subject === id)).toBe(true);
    const again = await checkin(t, noc.accessToken, lease.leaseId); // late check-in: nothing more happens
    expect(again.statusCode).toBe(200);
    await t.services.vault.rotations.settle();
    expect(await storedSecret(id)).toBe(secret);
  });

  it('rotates a dynamic account unused for 7 days, once', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-weekly', secret: 'Weekly-Secret-1' }, driver);
    const { id: fixed } = await createAccount(
      t,
      admin,
      { username: 'svc-static', kind: 'static', driver: 'none' },
      driver,
    );
    clock += UNUSED_ROTATION_MS - 60_000;
    await t.services.vault.scheduler.sweep();
    expect(await storedSecret(id)).toBe('Weekly-Secret-1');
    clock += 60_001;
    await t.services.vault.scheduler.sweep();
    const rotated = await storedSecret(id);
    expect(rotated).not.toBe('Weekly-Secret-1');
    expect(await storedSecret(fixed)).toBe('Initial-Secret-1');
    await t.services.vault.scheduler.sweep();
    expect(await storedSecret(id)).toBe(rotated);
  });

  it('keeps the last good secret when the target is unreachable, shows the reason, and retries with backoff', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-down', secret: 'Good-Secret-1' }, driver);
    const lease = (await checkout(t, noc.accessToken, id)).json();
    driver.mode = 'down';
    await checkin(t, noc.accessToken, lease.leaseId);
    await t.services.vault.rotations.settle();
    expect(await state(id)).toBe('failed');
    expect(await storedSecret(id)).toBe('Good-Secret-1');
    const meta = await t.services.vault.credentials.get(id);
    expect(meta!.rotation).toMatchObject({
      state: 'failed',
      reason: expect.stringContaining('cannot reach the agent'),
    });
    const refused = await checkout(t, noc.accessToken, id);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'rotation_failed']);

    driver.mode = 'up';
    await t.services.vault.scheduler.sweep();
    expect(await state(id)).toBe('failed'); // not before its retry time
    clock += 30_001;
    await t.services.vault.scheduler.sweep();
    expect(await state(id)).toBe('ok');
    const secret = await storedSecret(id);
    expect(secret).not.toBe('Good-Secret-1');
    expect(driver.passwords.get(id)).toBe(secret);
    const types = (await t.services.audit.list({ limit: 10_000 })).filter((e) => e.subject === id).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['credential.rotation_failed', 'credential.rotated']));
  });

  it('ends the lease of a revoked device and rotates', async () => {
    const { id } = await createAccount(t, admin, { username: 'svc-revoked', secret: 'Revoked-Secret-1' }, driver);
    const lease = (await checkout(t, noc.accessToken, id)).json();
    const res = await t.app.inject({ method: 'DELETE', url: `/v1/devices/${noc.deviceId}`, headers: bearer(admin) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(await t.services.vault.scheduler.sweep()).toMatchObject({ revoked: 1 });
    await t.services.vault.rotations.settle();
    const lr = await t.get<{ end_reason: string }>('select end_reason from vault_leases where id = ?', lease.leaseId);
    expect(lr!.end_reason).toBe('device_revoked');
    expect(await storedSecret(id)).not.toBe('Revoked-Secret-1');
  });

  it.each(['crash-after-set', 'crash-before-set'] as const)(
    'resolves a rotation cut off by a crash (%s) at the next start, with the secret the target has',
    async (mode) => {
      const { id } = await createAccount(t, admin, { username: `svc-${mode}`, secret: 'Pre-Crash-Secret-1' }, driver);
      const lease = (await checkout(t, noc.accessToken, id)).json();
      driver.mode = mode;
      onTestFinished(() => driver.release());
      await checkin(t, noc.accessToken, lease.leaseId); // the rotation starts and "the process dies" in it
      await new Promise((r) => setTimeout(r, 100));
      const row = await t.get<{ rotation_state: string; pending_secret: string | null }>(
        'select rotation_state, pending_secret from vault_credentials where id = ?',
        id,
      );
      expect(row!.rotation_state).toBe('pending');
      expect(row!.pending_secret).toMatch(/^v1\./); // stored before the target was touched
      expect(driver.passwords.get(id) === 'Pre-Crash-Secret-1').toBe(mode === 'crash-before-set');

      // The next process: same database and target, a fresh driver; its claim waits out the dead one's.
      const restarted = createVaultServices(
        {
          db: t.db,
          now,
          audit: t.services.audit,
          directory: t.services.directory,
          approvalRecords: t.services.approvals.records,
        },
        { serverKey: key, vaultDrivers: () => [new FakeTargetDriver(driver)] },
      );
      clock += CLAIM_MS + 1;
      expect(await restarted.scheduler.sweep()).toMatchObject({ rotated: 1 });
      expect(await state(id)).toBe('ok');
      expect(await storedSecret(id)).toBe(driver.passwords.get(id));
      expect(await storedSecret(id)).not.toBe('Pre-Crash-Secret-1');
      driver.release(); // the dead process's late failure must not undo the commit
      await t.services.vault.rotations.settle();
      expect(await state(id)).toBe('ok');
      expect(await storedSecret(id)).toBe(driver.passwords.get(id));
      const types = (await t.services.audit.list({ limit: 10_000 })).filter((e) => e.subject === id).map((e) => e.type);
      expect(types.filter((x) => x === 'credential.rotated')).toHaveLength(1);
      expect(types).not.toContain('credential.rotation_failed');
    },
  );
});
