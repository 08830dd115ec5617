/**
 * Issue 14 items 1 and 2 on the demo workspace: Northwind's "Do not reset passwords for the finance
 * team" stays pinned on every approval step, and resetting the finance manager's password asks the
 * technician to confirm they read it; Esc in the note keeps the request, and cancelling is a
 * button with a confirmation (Esc there keeps the request too). Also keeps
 * the README's approval-site-message screenshot current (written by `npm run screenshots`).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { docScreenshot } from './support/docScreenshot.js';

const NAMED = 'Do not reset passwords for the finance team.';

async function expectPinnedBanner(page: Page) {
  const banner = page.getByTestId('site-message');
  await expect(banner).toHaveCount(1);
  await expect(banner).toContainText(NAMED);
  await expect(banner).toBeInViewport();
}

test('site message pinned through the wizard, read confirmation, Esc keeps the request, cancel asks first', async ({
  page,
  app,
  workspace,
}) => {
  // One journey through sign-in, sync and every wizard step: over 90 s when the machine is busy.
  test.slow();
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();

  // Dana Reyes, Northwind's finance manager, calls about a password.
  await app.lookup('(206) 555-0101');
  const card = page
    .getByTestId('lookup-result')
    .filter({ has: page.getByTestId('site-name').filter({ hasText: 'Northwind' }) });
  await card.getByTestId('approval-new').click();

  const wizard = page.getByTestId('approval-wizard');
  await expect(wizard).toHaveAttribute('data-step', 'action');
  await expectPinnedBanner(page);

  await page.getByTestId('action-search').fill('reset password');
  await page
    .getByTestId('action-option')
    .filter({ hasText: /reset a user's password/i })
    .first()
    .click();
  await expect(wizard).toHaveAttribute('data-step', 'questions');
  await expectPinnedBanner(page);
  await page.getByTestId('questions-next').click();

  await expect(wizard).toHaveAttribute('data-step', 'preview');
  await expectPinnedBanner(page);
  const confirm = page.getByTestId('site-message-confirm');
  await expect(confirm).toHaveAttribute('data-names-action', 'true');
  await expect(confirm.getByTestId('site-message-named')).toContainText(NAMED);
  await expect(page.getByTestId('start-call')).toBeDisabled();
  await confirm.scrollIntoViewIfNeeded();
  await docScreenshot(page, 'approval-site-message');
  await page.getByTestId('site-message-ack').check();
  await expect(page.getByTestId('start-call')).toBeEnabled();
  await page.getByTestId('start-call').click();

  // The call runner (Northwind verifies the caller by SMS first).
  await expect(wizard).toHaveAttribute('data-step', 'call');
  const runner = page.getByTestId('call-runner');
  await expect(runner).toHaveAttribute('data-status', 'authenticating_caller');
  await expectPinnedBanner(page);

  // Esc in the note closes nothing and ends nothing; the note stays.
  const note = page.getByTestId('decision-note');
  await note.fill('Dana asked for a reset before the finance close');
  await note.press('Escape');
  await page.keyboard.press('Escape');
  await expect(runner).toHaveAttribute('data-status', 'authenticating_caller');
  await expect(note).toHaveValue('Dana asked for a reset before the finance close');
  await expect(page.getByTestId('final-state')).toHaveCount(0);
  // Scrolled to the bottom of the page, the message is still in view.
  await page.getByRole('main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expectPinnedBanner(page);

  // Cancel is a button with a confirmation; Esc in the confirmation keeps the request.
  await page.getByTestId('cancel').click();
  const dialog = page.getByTestId('cancel-confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Dana asked for a reset before the finance close');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(runner).toHaveAttribute('data-status', 'authenticating_caller');
  await expect(note).toHaveValue('Dana asked for a reset before the finance close');

  await page.getByTestId('cancel').click();
  await page.getByTestId('cancel-confirm-confirm').click();
  await expect(page.getByTestId('final-state')).toHaveText(/^Cancel+ed$/);
  await expect(page.getByTestId('record-saved')).toBeVisible();
  await expectPinnedBanner(page);

  // The record says what was typed.
  await page.goto(workspace.url.split('#')[0] + '#/approvals');
  await expect(page.getByTestId('approval-row')).toHaveCount(1);
  await expect(page.getByTestId('approval-row')).toContainText(/Cancel+ed/);
});
