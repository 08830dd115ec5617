/**
 * Walking skeleton journey: sign in, first sync, look up a caller by a differently formatted number
 * and by email, then stop the server — the lookup keeps working from the cache, also after a reload.
 * Finally no secret or token may be found in IndexedDB, Web Storage or the bridge's log.
 */
import { test, expect } from './support/fixtures.js';
import { DEMO_PASSWORD } from './support/workspace.js';
import type { Page } from '@playwright/test';

async function expectNorthwind(page: Page) {
  const result = page.getByTestId('lookup-result').first();
  await expect(result.getByTestId('site-name')).toHaveText('Northwind Traders — Seattle');
  await expect(result.getByTestId('site-greeting')).toContainText('Northwind IT Help Desk');
  await expect(page.getByTestId('site-message').first()).toContainText('Email is down tonight');
  await expect(result.getByTestId('profile-name').first()).toHaveText('Dana Reyes');
}

/** Everything the page can read from its own storage, as one string. */
async function dumpBrowserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: unknown[] = [{ ...localStorage }, { ...sessionStorage }, document.cookie];
    for (const info of await indexedDB.databases()) {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows: unknown[] = await new Promise((res) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
        });
        out.push(store, rows);
      }
      db.close();
    }
    return JSON.stringify(out);
  });
}

test('look up a caller online, then offline from the cache, also after a reload', async ({ page, app, workspace }) => {
  await page.goto(workspace.url);
  await expect(page).not.toHaveURL(/bridge=/); // the launch token leaves the address bar at once
  await app.signIn();
  await app.waitForSync();

  await app.lookup('(206) 555-0101');
  await expectNorthwind(page);
  await expect(page.getByTestId('match-kind').first()).toContainText(/mobile|phone/i);

  await app.lookup('dana.reyes@northwindtraders.com');
  await expectNorthwind(page);

  await app.lookup('(555) not a number');
  await expect(page.getByTestId('lookup-hint')).toBeVisible();

  await workspace.stopServer();
  await app.lookup('+1 206 555 0101');
  await expectNorthwind(page);

  await page.reload();
  await expect(page.getByTestId('sync-status')).toContainText(/offline/i);
  await app.lookup('+1-206-555-0101');
  await expectNorthwind(page);

  const storage = await dumpBrowserStorage(page);
  expect(storage).toContain('Northwind Traders'); // the cache is really in IndexedDB
  const token = new URL(workspace.url).hash.replace('#bridge=', '');
  // The launch line is the one place the token is meant to appear (it is the link to open).
  const bridgeLog = workspace.bridgeLog.join('').replace(`Callsign is running at ${workspace.url}`, '');
  for (const secret of [DEMO_PASSWORD, token, 'accessToken', 'refreshToken', 'Bearer ']) {
    expect(storage, `browser storage must not contain ${secret.slice(0, 6)}…`).not.toContain(secret);
    expect(bridgeLog, 'bridge log must not contain secrets').not.toContain(secret);
  }
  expect(workspace.serverLog.join('')).not.toContain(DEMO_PASSWORD);
});
