/**
 * Caller ID across countries (issue 13): in the demo workspace most sites are in the US, yet a
 * Sydney number typed the way Australians write it finds its site and says it was read as an
 * Australian number; a pasted e-mail signature with a phone, a mobile and a fax finds every number,
 * each with its own candidates.
 */
import { test, expect } from './support/fixtures.js';

test('national number of a minority country, then a pasted signature', async ({ page, app, workspace }) => {
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();

  await app.lookup('(02) 9374 4000');
  const sydney = page.getByTestId('lookup-result').first();
  await expect(sydney.getByTestId('site-name')).toHaveText('Bluebird Bakery');
  await expect(sydney.getByTestId('match-kind')).toContainText('Read as a number from Australia');

  await app.lookup('020 7946 0958');
  await expect(page.getByTestId('lookup-result').first().getByTestId('site-name')).toHaveText('Contoso Ltd — London');

  // Pasted, not typed: the lookup runs by itself and splits the text into its numbers.
  const input = page.getByTestId('lookup-input');
  await input.fill('');
  await input.focus();
  await page.keyboard.insertText(
    'Pat Jones | Contoso Ltd\nT: 020 7946 0958 ext 12 · Fax 020 7946 0959 · Sydney desk 0412 345 678',
  );
  const numbers = page.getByTestId('text-number');
  await expect(numbers).toHaveCount(3);
  await expect(numbers.nth(0).getByTestId('site-name')).toHaveText('Contoso Ltd — London');
  await expect(numbers.nth(0)).toContainText('ext. 12');
  await expect(numbers.nth(1)).toContainText('No site or person has this number.');
  await expect(numbers.nth(2).getByTestId('site-name')).toHaveText('Bluebird Bakery');
  await expect(numbers.nth(2).getByTestId('profile-name').first()).toContainText('Sam');
});
