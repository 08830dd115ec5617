/**
 * Supervisors review approvals (issue 15), end to end through the web bridge and the real demo
 * server: records uploaded by two people (one that went ahead although the site's rules required an
 * approver), filtered to one site and one technician, a flagged record read as a timeline, both
 * signed exports accepted by `callsign-server audit verify-export`; a technician sees no review and
 * the API refuses them.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { root } from '../scripts/processes.js';
import { test, expect } from './support/fixtures.js';
import { ApiSession, uploadRecords, type DemoRecord } from './support/approvalRecords.js';
import { docScreenshot } from './support/docScreenshot.js';
import { DEMO_PASSWORD } from './support/workspace.js';

const daysAgo = (d: number, h = 10) => {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() - d);
  at.setUTCHours(h, 15, 0, 0);
  return at.toISOString();
};
const NW = 'site-northwind';
const reset = { siteId: NW, action: 'password.reset', callerProfileId: 'prof-dana' };
const RECORDS: DemoRecord[] = [
  { ...reset, email: 'tech@callsign.demo', ticket: 'T-1001', note: 'verified by call-back', createdAt: daysAgo(4) },
  { ...reset, email: 'noc@callsign.demo', ticket: 'T-1002', note: 'approved on the phone', createdAt: daysAgo(3) },
  {
    ...reset,
    email: 'tech@callsign.demo',
    ticket: 'T-1003',
    note: '',
    createdAt: daysAgo(2),
    proceedAnyway: true,
  },
  { ...reset, email: 'tech@callsign.demo', ticket: 'T-1004', note: 'manager approved', createdAt: daysAgo(1) },
  {
    siteId: 'site-contoso-london',
    action: 'password.reset',
    email: 'tech@callsign.demo',
    ticket: 'T-1005',
    note: 'walk-in',
    createdAt: daysAgo(1, 14),
  },
];

async function pickOption(page: Page, chip: string, label: RegExp) {
  await page.getByTestId(`filter-${chip}`).click();
  const popover = page.getByTestId(`filter-${chip}-popover`);
  const narrow = popover.getByTestId('filter-narrow');
  if (await narrow.count()) await narrow.fill(label.source.replace(/\\/g, '').slice(0, 8));
  await popover.getByTestId('filter-option').filter({ hasText: label }).first().click();
}

/** The README's screenshots of this screen, light and dark (the theme follows the system's by default). */
async function lightAndDark(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await docScreenshot(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await docScreenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

function verifyExport(file: string, dataDir: string) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/server/cli/main.ts'), 'audit', 'verify-export', file, '--data-dir', dataDir],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
}

test('a supervisor filters approvals to a site and a technician, reads a flagged record, exports signed files', async ({
  page,
  app,
  workspace,
}) => {
  test.setTimeout(180_000);
  const base = `http://127.0.0.1:${workspace.serverPort}`;
  await uploadRecords(base, RECORDS);

  await page.goto(workspace.url);
  await app.signIn('supervisor@callsign.demo', DEMO_PASSWORD);
  await app.waitForSync();
  await page.getByTestId('nav-audit-approvals').click();
  const rows = page.getByTestId('approval-review-row');
  await expect(rows.filter({ hasText: 'T-1005' })).toHaveCount(1); // the demo's records and ours

  await pickOption(page, 'site', /Northwind Traders/);
  await expect(page.getByTestId('filter-site')).toContainText('Northwind Traders — Seattle');
  await expect(rows.filter({ hasText: 'T-1005' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'T-1002' })).toHaveCount(1);
  await pickOption(page, 'technician', /Taylor Tech/);
  await expect(rows.filter({ hasText: 'T-1002' })).toHaveCount(0); // Nico Noc's
  await expect(rows.filter({ hasText: 'T-1003' })).toHaveCount(1);
  for (const site of await page.getByTestId('row-site').allTextContents())
    expect(site).toBe('Northwind Traders — Seattle');
  for (const tech of await page.getByTestId('row-technician').allTextContents()) expect(tech).toBe('Taylor Tech');
  await expect(page.getByTestId('approvals-count')).toHaveText(/^\d+ records?( loaded)?/);
  await lightAndDark(page, 'approval-review');

  // Ours: went ahead although the rules required an approver.
  const flagged = rows.filter({ hasText: 'T-1003' });
  await expect(flagged).toHaveAttribute('data-flagged', 'true');
  await flagged.click();
  const timeline = page.getByTestId('timeline-content');
  await expect(timeline).toBeVisible();
  const flags = timeline.getByTestId('timeline-flag');
  await expect(flags.first()).toBeVisible();
  const codes = await flags.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  expect(codes).toContain('proceeded_without_approver');
  await expect(timeline.locator('[data-code="proceeded_without_approver"]')).toHaveText(
    /^The work went ahead although the site’s rules required an approver \(“.+”\)\.$/,
  );
  await expect(timeline.getByTestId('timeline-recheck')).toHaveAttribute('data-matches', 'false');
  await lightAndDark(page, 'approval-timeline');
  await page.getByTestId('timeline-close').click();

  // Both exports of the filtered view (one site, one technician); the CLI accepts each as untouched.
  for (const format of ['xlsx', 'csv'] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`approvals-export-${format}`).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^callsign-approvals-.*\\.${format}$`));
    const file = join(workspace.dir, `export.${format}`);
    await download.saveAs(file);
    const verified = verifyExport(file, join(workspace.dir, 'server'));
    expect(verified.status, `${format}: ${verified.stdout}${verified.stderr}`).toBe(0);
  }

  await page.getByTestId('filter-clear').click();
  await expect(page.getByTestId('filter-site')).toHaveAttribute('data-set', 'false');
  await page.getByTestId('tab-charts').click();
  await expect(page.getByTestId('chart-per-day').locator('svg').first()).toBeVisible();
  await lightAndDark(page, 'approval-charts');
  // A chart filters the table: the top technician's bar narrows the records to them.
  await page.getByTestId('chart-technicians').locator('.MuiBarChart-element').first().click();
  await expect(page.getByTestId('tab-records')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('filter-technician')).toHaveText('Technician: Taylor Tech');
  await expect(rows.first()).toBeVisible();
  for (const tech of await page.getByTestId('row-technician').allTextContents()) expect(tech).toBe('Taylor Tech');
});

test('a technician has no approval review and the API answers 403', async ({ page, app, workspace }) => {
  const base = `http://127.0.0.1:${workspace.serverPort}`;
  const tech = await ApiSession.signIn(base, 'tech@callsign.demo');
  expect((await tech.call('GET', '/v1/approvals')).status).toBe(403);
  const supervisor = await ApiSession.signIn(base, 'supervisor@callsign.demo');
  expect((await supervisor.call('GET', '/v1/approvals')).status).toBe(200);

  await page.goto(workspace.url);
  await app.signIn('tech@callsign.demo', DEMO_PASSWORD);
  await app.waitForSync();
  await expect(page.getByTestId('nav-approvals')).toBeVisible();
  await expect(page.getByTestId('nav-audit-approvals')).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '#/audit/approvals'));
  await expect(page.getByTestId('lookup-input')).toBeVisible();
  await expect(page.getByTestId('approvals-review-page')).toHaveCount(0);
});
