/**
 * Device revocation → remote wipe: an administrator revokes the technician's device; at its next
 * contact the app deletes its offline cache (directory, outbox, favourites) and returns to sign-in.
 */
import { test, expect } from './support/fixtures.js';
import { DEMO_PASSWORD } from './support/workspace.js';

test('a revoked device wipes its cache and signs out', async ({ page, app, workspace }) => {
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();
  await app.lookup('(206) 555-0101');
  await expect(page.getByTestId('site-name').first()).toHaveText('Northwind Traders — Seattle');

  // The administrator, on the server's API.
  const server = `http://127.0.0.1:${workspace.serverPort}`;
  const login = await page.request.post(`${server}/v1/auth/login`, {
    data: { email: 'admin@callsign.demo', password: DEMO_PASSWORD, device: { name: 'Admin console', platform: 'web' } },
  });
  expect(login.ok()).toBe(true);
  const auth = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const { devices } = await (await page.request.get(`${server}/v1/devices`, { headers: auth })).json();
  const techDevice = devices.find(
    (d: { userEmail: string; revokedAt: string | null }) => d.userEmail === 'tech@callsign.demo' && !d.revokedAt,
  );
  expect(techDevice?.name).toContain('(Callsign)');
  expect((await page.request.delete(`${server}/v1/devices/${techDevice.id}`, { headers: auth })).status()).toBeLessThan(
    300,
  );

  // Next contact: the sync badge is clicked (sync now) → device_revoked → wipe → sign-in.
  await page.getByTestId('sync-status').click();
  await expect(page.getByTestId('signin-wiped')).toBeVisible({ timeout: 30_000 });
  const cached = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  const leftovers = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res) => {
      const r = indexedDB.open('callsign-cache');
      r.onsuccess = () => res(r.result);
    });
    const names = Array.from(db.objectStoreNames);
    const counts = await Promise.all(
      names.map(
        (n) =>
          new Promise<number>((res) => {
            const r = db.transaction(n).objectStore(n).count();
            r.onsuccess = () => res(r.result);
            r.onerror = () => res(0);
          }),
      ),
    );
    db.close();
    return counts.reduce((a, b) => a + b, 0);
  });
  expect(cached.length === 0 || leftovers === 0, 'the offline cache must be empty after the wipe').toBe(true);

  // Signing in again works and syncs afresh.
  await app.signIn();
  await app.waitForSync();
});
