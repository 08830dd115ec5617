import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApprovalListItem } from '../../../shared/audit/approvalList.js';
import { parseCsv, writeCsv } from './csvExport.js';
import { EXPORT_COLUMNS, EXPORT_FORMAT, chainRows, exportCells, type ExportMeta } from './exportFormat.js';
import { verifyExport } from './verifyExport.js';
import { writeXlsx } from './xlsxExport.js';

const KEY = randomBytes(32);
const item = (i: number): ApprovalListItem => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  time: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
  site: { id: `site-${i % 7}`, name: i % 11 === 0 ? 'Smith, "Jones" & Co\nLondon' : `Site ${i % 7}` },
  technician: { id: `u${i % 5}`, name: `Tech ${i % 5}` },
  callerName: i % 13 === 0 ? '=HYPERLINK("http://x")' : `Caller ${i}`,
  callerProfileId: null,
  action: 'password.reset',
  category: 'password_reset',
  outcome: 'approval_required',
  finalState: 'approved',
  ticket: i % 3 ? `T-${i}` : null,
  approverName: 'Morgan Lee',
  decisionMs: i * 1000,
  flags: i % 17 === 0 ? ['approver_not_listed'] : [],
});
const meta: ExportMeta = {
  format: EXPORT_FORMAT,
  version: 1,
  exportedAt: '2026-03-02T00:00:00.000Z',
  exportedBy: 'supervisor@callsign.demo',
  filter: { siteId: 'site-1' },
  rowCount: 1000,
  columns: [...EXPORT_COLUMNS],
  auditHead: { seq: 42, hash: 'a'.repeat(64) },
};
const { rows, trailer } = chainRows(
  meta,
  Array.from({ length: 1000 }, (_, i) => exportCells(item(i))),
  KEY,
);
const csv = writeCsv(rows, trailer);

/** Re-serialises a CSV after `edit` changes its records (header first, trailer last). */
const editCsv = (edit: (records: string[][]) => void): Buffer => {
  const records = parseCsv(csv.toString('utf8'));
  edit(records);
  return Buffer.from(records.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n');
};

async function editXlsx(bytes: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('verify-export, CSV (1,000 rows)', () => {
  it('accepts the file as written, signed, and neutralises formula cells', async () => {
    expect(await verifyExport(csv, KEY)).toMatchObject({ valid: true, format: 'csv', rows: 1000, signed: true });
    expect(await verifyExport(csv, undefined)).toMatchObject({ valid: true, signed: false });
    expect(csv.toString('utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('detects a changed cell, a deleted row, two swapped rows and an edited trailer, naming the row', async () => {
    const changed = editCsv((r) => (r[501]![2] = 'site-evil'));
    expect(await verifyExport(changed, KEY)).toMatchObject({ valid: false, row: 501 });
    const deleted = editCsv((r) => r.splice(300, 1));
    expect(await verifyExport(deleted, KEY)).toMatchObject({ valid: false, row: 300 });
    const swapped = editCsv((r) => ([r[10], r[11]] = [r[11]!, r[10]!]));
    expect(await verifyExport(swapped, KEY)).toMatchObject({ valid: false, row: 10 });
    const lastGone = editCsv((r) => r.splice(1000, 1));
    expect(await verifyExport(lastGone, KEY)).toMatchObject({
      valid: false,
      problem: expect.stringContaining('999 rows'),
    });
    const trailerEdited = editCsv((r) => {
      const last = r[r.length - 1]!;
      last[1] = last[1]!.replace('"rowCount":1000', '"rowCount":999');
    });
    expect(await verifyExport(trailerEdited, KEY)).toMatchObject({
      valid: false,
      problem: expect.stringContaining('signature'),
    });
    // Without the key the edited trailer still breaks the chain at row 1.
    expect(await verifyExport(trailerEdited, undefined)).toMatchObject({ valid: false, row: 1 });
    const noTrailer = editCsv((r) => r.pop());
    expect(await verifyExport(noTrailer, KEY)).toMatchObject({
      valid: false,
      problem: expect.stringContaining('no trailer'),
    });
    // A forger who rehashes every row still lacks the key.
    const forged = chainRows(
      { ...meta, rowCount: 999 },
      rows.slice(1).map((r) => r.slice(0, -1)),
      randomBytes(32),
    );
    expect(await verifyExport(writeCsv(forged.rows, forged.trailer), KEY)).toMatchObject({ valid: false });
  });
});

describe('verify-export, XLSX (1,000 rows)', () => {
  it('accepts the workbook as written and detects a changed cell, a deleted row, swapped rows and an edited summary', async () => {
    const xlsx = await writeXlsx(rows, trailer);
    expect(await verifyExport(xlsx, KEY)).toMatchObject({ valid: true, format: 'xlsx', rows: 1000 });
    const sheet = (wb: ExcelJS.Workbook) => wb.getWorksheet('Approvals')!;
    const changed = await editXlsx(xlsx, (wb) => (sheet(wb).getRow(702).getCell(12).value = 'T-EVIL'));
    expect(await verifyExport(changed, KEY)).toMatchObject({ valid: false, row: 701 });
    const deleted = await editXlsx(xlsx, (wb) => sheet(wb).spliceRows(51, 1));
    expect(await verifyExport(deleted, KEY)).toMatchObject({ valid: false, row: 50 });
    const swapped = await editXlsx(xlsx, (wb) => {
      const a = sheet(wb).getRow(3).values as ExcelJS.CellValue[];
      const b = sheet(wb).getRow(4).values as ExcelJS.CellValue[];
      sheet(wb).getRow(3).values = b;
      sheet(wb).getRow(4).values = a;
    });
    expect(await verifyExport(swapped, KEY)).toMatchObject({ valid: false, row: 2 });
    const summary = await editXlsx(xlsx, (wb) => {
      const s = wb.getWorksheet('Summary')!;
      s.eachRow((row) => {
        const v = row.getCell(2).value;
        if (typeof v === 'string' && v.startsWith('{')) row.getCell(2).value = v.replace('site-1', 'site-2');
      });
    });
    expect(await verifyExport(summary, KEY)).toMatchObject({
      valid: false,
      problem: expect.stringContaining('trailer'),
    });
  });
});
