/**
 * Directory administration in the app (issue 16), end to end through the web bridge and the demo
 * server: an administrator adds a site and a person by form, sets the site's approvers and watches
 * the "what will happen" preview change, edits a reference, then round-trips the site's people
 * through a spreadsheet (export, edit with exceljs, import, preview, apply, counts). A technician
 * sees none of it, gets 403 from the admin API, and finds the new person after their next sync.
 */
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { test, expect, CallsignPage } from './support/fixtures.js';
import { docScreenshot } from './support/docScreenshot.js';
import { DEMO_PASSWORD, type Workspace } from './support/workspace.js';

const SITE = 'Harbour Dental — Portland';
const NUMBER = '+1 503 555 0177';

async function openAdmin(page: Page, tab: 'sites' | 'references' | 'accounts') {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId(`admin-tab-${tab}`).click();
}

async function addSiteAndPerson(page: Page) {
  await openAdmin(page, 'sites');
  await page.getByTestId('site-add').click();
  // Save with nothing filled in: every required field says what to do.
  await page.getByTestId('site-save').click();
  await expect(page.getByTestId('site-save-invalid')).toBeVisible();
  await expect(page.getByText('Enter the site name.')).toBeVisible();
  await page.getByTestId('site-name').fill(SITE);
  await page.getByTestId('site-companyName').fill('Harbour Dental LLC');
  await page.getByTestId('site-callerGreeting').fill('Harbour Dental IT');
  await page.getByTestId('site-mainPhones-add').click();
  await page.getByTestId('site-mainPhones-0').fill('(503) 555-0100');
  await page.getByTestId('site-emailDomain').fill('harbour dental');
  await page.getByTestId('site-save').click();
  await expect(page.getByText('Enter a bare domain such as acme.com')).toBeVisible();
  await page.getByTestId('site-emailDomain').fill('harbourdental.com');
  await page.getByTestId('site-siteMessage').fill('Front desk moves to the 2nd floor on Monday.');
  await page.getByTestId('site-save').click();
  await expect(page.getByTestId('directory-section-people')).toBeVisible();

  await page.getByTestId('directory-section-people').click();
  await page.getByTestId('profile-add').click();
  await page.getByTestId('profile-firstName').fill('Riley');
  await page.getByTestId('profile-lastName').fill('Quinn');
  await page.getByTestId('profile-email').fill('riley.quinn@harbourdental.com');
  await page.getByTestId('phone-number-0').fill(NUMBER);
  await page.getByTestId('phone-type-0').click();
  await page.getByRole('option', { name: 'Mobile' }).click();
  await page.getByTestId('phone-provider-0').fill('Verizon');
  await page.getByRole('option', { name: 'Verizon' }).click();
  await expect(page.getByTestId('phone-gateway-0')).toHaveValue('@vtext.com');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-row').filter({ hasText: 'Riley Quinn' })).toBeVisible();

  // The same number again on this site: a warning with a link to Riley before anything is saved.
  await page.getByTestId('profile-add').click();
  await page.getByTestId('profile-firstName').fill('Robin');
  await page.getByTestId('profile-lastName').fill('Quinn');
  await page.getByTestId('phone-number-0').fill('503-555-0177');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-duplicates')).toContainText('same number');
  await expect(page.getByTestId('duplicate-link')).toHaveText('Riley Quinn');
  await page.getByTestId('duplicate-link').click();
  await expect(page.getByTestId('profile-firstName')).toHaveValue('Riley');
  await expect(page.getByTestId('profile-row')).toHaveCount(1);
}

async function setApprovers(page: Page) {
  await page.getByTestId('directory-section-approvals').click();
  const outcome = page.getByTestId('policy-preview-outcome');
  // No rules yet for password resets: the help desk would escalate to the partner.
  await expect(outcome).toHaveAttribute('data-outcome', 'escalate_partner');
  await page.getByTestId('policy-approvers').click();
  await page.getByRole('option', { name: 'Riley Quinn' }).click();
  await page.keyboard.press('Escape');
  await expect(outcome).toHaveAttribute('data-outcome', 'approval_required');
  await expect(page.getByTestId('plan-dial')).toHaveCount(1);
  await page.getByTestId('policy-noApprovalNeeded').check();
  await expect(outcome).toHaveAttribute('data-outcome', 'proceed');
  await page.getByTestId('policy-noApprovalNeeded').uncheck();
  await expect(outcome).toHaveAttribute('data-outcome', 'approval_required');
  await page.mouse.move(0, 0);
  await docScreenshot(page, 'admin-approval-rules');
  await page.getByTestId('policy-save').click();
  await expect(page.getByTestId('policy-save-saved')).toBeVisible();
}

