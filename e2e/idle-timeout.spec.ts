/**
 * Idle sign-out (seeds: warn after 13 minutes without activity, sign out at 15). Playwright's clock
 * moves the page's time forward; the app's own timers do the rest.
 */
import { test, expect } from './support/fixtures.js';

test('warns after 13 idle minutes, keeps the session on "Stay signed in", signs out at 15', async ({
  page,
  app,
  workspace,
}) => {
  await page.clock.install();
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();

  await page.clock.fastForward('12:50');
  await expect(page.getByTestId('idle-warning')).toHaveCount(0);
  await page.clock.fastForward('00:15');
  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/Signing out in 1:5\d/);
  // Moving the mouse is not an answer; the focused "Stay signed in" button is.
  await page.mouse.move(200, 200);
  await page.mouse.move(300, 260);
  await expect(warning).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(warning).toHaveCount(0);

  // Activity keeps pushing the warning away…
  await page.clock.fastForward('10:00');
  await page.getByTestId('lookup-input').click();
  await page.clock.fastForward('10:00');
  await expect(page.getByTestId('idle-warning')).toHaveCount(0);

  // …and without it the session ends at 15 minutes, onto the sign-in screen with the reason.
  await page.clock.fastForward('15:05');
  await expect(page.getByTestId('signin-idle')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('signin-submit')).toBeVisible();
  // The offline cache is still there: signing in again needs no full sync.
  await app.signIn();
  await expect(page.getByTestId('lookup-input')).toBeVisible();
});
