/**
 * Caller identification and the site on one screen: a screen-pop route, an ambiguous shared
 * number, the public-domain rule, everything the site view shows, and favourites across a reload.
 */
import { test, expect } from './support/fixtures.js';

test('screen pop, ambiguity, public domains, the site view and favourites', async ({ page, app, workspace }) => {
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();
  const base = workspace.url.split('#')[0]!;

  // Screen pop: the web bridge's deep-link route looks the caller up at once.
  await page.goto(`${base}#/lookup?phone=${encodeURIComponent('+1 (206) 555-0101')}`);
  await expect(page.getByTestId('lookup-result').first().getByTestId('site-name')).toHaveText(
    'Northwind Traders — Seattle',
  );
  await expect(page.getByTestId('lookup-result').first().getByTestId('profile-name').first()).toHaveText('Dana Reyes');

  // A main number shared by two sites is shown as ambiguous, never auto-picked.
  await app.lookup('(312) 555-0199');
  await expect(page.getByTestId('ambiguous-warning')).toContainText('2 sites');
  await expect(page.getByTestId('lookup-result')).toHaveCount(2);

  // A public-domain address identifies only the exact profile, never a site by domain.
  await app.lookup('sam.okafor@gmail.com');
  await expect(page.getByTestId('lookup-result')).toHaveCount(1);
  await expect(page.getByTestId('profile-name').first()).toHaveText('Sam Okafor');
  await app.lookup('someone.else@gmail.com');
  await expect(page.getByTestId('lookup-result')).toHaveCount(0);
  await expect(page.getByTestId('lookup-hint')).toBeVisible();

  // The site view: banner, greeting, people, references, network and unlicensed software.
  await app.lookup('+1 206 555 0101');
  await page.getByTestId('lookup-result').first().getByTestId('open-site').click();
  await expect(page.getByTestId('site-message').first()).toContainText('Email is down tonight');
  await expect(page.getByTestId('site-greeting').first()).toContainText('Northwind IT Help Desk');
  await page.getByTestId('site-tab-people').click();
  await expect(page.getByTestId('people-row').filter({ hasText: 'Dana Reyes' })).toBeVisible();
  await page.getByTestId('site-tab-references').click();
  await expect(page.getByTestId('reference-item').filter({ hasText: 'Install the RMM agent' })).toBeVisible();
  await expect(page.getByTestId('reference-item').filter({ hasText: 'Verify the caller' })).toBeVisible(); // an all-sites reference
  await page.getByTestId('site-tab-network').click();
  await expect(page.getByTestId('network-domain')).toContainText('corp.northwindtraders.com');
  await expect(page.getByTestId('software-row').filter({ hasText: 'TeamViewer' })).toContainText(/never/i);
  await expect(page.getByTestId('software-row').filter({ hasText: 'Zoom' })).toContainText(/install/i);

  // Favourites survive a reload.
  await page.getByTestId('favourite-toggle').first().click();
  await page.reload();
  await page.goto(`${base}#/`);
  await expect(page.getByTestId('favourite-item').filter({ hasText: 'Northwind' })).toBeVisible();
  await expect(page.getByTestId('recent-item').first()).toBeVisible();

  // `?` outside a text field lists the keyboard shortcuts; Esc closes the list.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Ctrl+K');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
});