/** Export the site's people, add one and retitle Riley in exceljs, import: preview, apply, counts. */
async function spreadsheetRoundTrip(page: Page) {
  await page.getByTestId('directory-section-import').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (name: string) => {
    const i = headers.indexOf(name);
    expect(i, `column ${name} in ${headers.join(' | ')}`).toBeGreaterThan(0);
    return i;
  };
  expect(sheet.getRow(2).getCell(col('First name')).value).toBe('Riley');
  sheet.getRow(2).getCell(col('Title')).value = 'Practice manager';
  const added = sheet.getRow(3);
  added.getCell(col('First name')).value = 'Sam';
  added.getCell(col('Last name')).value = 'Okafor';
  added.getCell(col('Phone 1')).value = '503 555 0142';
  added.getCell(col('Phone 1 country')).value = 'US';
  added.commit();
  const edited = `${await download.path()}-edited.xlsx`;
  await book.xlsx.writeFile(edited);

  await page.getByTestId('import-file').setInputFiles(edited);
  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('1 to add, 1 to update, 0 to delete');
  await expect(page.getByTestId('import-added')).toContainText('Sam Okafor');
  await expect(page.getByTestId('import-updated')).toContainText('Riley Quinn');
  await page.mouse.move(0, 0);
  await docScreenshot(page, 'admin-import-preview');
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-result')).toHaveText('Added 1, updated 1, deleted 0, failed 0.');
  await page.getByTestId('directory-section-people').click();
  await expect(page.getByTestId('profile-row').filter({ hasText: 'Sam Okafor' })).toBeVisible();
  await expect(page.getByTestId('profile-row').filter({ hasText: 'Practice manager' })).toBeVisible();
}

async function editReference(page: Page) {
  await openAdmin(page, 'references');
  await page.getByTestId('reference-row').first().click();
  const subject = page.getByTestId('reference-subject');
  await subject.fill('Verify every caller before any security-related request');
  await expect(page.getByTestId('reference-preview')).toContainText('Verify every caller before');
  await page.getByTestId('reference-steps-add').click();
  await page
    .getByTestId(/^reference-steps-\d+$/)
    .last()
    .fill('Write the ticket number on the approval.');
  await expect(page.getByTestId('reference-preview').getByTestId('reference-body')).toContainText(
    'Write the ticket number on the approval.',
  );
  await page.mouse.move(0, 0);
  await page.getByTestId('reference-form').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await docScreenshot(page, 'admin-reference-form');
  await page.getByTestId('reference-save').click();
  await expect(page.getByTestId('reference-save-saved')).toBeVisible();
  await expect(page.getByTestId('reference-row').filter({ hasText: 'Verify every caller' })).toHaveCount(1);
}

async function technicianSeesNothingButTheNewPerson(page: Page, workspace: Workspace) {
  const api = `http://127.0.0.1:${workspace.serverPort}`;
  const login = await fetch(`${api}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'tech@callsign.demo', password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  for (const [method, path] of [
    ['GET', '/v1/admin/sites'],
    ['POST', '/v1/admin/sites'],
    ['GET', '/v1/admin/users'],
  ] as const) {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: JSON.stringify({ id: 'x', name: 'x', companyName: 'x', country: 'US' }) } : {}),
    });
    expect(res.status, `${method} ${path}`).toBe(403);
  }

  // The same desktop, now a technician's: the bridge serves one signed-in person at a time.
  const tech = new CallsignPage(page);
  await tech.userMenu('signout');
  await tech.signIn('tech@callsign.demo', DEMO_PASSWORD);
  await tech.waitForSync();
  await expect(page.getByTestId('nav-admin')).toHaveCount(0);
  await page.evaluate(() => (location.hash = '#/admin?tab=sites'));
  await expect(page.getByTestId('admin-page')).toHaveCount(0);
  await tech.lookup('riley.quinn@harbourdental.com');
  const result = page.getByTestId('lookup-result').first();
  await expect(result.getByTestId('site-name')).toHaveText(SITE);
  await expect(result.getByTestId('profile-name').first()).toHaveText('Riley Quinn');
}

test('an administrator keeps the directory from the app; a technician gets the result, not the screens', async ({
  page,
  app,
  workspace,
}) => {
  test.setTimeout(240_000);
  await page.goto(workspace.url);
  await app.signIn('admin@callsign.demo', DEMO_PASSWORD);
  await app.waitForSync();

  await addSiteAndPerson(page);
  await page.mouse.move(0, 0);
  await docScreenshot(page, 'admin-site-people');
  await setApprovers(page);
  await spreadsheetRoundTrip(page);
  await editReference(page);
  await technicianSeesNothingButTheNewPerson(page, workspace);
});
