/**
 * Admin → Audit, end to end through the web bridge and the real demo server: a supervisor sees their
 * own sign-in at the top of the audit trail, verifies the hash chain and exports the rows as CSV.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './support/fixtures.js';
import { docScreenshot } from './support/docScreenshot.js';
import { DEMO_PASSWORD } from './support/workspace.js';

test('a supervisor reads the audit trail newest first, verifies the chain and exports CSV', async ({
  page,
  app,
  workspace,
}) => {
  // Some history first, straight at the server: a failed and a good sign-in of other people.
  const login = (email: string, password: string) =>
    fetch(`http://127.0.0.1:${workspace.serverPort}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  expect((await login('tech@callsign.demo', 'not-the-password')).status).toBe(401);
  expect((await login('noc@callsign.demo', DEMO_PASSWORD)).status).toBe(200);

  await page.goto(workspace.url);
  await app.signIn('supervisor@callsign.demo', DEMO_PASSWORD);
  await app.waitForSync();

  await page.getByTestId('nav-audit').click();
  const first = page.getByTestId('audit-row').first();
  await expect(first).toHaveAttribute('data-type', 'auth.sign_in');
  await expect(first).toHaveAttribute('data-subject', 'supervisor@callsign.demo');
  await expect(first.getByTestId('audit-event')).toHaveText('Signed in');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'Sign-in failed' })).toHaveCount(1);

  await page.getByTestId('audit-verify').click();
  const banner = page.getByTestId('audit-verify-result');
  await expect(banner).toHaveAttribute('data-intact', 'true');
  await expect(banner).toContainText(/^Chain intact — [\d,]+ entries, head [0-9a-f]{12}…$/);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-results/audit-tab.png' });
  await docScreenshot(page, 'audit-tab'); // UX.md: current screenshot per screen

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^callsign-audit-all-\d{8}-\d{4}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe('seq,time,type,event,actor,subject,data,hash');
  expect(csv[1]).toMatch(
    /^\d+,\d{4}-\d\d-\d\dT[\d:.]+Z,auth\.sign_in,Signed in,supervisor@callsign\.demo,supervisor@callsign\.demo,/,
  );
});
