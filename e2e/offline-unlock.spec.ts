/**
 * Issue 14 item 6: a restart with the server down used to lock the cache behind sign-in (the web
 * bridge keeps the refresh token in memory only). Now the last user's password, checked against
 * the local verifier, opens the cache read-only; a wrong password is refused with a clear message.
 */
import { test, expect } from './support/fixtures.js';

test('restart with the server down, then offline unlock', async ({ page, app, workspace }) => {
  test.slow();
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();
  await app.lookup('(206) 555-0101');
  await expect(page.getByTestId('lookup-result').first()).toContainText('Dana Reyes');

  await workspace.stopServer();
  await workspace.stopBridge();
  await workspace.startBridge();
  await page.goto('about:blank');
  await page.goto(workspace.url);
  await expect(page.getByTestId('signin-email')).toBeVisible({ timeout: 30_000 });

  await app.signIn('tech@callsign.demo', 'not-the-password');
  await expect(page.getByTestId('signin-error')).toContainText(
    'not the password last used to sign in on this computer',
  );

  await app.signIn();
  await expect(page.getByTestId('offline-unlocked')).toBeVisible({ timeout: 30_000 });
  await app.lookup('(206) 555-0101');
  await expect(page.getByTestId('lookup-result').first()).toContainText('Dana Reyes');
});
