import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../app.js';
import { loadDirectory } from '../bundle/loadDirectory.js';
import { ServerKey } from '../crypto/serverKey.js';
import { openDatabase } from '../db/openDatabase.js';
import { FIXTURE_SITES } from '../demo/fixtures.js';
import { FAST_SCRYPT } from '../testing/createTestApp.js';
import { account, FakeTargetDriver } from '../vault/testing/vaultTestkit.js';
import { credentialAad, directoryAad, VaultCipher } from '../vault/vaultCipher.js';
import { runCliCaptured } from './testing/runCliCaptured.testkit.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const cli = (argv: string[], env: Record<string, string>) => runCliCaptured(argv, { env });

/** A data folder with two accounts, one failed rotation and a site directory, sealed under `key`. */
async function vaultDataDir(key: ServerKey): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-vault-cli-'));
  dirs.push(dir);
  const database = await openDatabase(join(dir, 'callsign.sqlite'));
  const services = createServices(database, {
    scrypt: FAST_SCRYPT,
    serverKey: key,
    vaultDrivers: () => [new FakeTargetDriver()],
  });
  await loadDirectory(services.directory, { sites: FIXTURE_SITES, profiles: [], references: [], policies: [] });
  const cipher = services.vault.cipher!;
  await services.vault.credentials.create(account({ id: 'c1', secret: 'Cli-Secret-One' }), cipher, 'test');
  await services.vault.credentials.create(
    account({ id: 'c2', username: 'shared', kind: 'static', driver: 'none', secret: 'Cli-Secret-Two' }),
    cipher,
    'test',
  );
  await database.db
    .updateTable('vault_credentials')
    .set({ rotation_state: 'failed', rotation_reason: 'agent offline', rotation_attempts: 2 })
    .where('id', '=', 'c1')
    .execute();
  await services.vault.directories.set('site-northwind', {
    url: 'ldap://127.0.0.1:389',
    flavor: 'openldap',
    bindDn: 'cn=admin,dc=x',
    baseDn: 'dc=x',
    bindPassword: 'Cli-Bind-Three',
  });
  await database.close();
  return dir;
}

async function opened(dir: string, key: ServerKey): Promise<string[]> {
  const database = await openDatabase(join(dir, 'callsign.sqlite'));
  try {
    const c = new VaultCipher(key);
    const rows = await database.db
      .selectFrom('vault_credentials')
      .select(['id', 'secret', 'version'])
      .orderBy('id')
      .execute();
    const d = await database.db.selectFrom('vault_directories').selectAll().executeTakeFirstOrThrow();
    return [
      ...rows.map((r) => c.open(r.secret!, credentialAad(r.id, Number(r.version)))),
      c.open(d.bind_secret, directoryAad(d.site_id)),
    ];
  } finally {
    await database.close();
  }
}

describe('callsign-server vault', () => {
  it('rotate-key re-encrypts every secret under the new key and prints counts, no secret', async () => {
    const oldKey = ServerKey.generate();
    const newKey = ServerKey.generate();
    const dir = await vaultDataDir(oldKey);
    const file = join(dir, 'new.key');
    writeFileSync(file, newKey.toBase64());
    const res = await cli(['vault', 'rotate-key', '--new-key-file', file, '--data-dir', dir], {
      CALLSIGN_VAULT_KEY: oldKey.toBase64(),
    });
    expect(res.code, res.err).toBe(0);
    expect(res.out).toContain('2 account secrets, 0 pending secrets, 1 directory bind passwords');
    expect(res.out + res.err).not.toMatch(/Cli-Secret|Cli-Bind/);
    expect(await opened(dir, newKey)).toEqual(['Cli-Secret-One', 'Cli-Secret-Two', 'Cli-Bind-Three']);
    await expect(opened(dir, oldKey)).rejects.toThrow(/does not open/);
  });

  it('changes nothing when the current key is wrong or missing', async () => {
    const key = ServerKey.generate();
    const dir = await vaultDataDir(key);
    const file = join(dir, 'new.key');
    writeFileSync(file, ServerKey.generate().toBase64());
    const wrong = await cli(['vault', 'rotate-key', '--new-key-file', file, '--data-dir', dir], {
      CALLSIGN_VAULT_KEY: ServerKey.generate().toBase64(),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/does not open with the current key; nothing was changed/);
    const missing = await cli(['vault', 'rotate-key', '--new-key-file', file, '--data-dir', dir], {});
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('CALLSIGN_VAULT_KEY_FILE');
    expect(await opened(dir, key)).toEqual(['Cli-Secret-One', 'Cli-Secret-Two', 'Cli-Bind-Three']);
  });

  it('status counts accounts by rotation state and open leases, with failed reasons', async () => {
    const dir = await vaultDataDir(ServerKey.generate());
    const res = await cli(['vault', 'status', '--data-dir', dir], {});
    expect(res.code, res.err).toBe(0);
    expect(res.out).toContain('2 accounts (1 dynamic, 1 static)');
    expect(res.out).toContain('ok 0, due 0, pending 0, failed 1');
    expect(res.out).toContain('Leases open: 0 dynamic, 0 static');
    expect(res.out).toContain('failed: c1 (2 attempts): agent offline');
  });
});
