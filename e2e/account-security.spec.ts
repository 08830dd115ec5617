/**
 * Account & security and Admin, end to end through the web bridge and the real demo server:
 * a technician turns on two-step sign-in (the code computed here from the key the page shows),
 * sees the recovery codes once and their own device, and is asked for a code at the next sign-in;
 * an administrator revokes the technician's device from the Admin page.
 */
import { Secret, TOTP } from 'otpauth';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { docScreenshot } from './support/docScreenshot.js';
import { DEMO_PASSWORD } from './support/workspace.js';

/** Every record of every IndexedDB database of the page, as one JSON text. */
async function indexedDbText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: unknown[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        dump.push(
          await new Promise((res) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => res(r.result);
            r.onerror = () => res(null);
          }),
        );
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
}

const totp = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });

test('a technician enrols TOTP, keeps the recovery codes once, and is asked for a code at the next sign-in', async ({
  page,
  app,
  workspace,
}) => {
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();

  await app.userMenu('account-security');
  await expect(page.getByTestId('account-page')).toBeVisible();
  await expect(page.getByTestId('totp-status')).toHaveText('Off');
  await expect(page.getByTestId('device-row').filter({ has: page.getByTestId('this-device') })).toHaveCount(1);

  // The current password is asked again before two-step sign-in can change (issue 11 #6).
  await page.getByTestId('totp-current-password').fill(DEMO_PASSWORD);
  await page.getByTestId('totp-start').click();
  await expect(page.getByTestId('totp-qr')).toBeVisible();
  await expect(page.getByTestId('totp-code')).toBeFocused();
  await page.screenshot({ path: 'test-results/account-security-setup.png', fullPage: true });
  const secret = (await page.getByTestId('totp-secret').inputValue()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByTestId('totp-code').fill(totp(secret).generate());
  await page.getByTestId('totp-confirm').click();

  const codes = page.getByTestId('recovery-code');
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allTextContents();
  await expect(page.getByTestId('totp-status')).toHaveText('On');
  await page.screenshot({ path: 'test-results/account-security-light.png', fullPage: true });
  // README: the codes masked (even a throwaway account's codes do not belong in a picture; the masked image also stays the same between runs).
  await docScreenshot(page, 'account-security', { mask: [codes], maskColor: '#dde1e6' });
  await page.getByRole('button', { name: 'Dark' }).click();
  await page.screenshot({ path: 'test-results/account-security-dark.png', fullPage: true });
  await page.getByRole('button', { name: 'Light' }).click();

  await page.getByTestId('recovery-saved').click();
  await expect(page.getByTestId('recovery-codes')).toHaveCount(0);
  await expect(page.getByTestId('totp-start')).toHaveCount(0);
  const thisDevice = page.getByTestId('device-row').filter({ has: page.getByTestId('this-device') });
  await expect(thisDevice).toContainText('(Callsign)');
  await expect(thisDevice.getByTestId('device-revoke')).toBeDisabled();

  // The key and the codes never reach a URL, Web Storage, IndexedDB or either process's output.
  expect(page.url()).not.toContain(secret);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  const stored = await indexedDbText(page);
  expect(stored.length).toBeGreaterThan(1000); // the synced directory is there: the scan saw real data
  for (const s of [secret, ...recoveryCodes]) expect(stored).not.toContain(s);
  const logs = workspace.bridgeLog.join('') + workspace.serverLog.join('');
  for (const s of [secret, ...recoveryCodes]) expect(logs).not.toContain(s);

  await app.userMenu('signout');
  await app.signIn();
  await expect(page.getByTestId('signin-totp')).toBeVisible();
  // The enrolment code's time step is used up; the next step's code is within the allowed drift.
  await page.getByTestId('signin-totp').fill(totp(secret).generate({ timestamp: Date.now() + 30_000 }));
  await page.getByTestId('signin-totp-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await app.userMenu('account-security');
  await expect(page.getByTestId('totp-status')).toHaveText('On');
});

test('an administrator revokes a technician’s device from Admin → Devices', async ({ page, app, workspace }) => {
  // The technician's laptop signs in (on the server's API).
  const server = `http://127.0.0.1:${workspace.serverPort}`;
  const tech = await page.request.post(`${server}/v1/auth/login`, {
    data: {
      email: 'tech@callsign.demo',
      password: DEMO_PASSWORD,
      device: { name: 'Front desk laptop', platform: 'windows' },
    },
  });
  expect(tech.ok()).toBe(true);
  const techAuth = { authorization: `Bearer ${(await tech.json()).accessToken}` };

  await page.goto(workspace.url);
  await app.signIn('admin@callsign.demo', DEMO_PASSWORD);
  await app.waitForSync();
  await page.getByTestId('nav-admin').click();
  await expect(page.getByTestId('account-row')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/admin-accounts-light.png', fullPage: true });
  await page.getByTestId('admin-tab-devices').click();

  const row = page.getByTestId('admin-device-row').filter({ hasText: 'Front desk laptop' });
  await expect(row).toHaveAttribute('data-user', 'tech@callsign.demo');
  await expect(row).toContainText('Windows');
  await page.screenshot({ path: 'test-results/admin-devices-light.png', fullPage: true });
  await docScreenshot(page, 'admin-devices'); // README

  await row.getByTestId('device-revoke').click();
  const dialog = page.getByTestId('revoke-dialog');
  await expect(dialog).toContainText('deletes its cached directory');
  await expect(dialog.getByTestId('revoke-dialog-confirm')).toBeFocused();
  await page.waitForTimeout(300); // let the dialog finish fading in for the screenshot
  await page.screenshot({ path: 'test-results/admin-revoke-dialog.png' });
  await page.keyboard.press('Enter'); // the confirm button has focus
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId('device-revoked')).toBeVisible();
  await expect(row.getByTestId('device-revoke')).toHaveCount(0);

  await page.getByRole('button', { name: 'Dark' }).click();
  await page.screenshot({ path: 'test-results/admin-devices-dark.png', fullPage: true });

  // The laptop's next request is refused, so the app there wipes its cache.
  const me = await page.request.get(`${server}/v1/me`, { headers: techAuth });
  expect(me.status()).toBe(401);
  expect((await me.json()).error.code).toBe('device_revoked');
});
