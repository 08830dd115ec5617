/**
 * Sign-in errors and the web bridge's guard: a wrong password says so; a page opened without the
 * launch token (or with a wrong one) cannot reach the services, and the bridge logs the refusal
 * without the token.
 */
import { test, expect } from './support/fixtures.js';

test('a wrong password gives a clear message and nothing else', async ({ page, app, workspace }) => {
  await page.goto(workspace.url);
  await app.signIn('tech@callsign.demo', 'not-the-password');
  await expect(page.getByTestId('signin-error')).toContainText(/wrong/i);
  await expect(page.getByTestId('lookup-input')).toHaveCount(0);
});

test('without the launch token the bridge refuses the page and logs it without the token', async ({
  browser,
  workspace,
}) => {
  const token = new URL(workspace.url).hash.replace('#bridge=', '');
  const base = workspace.url.split('#')[0]!;

  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  await page.goto(base);
  await expect(page.getByTestId('bridge-unavailable')).toBeVisible();

  await page.goto(`${base}#bridge=wrong-token`);
  await page.reload();
  await expect(page.getByTestId('bridge-unavailable')).toBeVisible();

  // Another origin cannot exchange even the right token.
  const res = await page.request.post(`${base}bridge/session`, {
    headers: { origin: 'http://evil.example' },
    data: { token },
  });
  expect(res.status()).toBe(403);
  await stranger.close();

  const log = workspace.bridgeLog.join('').replace(`Callsign is running at ${workspace.url}`, '');
  expect(log).toContain('request denied');
  expect(log).not.toContain(token);
});
