/**
 * One-time passwords that are one-time, and one's own password (issue 16), end to end through the
 * web bridge and the demo server: an administrator invites an account; the new person signs in with
 * the one-time password, must choose their own, and is then signed in; the one-time password no
 * longer works; the person changes the password on Account & security and signs in with the new one.
 * No password appears in either process's output.
 */
import type { Page } from '@playwright/test';
import { test, expect, type CallsignPage } from './support/fixtures.js';
import { DEMO_PASSWORD } from './support/workspace.js';

const EMAIL = 'jordan.new@callsign.demo';
const MINE = 'Jordan-own-pass-2026';
const CHANGED = 'Jordan-changed-pass-2027';

async function signOut(page: Page, app: CallsignPage) {
  await app.userMenu('signout');
  await expect(page.getByTestId('signin-submit')).toBeVisible();
}

async function signInFails(page: Page, app: CallsignPage, password: string) {
  await app.signIn(EMAIL, password);
  await expect(page.getByTestId('signin-error')).toContainText('Email or password is wrong', { timeout: 60_000 });
  await expect(page.getByTestId('lookup-input')).toHaveCount(0);
}

test('an invited person signs in once with the one-time password, chooses their own, then changes it', async ({
  page,
  app,
  workspace,
}) => {
  test.setTimeout(300_000); // five sign-ins, each an scrypt hash on the demo server, and three first syncs
  await page.goto(workspace.url);
  await app.signIn('admin@callsign.demo', DEMO_PASSWORD);
  await app.waitForSync();
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-accounts').click();
  await page.getByTestId('account-add').click();
  await page.getByTestId('account-name').fill('Jordan New');
  await page.getByTestId('account-email').fill(EMAIL);
  await page.getByTestId('account-add-submit').click();
  const shown = page.getByTestId('one-time-password');
  await expect(shown).toHaveText(/^\w{5}-\w{5}-\w{5}-\w{5}$/, { timeout: 60_000 });
  const oneTime = (await shown.textContent())!.trim();
  await page.getByTestId('one-time-password-done').click();
  await signOut(page, app);

  // The one-time password opens only "choose your own password".
  await app.signIn(EMAIL, oneTime);
  await expect(page.getByTestId('choose-password')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('lookup-input')).toHaveCount(0);
  await page.getByTestId('choose-password-new').fill(oneTime);
  await page.getByTestId('choose-password-repeat').fill(oneTime);
  await page.getByTestId('choose-password-submit').click();
  await expect(page.getByText('Choose a password different from the one you have now.')).toBeVisible({
    timeout: 60_000,
  });
  await page.getByTestId('choose-password-new').fill(MINE);
  await page.getByTestId('choose-password-repeat').fill(MINE);
  await page.getByTestId('choose-password-submit').click();
  await app.waitForSync();
  await signOut(page, app);

  await signInFails(page, app, oneTime);
  await app.signIn(EMAIL, MINE);
  await app.waitForSync();

  await app.userMenu('account-security');
  await page.getByTestId('password-current').fill(MINE);
  await page.getByTestId('password-new').fill(CHANGED);
  await page.getByTestId('password-repeat').fill(CHANGED);
  await page.getByTestId('password-submit').click();
  // Two scrypt hashes at production cost on a loaded machine can take a while.
  await expect(page.getByTestId('password-changed')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('password-current')).toHaveValue('');
  await signOut(page, app);

  await signInFails(page, app, MINE);
  await app.signIn(EMAIL, CHANGED);
  await app.waitForSync();

  const output = [...workspace.serverLog, ...workspace.bridgeLog].join('\n');
  for (const secret of [oneTime, MINE, CHANGED]) expect(output).not.toContain(secret);
});
