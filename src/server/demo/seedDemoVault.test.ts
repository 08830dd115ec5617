import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { checkout } from '../vault/testing/vaultTestkit.js';
import { DEMO_VAULT_ACCOUNTS, seedDemoVault } from './seedDemoVault.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo vault accounts', () => {
  it('seeds dynamic and static accounts on the demo sites once, which the demo NOC user can check out at once', async () => {
    expect(await seedDemoVault(t.services)).toBe(DEMO_VAULT_ACCOUNTS.length);
    expect(await seedDemoVault(t.services)).toBe(0);
    const noc = (await t.login('noc@callsign.demo')).accessToken;
    const list = await t.app.inject({
      method: 'GET',
      url: '/v1/sites/site-northwind/credentials',
      headers: bearer(noc),
    });
    const kinds = list.json().map((c: { kind: string; driver: string }) => `${c.kind}/${c.driver}`);
    expect(kinds).toEqual(expect.arrayContaining(['dynamic/simulated-agent', 'static/none']));
    const res = await checkout(t, noc, 'cred-northwind-noc');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().secret).toMatch(/^[A-Za-z0-9]{12}$/);
  });
});
