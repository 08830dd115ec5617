import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cli/testing/runCliCaptured.testkit.js';
import { ServerKey } from '../crypto/serverKey.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { storeReviewRecord } from './reviewRecords.testkit.js';

const key = ServerKey.generate();
const env = { CALLSIGN_VAULT_KEY: key.toBase64() };
let t: TestApp;
let sup: string;
let dir: string;

beforeAll(async () => {
  t = await createTestApp({ serverKey: key });
  sup = (await t.login('supervisor@callsign.demo')).accessToken;
  dir = mkdtempSync(join(tmpdir(), 'cs-export-'));
  for (let i = 0; i < 3; i++)
    await storeReviewRecord(t, { createdAt: `2026-03-0${i + 1}T10:00:00Z`, ticket: `T-${i}` });
  await storeReviewRecord(t, {
    createdAt: '2026-03-04T10:00:00Z',
    siteId: 'site-fabrikam',
    action: 'permission.aduc_group',
  });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const exportFile = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/v1/approvals/export?${query}`, headers: bearer(sup) });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

describe('GET /v1/approvals/export', () => {
  it('exports the filtered view as signed CSV and XLSX that verify-export accepts, and audits each export', async () => {
    const csv = await exportFile('format=csv&siteId=site-northwind');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="callsign-approvals-.+\.csv"$/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 3 + 1); // header, three Northwind rows, trailer
    expect(lines[1]).toContain('"T-0"'); // oldest first
    const xlsx = await exportFile('format=xlsx&siteId=site-northwind');
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const csvFile = join(dir, 'approvals.csv');
    const xlsxFile = join(dir, 'approvals.xlsx');
    writeFileSync(csvFile, csv.rawPayload);
    writeFileSync(xlsxFile, xlsx.rawPayload);
    for (const file of [csvFile, xlsxFile]) {
      const ok = await runCliCaptured(['audit', 'verify-export', file], { env });
      expect(ok.code, ok.out + ok.err).toBe(0);
      expect(ok.out).toMatch(/Export valid: .* 3 rows, .*signature matches the server key/);
    }
    // Without the key the hashes still verify, and the output says the signature was not checked.
    const unkeyed = await runCliCaptured(['audit', 'verify-export', csvFile, '--data-dir', dir], { env: {} });
    expect(unkeyed.out).toMatch(/NOT checked/);

    writeFileSync(csvFile, csv.body.replace('"T-1"', '"T-9"'));
    const altered = await runCliCaptured(['audit', 'verify-export', csvFile], { env });
    expect(altered.code).toBe(1);
    expect(altered.out).toMatch(/Export ALTERED: .*\[row 2\]/);

    const events = await t.all<{ type: string; actor: string; data: string }>(
      "select type, actor, data from audit_log where type = 'approval.exported' order by seq",
    );
    expect(events.map((e) => [e.actor, JSON.parse(e.data).format, JSON.parse(e.data).rowCount])).toEqual([
      ['supervisor@callsign.demo', 'csv', 3],
      ['supervisor@callsign.demo', 'xlsx', 3],
    ]);
  });

  it('needs a format', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/approvals/export', headers: bearer(sup) });
    expect(res.statusCode).toBe(400);
  });
});
