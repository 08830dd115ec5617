import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/createTestApp.js';
import { IMPORTED_WITHOUT_SECRET } from './bundleCredentials.js';
import { checkout, createAccount } from './testing/vaultTestkit.js';

let t: TestApp;
let admin: string;
let noc: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.login('admin@callsign.demo')).accessToken;
  noc = (await t.login('noc@callsign.demo')).accessToken;
});
afterAll(() => t.close());

describe('vault accounts in directory bundles', () => {
  it('exports metadata without any secret, and re-importing the export changes nothing', async () => {
    const { id } = await createAccount(t, admin, {
      id: 'bundle-dyn',
      username: 'svc-bundle',
      secret: 'Bundle-Secret-1',
    });
    await createAccount(t, admin, {
      id: 'bundle-static',
      username: 'ro',
      kind: 'static',
      driver: 'none',
      secret: 'Bundle-Secret-2',
    });
    const text = await t.services.platform.bundles.exportText();
    expect(text).not.toContain('Bundle-Secret');
    const bundle = JSON.parse(text);
    expect(bundle.credentials.map((c: { id: string }) => c.id)).toEqual(['bundle-dyn', 'bundle-static']);
    expect(Object.keys(bundle.credentials[0])).not.toContain('secret');
    expect(Object.keys(bundle.credentials[0])).not.toContain('lease');
    const report = await t.services.platform.bundles.importBundle(bundle, { actor: 'test' });
    expect(report).toMatchObject({ applied: false, added: 0, updated: 0, deleted: 0, failures: [] });
    expect((await checkout(t, noc, id)).json().secret).toBe('Bundle-Secret-1');
  });

  it('refuses a bundle entry with a secret, a forbidden dynamic username or an unknown site, naming the path', async () => {
    const bundle = JSON.parse(await t.services.platform.bundles.exportText());
    bundle.credentials[0].secret = 'Smuggled-1';
    bundle.credentials[1] = {
      ...bundle.credentials[1],
      id: 'bad',
      kind: 'dynamic',
      username: 'root',
      driver: 'simulated-agent',
    };
    bundle.credentials.push({
      ...bundle.credentials[1],
      id: 'gone',
      username: 'x',
      kind: 'static',
      siteId: 'site-gone',
    });
    const report = await t.services.platform.bundles.importBundle(bundle, { actor: 'test' });
    expect(report.applied).toBe(false);
    expect(report.failures.map((f) => f.path)).toEqual(['credentials[0]']);
    delete bundle.credentials[0].secret;
    const again = await t.services.platform.bundles.importBundle(bundle, { actor: 'test' });
    expect(again.failures.map((f) => f.path).sort()).toEqual(['credentials[1].username', 'credentials[2].siteId']);
  });

  it('imports changes, new accounts without a password (not checkable-out until set) and deletions, in one go', async () => {
    const bundle = JSON.parse(await t.services.platform.bundles.exportText());
    bundle.credentials = bundle.credentials.filter((c: { id: string }) => c.id !== 'bundle-static');
    bundle.credentials[0].description = 'changed by bundle';
    bundle.credentials.push({ ...bundle.credentials[0], id: 'bundle-new', username: 'svc-new', description: '' });
    const report = await t.services.platform.bundles.importBundle(bundle, { actor: 'test' });
    expect(report).toMatchObject({ applied: true, added: 1, updated: 1, deleted: 1 });
    expect((await t.services.vault.credentials.get('bundle-dyn'))!.description).toBe('changed by bundle');
    expect(await t.services.vault.credentials.get('bundle-static')).toBeUndefined();
    const fresh = await t.services.vault.credentials.get('bundle-new');
    expect(fresh!.rotation).toMatchObject({ state: 'failed', reason: IMPORTED_WITHOUT_SECRET });
    expect((await checkout(t, noc, 'bundle-new')).json().error.code).toBe('rotation_failed');
    expect((await checkout(t, noc, 'bundle-dyn')).statusCode).toBe(409); // still held from the first test
  });
});
