/**
 * No secret at rest: after accounts are created, checked out, rotated and a directory's bind
 * password set, neither the SQLite database file (with its WAL) nor — on PostgreSQL — any table's
 * contents hold a secret in the clear: only sealed `v1.…` values.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/openDatabase.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { testDialect } from '../testing/testDatabase.js';
import { FakeTargetDriver, checkin, checkout, createAccount } from './testing/vaultTestkit.js';

async function exercise(t: TestApp, driver: FakeTargetDriver): Promise<string[]> {
  const admin = (await t.login('admin@callsign.demo')).accessToken;
  const noc = (await t.login('noc@callsign.demo')).accessToken;
  const secrets = ['Created-Secret-Alpha', 'Static-Secret-Bravo', 'Bind-Secret-Charlie'];
  const { id } = await createAccount(t, admin, { username: 'svc-rest', secret: secrets[0] }, driver);
  const { id: fixed } = await createAccount(t, admin, {
    username: 'shared-rest',
    kind: 'static',
    driver: 'none',
    secret: secrets[1],
  });
  const lease = (await checkout(t, noc, id)).json();
  expect(lease.secret).toBe(secrets[0]);
  expect((await checkout(t, noc, fixed)).json().secret).toBe(secrets[1]);
  await checkin(t, noc, lease.leaseId);
  await t.services.vault.rotations.settle();
  secrets.push(driver.passwords.get(id)!);
  const res = await t.app.inject({
    method: 'PUT',
    url: '/v1/admin/sites/site-northwind/vault-directory',
    headers: bearer(admin),
    payload: {
      url: 'ldap://127.0.0.1:389',
      flavor: 'openldap',
      bindDn: 'cn=admin',
      baseDn: 'dc=x',
      bindPassword: secrets[2],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return secrets;
}

describe('vault secrets at rest', () => {
  it.skipIf(testDialect() !== 'sqlite')('leaves no secret in the SQLite database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callsign-vault-'));
    const database = await openDatabase(join(dir, 'callsign.sqlite'));
    const driver = new FakeTargetDriver();
    const t = await createTestApp({ database, vaultDrivers: () => [driver] });
    try {
      const secrets = await exercise(t, driver);
      const sealed = await t.get<{ secret: string }>("select secret from vault_credentials where id like '%' limit 1");
      expect(sealed!.secret).toMatch(/^v1\./);
      database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
      const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
      expect(files.length).toBeGreaterThan(0);
      for (const bytes of files) for (const s of secrets) expect(bytes.includes(Buffer.from(s)), s).toBe(false);
    } finally {
      await t.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(testDialect() !== 'postgres')('leaves no secret in any PostgreSQL table', async () => {
    const driver = new FakeTargetDriver();
    const t = await createTestApp({ vaultDrivers: () => [driver] });
    try {
      const secrets = await exercise(t, driver);
      const tables = await t.all<{ table_name: string }>(
        'select table_name from information_schema.tables where table_schema = current_schema()',
      );
      expect(tables.map((r) => r.table_name)).toContain('vault_credentials');
      for (const { table_name } of tables) {
        const dump = JSON.stringify(await t.all(`select * from "${table_name}"`));
        for (const s of secrets) expect(dump.includes(s), `${table_name} holds ${s.slice(0, 3)}…`).toBe(false);
      }
    } finally {
      await t.close();
    }
  });
});
