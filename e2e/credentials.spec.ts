/**
 * The NOC vault journey through the web bridge: a NOC user identifies a caller, runs an approval on
 * the call, checks out that site's dynamic password with reason, ticket and the approval (preselected),
 * copies it (read back from the browser clipboard), sees the countdown and checks in. A technician has
 * no Credentials tab and gets 403 from the API. Afterwards the password appears 0 times in IndexedDB,
 * Web Storage, the server's and the desktop's data folders, and every log.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures.js';
import { DEMO_PASSWORD } from './support/workspace.js';
import { docScreenshot } from './support/docScreenshot.js';

const SITE = 'site-northwind';
const CREDENTIAL = 'cred-northwind-noc';

/** Every file under `dir`, as bytes. */
function filesUnder(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path);
    if (!e.isFile() || statSync(path).size > 200 * 1024 * 1024) return [];
    return [{ path, bytes: readFileSync(path) }];
  });
}

test('a NOC user checks out, copies and checks in a dynamic password; it is stored nowhere', async ({
  page,
  app,
  workspace,
  context,
}) => {
  test.setTimeout(300_000); // two sign-ins with a full demo sync each on a shared machine
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(workspace.url).origin });
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  await page.goto(workspace.url);
  await app.signIn('noc@callsign.demo');
  await app.waitForSync();

  // The caller, and an approval to proceed on this call (software installation: the approver says yes).
  await app.lookup('(206) 555-0101');
  const card = page
    .getByTestId('lookup-result')
    .filter({ has: page.getByTestId('site-name').filter({ hasText: 'Northwind' }) });
  await card.getByTestId('approval-new').click();
  await page.getByTestId('action-search').fill('install software');
  await page
    .getByTestId('action-option')
    .filter({ hasText: /Install software on a workstation/i })
    .first()
    .click();
  const next = page.getByTestId('questions-next');
  if (await next.isVisible().catch(() => false)) await next.click();
  // Northwind has a site message: the request waits for "I have read the site message".
  await page.getByTestId('site-message-ack').check();
  await page.getByTestId('start-call').click();
  await page.getByTestId('dial-answered').click();
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('final-state')).toContainText(/Approved/i);
  await expect(page.getByTestId('record-saved')).toBeVisible();
  await expect(page.getByTestId('pending-uploads')).toHaveCount(0, { timeout: 60_000 });

  // The site's Credentials tab (the caller stays pinned: same page, new route).
  await page.evaluate((site) => (location.hash = `#/sites/${site}`), SITE);
  await expect(page.getByTestId('caller-panel')).toBeVisible();
  await page.getByTestId('site-tab-credentials').click();
  const row = page.locator(`[data-testid="credential-row"][data-credential-id="${CREDENTIAL}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('credential-lease')).toHaveText('Available');
  await expect(row).toContainText('Simulated');
  await docScreenshot(page, 'credentials-tab');

  await row.getByTestId('credential-checkout').click();
  const dialog = page.getByTestId('checkout-dialog');
  await expect(dialog.getByTestId('checkout-window')).toContainText('login window');
  // The approval made on this call is preselected.
  await expect(dialog.getByRole('combobox')).toContainText('Install software');
  await dialog.getByTestId('checkout-reason').fill('Install the approved software on the caller’s workstation');
  await dialog.getByTestId('checkout-ticket').fill('T-20417');
  await docScreenshot(page, 'credentials-checkout');
  await dialog.getByTestId('checkout-submit').click();

  const lease = page.getByTestId('lease-dialog');
  await expect(lease.getByTestId('lease-username')).toHaveText('svc-noc-maint');
  await expect(lease.getByTestId('lease-countdown')).toContainText(/Login window: [0-3]:\d\d left/);
  const before = await lease.getByTestId('lease-countdown').textContent();
  await lease.getByTestId('lease-copy').click();
  await expect(lease.getByTestId('lease-copied')).toBeVisible();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toMatch(/^[A-Za-z0-9]{12}$/);
  await lease.getByTestId('lease-reveal').click();
  await expect(lease.getByTestId('lease-secret')).toHaveText(secret);
  await expect(lease.getByTestId('lease-countdown')).not.toHaveText(before!); // it counts down
  await lease.getByTestId('lease-checkin').click();
  await expect(lease.getByTestId('lease-ended')).toContainText('Checked in');
  await expect(lease.getByTestId('lease-secret')).toHaveCount(0);
  // The row shows the account free again (fresh list from the server).
  await lease.getByTestId('lease-close').click();
  await expect(row.getByTestId('credential-lease')).toHaveText('Available');

  // A technician: no Credentials tab, and the API says 403.
  await app.userMenu('signout');
  await app.signIn('tech@callsign.demo');
  await app.waitForSync();
  await page.evaluate((site) => (location.hash = `#/sites/${site}`), SITE);
  await expect(page.getByTestId('site-tab-overview')).toBeVisible();
  await expect(page.getByTestId('site-tab-credentials')).toHaveCount(0);
  const server = `http://127.0.0.1:${workspace.serverPort}`;
  const login = await page.request.post(`${server}/v1/auth/login`, {
    data: { email: 'tech@callsign.demo', password: DEMO_PASSWORD, device: { name: 'e2e', platform: 'web' } },
  });
  const auth = { authorization: `Bearer ${(await login.json()).accessToken}` };
  expect((await page.request.get(`${server}/v1/sites/${SITE}/credentials`, { headers: auth })).status()).toBe(403);
  const denied = await page.request.post(`${server}/v1/credentials/${CREDENTIAL}/checkout`, {
    headers: auth,
    data: { reason: 'curious', ticket: 'T-1' },
  });
  expect(denied.status()).toBe(403);

  // The scan: 0 times anywhere.
  const stored = await page.evaluate(async () => {
    const dump: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows: unknown[] = await new Promise((res) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
          r.onerror = () => res([]);
        });
        dump.push(JSON.stringify(rows));
      }
      db.close();
    }
    return dump.join('\n');
  });
  const count = (text: string) => text.split(secret).length - 1;
  expect(stored.length).toBeGreaterThan(1000); // the cache really was read
  expect(count(stored), 'IndexedDB and Web Storage').toBe(0);
  const files = filesUnder(workspace.dir);
  expect(files.some((f) => f.path.includes(join('server', '')))).toBe(true);
  const hits = files.filter((f) => f.bytes.includes(secret)).map((f) => f.path);
  expect(hits, 'data folders (server and desktop)').toEqual([]);
  expect(count(workspace.serverLog.join('\n')), 'server log').toBe(0);
  expect(count(workspace.bridgeLog.join('\n')), 'bridge log').toBe(0);
  expect(count(consoleLines.join('\n')), 'browser console').toBe(0);
});
