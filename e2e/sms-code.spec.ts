/**
 * Issue 14 item 4 on the demo workspace: a wrong SMS code is said to be wrong, stays in the field,
 * and the tries left match the server's count; after three codes in five minutes the wizard offers
 * the way forward (call the approver, or stop and escalate) with the time until a new code can go.
 */
import { test, expect } from './support/fixtures.js';

test('wrong SMS code, then the three-sends path', async ({ page, app, workspace }) => {
  test.slow();
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();

  await app.lookup('(206) 555-0101');
  const card = page
    .getByTestId('lookup-result')
    .filter({ has: page.getByTestId('site-name').filter({ hasText: 'Northwind' }) });
  await card.getByTestId('approval-new').click();
  await page.getByTestId('action-search').fill('reset password');
  await page
    .getByTestId('action-option')
    .filter({ hasText: /reset a user's password/i })
    .first()
    .click();
  await page.getByTestId('questions-next').click();
  // The "Why" is sentences, not rule fields.
  await expect(page.getByTestId('preview-reasons')).toContainText('The site asks callers to read back');
  await expect(page.getByTestId('preview-reasons')).not.toContainText('authenticateCaller');
  await page.getByTestId('site-message-ack').check();
  await page.getByTestId('start-call').click();

  const runner = page.getByTestId('call-runner');
  await expect(runner).toHaveAttribute('data-status', 'authenticating_caller');
  await page.getByTestId('caller-code-send').click();
  const input = page.getByTestId('caller-code-input');
  await expect(input).toBeVisible();

  // The code as Dana would read it off her phone (the demo outbox), then one digit off.
  const message = page.getByTestId('demo-outbox-message').filter({ hasText: 'verification code is' }).first();
  await expect(message).toBeVisible();
  const code = /verification code is (\d{6})/.exec((await message.textContent()) ?? '')![1]!;
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  await input.fill(wrong);
  await page.getByTestId('caller-code-check').click();
  const help = page.getByTestId('caller-code-attempts');
  await expect(help).toContainText('That code is not the one we sent');
  await expect(help).toContainText('2 attempts left');
  await expect(input).toHaveValue(wrong);
  await expect(runner).toHaveAttribute('data-status', 'authenticating_caller');

  // Two more codes: three in five minutes, and the way forward with a countdown.
  await expect(page.getByTestId('caller-code-limit')).toHaveCount(0);
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('caller-code-send').click();
    await expect(page.getByTestId('demo-outbox-message').filter({ hasText: 'verification code is' })).toHaveCount(
      i + 2,
    );
  }
  const limit = page.getByTestId('caller-code-limit');
  await expect(limit).toBeVisible();
  await expect(limit).toContainText('3 codes have gone to Dana Reyes in the last five minutes');
  await expect(page.getByTestId('caller-code-limit-wait')).toHaveText(/A new code can go in [45]:\d\d\./);
  await expect(limit).toContainText('escalate the ticket to the partner');
  await expect(page.getByTestId('caller-code-send')).toBeDisabled();
  // A re-sent code does not reset the count (the server counts per person too).
  await expect(help).toContainText('2 attempts left');

  await page.getByTestId('caller-code-limit-escalate').click();
  await expect(page.getByTestId('caller-code-limit-confirm')).toContainText('SMS code limit reached for Dana Reyes');
  await page.getByTestId('caller-code-limit-confirm-confirm').click();
  await expect(page.getByTestId('final-state')).toHaveText(/Cancel+ed/);
});
