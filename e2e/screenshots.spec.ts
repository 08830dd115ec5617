/** Keeps the README's screenshots current: the lookup screen in light and dark. */
import { test, expect } from './support/fixtures.js';
import { docScreenshot } from './support/docScreenshot.js';

test('lookup screen screenshots (light and dark)', async ({ page, app, workspace }) => {
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();
  await app.lookup('(206) 555-0101');
  await expect(page.getByTestId('site-name').first()).toBeVisible();
  await page.emulateMedia({ colorScheme: 'light' });
  await docScreenshot(page, 'lookup-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await docScreenshot(page, 'lookup-dark');
});
