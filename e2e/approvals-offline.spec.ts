/**
 * Security approvals with the server stopped: a request that proceeds, one that waits for the
 * approver after two unanswered dials, and one that goes to Tier 4 — all decided from the cached
 * site rules and written to the local outbox; when the server is back, each record is uploaded
 * exactly once (the server's database holds one row per id, and the device chain verifies).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type CallsignPage } from './support/fixtures.js';

async function startApproval(
  page: Page,
  app: CallsignPage,
  lookup: string,
  siteName: string | RegExp,
  actionQuery: string,
  actionTitle: RegExp,
) {
  await app.lookup(lookup);
  const card = page
    .getByTestId('lookup-result')
    .filter({ has: page.getByTestId('site-name').filter({ hasText: siteName }) });
  await card.getByTestId('approval-new').click();
  await page.getByTestId('action-search').fill(actionQuery);
  await page.getByTestId('action-option').filter({ hasText: actionTitle }).first().click();
  const next = page.getByTestId('questions-next');
  if (await next.isVisible().catch(() => false)) await next.click();
}

test('approvals work offline and upload exactly once when the server is back', async ({ page, app, workspace }) => {
  await page.goto(workspace.url);
  await app.signIn();
  await app.waitForSync();
  await workspace.stopServer();

  // 1. Proceed: Bluebird's own-password reset needs no approval (noApprovalNeeded).
  await startApproval(page, app, 'sam.okafor@gmail.com', 'Bluebird', 'reset password', /reset a user's password/i);
  await expect(page.getByTestId('preview-outcome')).toContainText('Proceed');
  await page.getByTestId('start-call').click();
  await page.getByTestId('complete').click();
  await expect(page.getByTestId('final-state')).toContainText('Completed');
  await expect(page.getByTestId('record-saved')).toBeVisible();

  // 2. Approval required, both planned dials unanswered → waiting for the approver.
  await startApproval(page, app, '+1 312 555 0199', /^Fabrikam — /, 'group membership', /ADUC group/i);
  await expect(page.getByTestId('preview-outcome')).toContainText('Approval required');
  await expect(page.getByTestId('plan-dial')).toHaveCount(2);
  await page.getByTestId('start-call').click();
  await page.getByTestId('dial-no-answer').click();
  await page.getByTestId('dial-busy').click();
  await expect(page.getByTestId('final-state')).toContainText('Waiting for approver');
  await expect(page.getByTestId('record-saved')).toBeVisible();

  // 3. Tier 4: new VPN access is always a Tier 4 request.
  await startApproval(page, app, '(206) 555-0101', 'Northwind', 'vpn access', /VPN access/i);
  await expect(page.getByTestId('preview-outcome')).toContainText('Tier 4');
  // Northwind has a site message: every request there waits for "I have read the site message".
  await page.getByTestId('site-message-ack').check();
  await page.getByTestId('start-call').click();
  await page.getByTestId('escalate').click();
  await expect(page.getByTestId('final-state')).toContainText('Tier 4');
  await expect(page.getByTestId('record-saved')).toBeVisible();

  await expect(page.getByTestId('pending-uploads')).toContainText('3');

  await workspace.startServer();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByTestId('pending-uploads')).toHaveCount(0, { timeout: 60_000 });

  await page.goto(workspace.url.split('#')[0] + '#/approvals');
  await expect(page.getByTestId('approval-row')).toHaveCount(3);
  for (const state of await page.getByTestId('upload-state').allTextContents()) expect(state).toMatch(/sent/i);
  await page.getByTestId('verify-chain').click();
  await expect(page.getByTestId('verify-chain-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('verify-chain-result')).toContainText('3 records');

  const db = new Database(join(workspace.dir, 'server', 'callsign.sqlite'), { readonly: true });
  const rows = db
    // The demo workspace seeds approvals of its own (device ids `demo-desktop-…`, for the supervisors'
    // review); this journey's records are the ones this browser's desktop uploaded.
    .prepare(
      "SELECT id, COUNT(*) AS n, final_state AS finalState FROM approval_records WHERE device_id NOT LIKE 'demo-desktop-%' GROUP BY id",
    )
    .all() as Array<{ n: number; finalState: string }>;
  db.close();
  expect(rows).toHaveLength(3);
  expect(rows.every((r) => r.n === 1)).toBe(true);
  expect(rows.map((r) => r.finalState).sort()).toEqual(['completed', 'escalated_tier4', 'waiting_for_approver']);
});
