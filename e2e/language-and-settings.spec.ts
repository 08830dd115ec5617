/**
 * Five languages and a settings page (issue 14): German and the dark theme, chosen from the top bar,
 * are remembered by main's settings store and apply again after a reload before anything shows; the
 * Settings page refuses bad values naming the field, and saves good ones.
 */
import { test, expect } from './support/fixtures.js';
import { docScreenshot } from './support/docScreenshot.js';

test('German and the dark theme survive a reload; the Settings page validates and saves', async ({
  page,
  app,
  workspace,
}) => {
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();

  await app.pickFromMenu('language-menu', 'language-de');
  await expect(page.getByTestId('nav-lookup')).toHaveText('Suche');
  await page.getByTestId('theme-toggle').getByRole('button', { name: 'Dunkel' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);

  await page.reload();
  await expect(page.getByTestId('nav-lookup')).toHaveText('Suche');
  // Applied from the first frame: the page never showed English or the light theme after the reload.
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await app.lookup('(312) 555-0199');
  await expect(page.getByTestId('lookup-result').first()).toBeVisible();
  await docScreenshot(page, 'lookup-de-dark');

  await page.getByTestId('nav-settings').click();
  await expect(page.getByRole('heading', { name: 'Einstellungen' })).toBeVisible();
  await page.getByTestId('settings-idle').fill('30');
  await page.getByTestId('settings-server-url').fill('http://callsign.example.com');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-invalid')).toHaveText(/2 Einstellungen müssen korrigiert werden/);
  await expect(
    page.getByText('Geben Sie die Abmeldezeit bei Inaktivität in ganzen Minuten von 1 bis 15 ein.'),
  ).toBeVisible();
  await expect(page.getByText(/Die Serveradresse muss https:\/\/ verwenden/)).toBeVisible();

  await page.getByTestId('settings-server-url').fill(`http://127.0.0.1:${workspace.serverPort}`);
  await page.getByTestId('settings-idle').fill('10');
  await page.getByRole('combobox', { name: 'Design' }).click();
  await page.getByRole('option', { name: 'Hell' }).click();
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-saved')).toHaveText('Einstellungen gespeichert.');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await docScreenshot(page, 'settings-de');

  await page.reload();
  await expect(page.getByTestId('settings-idle')).toHaveValue('10');
  await expect(page.getByTestId('nav-settings')).toHaveText('Einstellungen');
});
