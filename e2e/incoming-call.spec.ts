/**
 * Incoming calls, end to end: an administrator connects a phone system (CTI integration) and gives the
 * technician extension 201 over HTTP; the technician signs in through the web bridge (main's call
 * stream connects); a `newCall` posted by the "phone system" with curl-like HTTP pops the call on
 * the technician's screen, one click opens the caller's site, and the call log lists the call.
 */
import { test, expect } from './support/fixtures.js';
import { DEMO_PASSWORD } from './support/workspace.js';

test('a phone-system event pops the call, the click opens the site, the call log shows it', async ({
  page,
  app,
  workspace,
}) => {
  const api = `http://127.0.0.1:${workspace.serverPort}`;
  const json = { 'content-type': 'application/json' };
  const admin = await (
    await fetch(`${api}/v1/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'admin@callsign.demo', password: DEMO_PASSWORD }),
    })
  ).json();
  const asAdmin = { ...json, authorization: `Bearer ${admin.accessToken}` };
  const created = await fetch(`${api}/v1/admin/cti/integrations`, {
    method: 'POST',
    headers: asAdmin,
    body: JSON.stringify({ name: 'Office PBX' }),
  });
  expect(created.status).toBe(201);
  const { token } = await created.json();
  const users = (await (await fetch(`${api}/v1/admin/users`, { headers: asAdmin })).json()).users as Array<{
    id: string;
    email: string;
  }>;
  const tech = users.find((u) => u.email === 'tech@callsign.demo')!;
  const put = await fetch(`${api}/v1/admin/users/${tech.id}/cti-extension`, {
    method: 'PUT',
    headers: asAdmin,
    body: JSON.stringify({ extension: '201' }),
  });
  expect(put.status).toBe(204);

  await page.goto(workspace.url);
  await app.signIn('tech@callsign.demo', DEMO_PASSWORD);
  await app.waitForSync();

  // The stream connects right after sign-in; until it has, a pushed call has nobody to reach.
  const popup = page.getByTestId('incoming-call');
  let n = 0;
  await expect(async () => {
    const res = await fetch(`${api}/v1/cti/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: `event=newCall&from=%2B12065550101&to=%2B12065550999&direction=in&callId=e2e-${++n}&user%5B%5D=201`,
    });
    expect(res.status).toBe(202);
    await expect(popup).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('incoming-call-headline')).toHaveText(
    'Incoming call — Dana Reyes, Northwind Traders — Seattle',
  );
  await page.screenshot({ path: 'test-results/incoming-call.png' });

  await page.getByTestId('incoming-call-open').click();
  await expect(page).toHaveURL(/#\/sites\/site-northwind\?tab=people&person=prof-dana/);
  await expect(popup).toHaveCount(0);

  await page.getByTestId('nav-calls').click();
  const row = page.getByTestId('call-log-row').first();
  await expect(row).toContainText('Dana Reyes, Northwind Traders — Seattle');
  await expect(row).toContainText('+12065550101');
  await expect(row).toContainText('Ringing');
});
