/**
 * XLSX form of the signed approval export (exportFormat.ts), written and read with exceljs: sheet
 * "Approvals" (header, rows, chain hash column; every cell a string) and sheet "Summary" (the filter,
 * the row count, the audit head, the rows hash and the signature for people, and in its last row
 * the trailer JSON the verifier reads).
 */
import ExcelJS from 'exceljs';
import { canonicalJson } from '../../../shared/chain/canonicalJson.js';
import type { ParsedExport } from './csvExport.js';
import { EXPORT_COLUMNS, ROW_HASH_COLUMN, type ExportTrailer } from './exportFormat.js';

export const TRAILER_LABEL = 'trailer (verify with: callsign-server audit verify-export FILE)';

export async function writeXlsx(rows: readonly string[][], trailer: ExportTrailer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Callsign';
  const sheet = wb.addWorksheet('Approvals');
  sheet.addRow([...EXPORT_COLUMNS, ROW_HASH_COLUMN]);
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const summary = wb.addWorksheet('Summary');
  const { meta } = trailer;
  summary.addRows([
    ['Callsign approval export', ''],
    ['exported at', meta.exportedAt],
    ['exported by', meta.exportedBy],
    ['filter', canonicalJson(meta.filter)],
    ['rows', String(meta.rowCount)],
    ['audit head', meta.auditHead ? `#${meta.auditHead.seq} ${meta.auditHead.hash}` : 'empty log'],
    ['rows hash (SHA-256, chained)', trailer.rowsHash],
    ['signature (HMAC-SHA-256, server key)', trailer.signature ?? 'unsigned: the server has no key'],
    [TRAILER_LABEL, JSON.stringify(trailer)],
  ]);
  summary.getColumn(1).width = 40;
  summary.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
};

export async function readXlsx(bytes: Buffer): Promise<ParsedExport> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Approvals');
  const all: string[][] = [];
  const width = EXPORT_COLUMNS.length + 1;
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(text(row.getCell(c).value));
    while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
    all.push(cells);
  });
  let trailer: string | undefined;
  wb.getWorksheet('Summary')?.eachRow((row) => {
    if (text(row.getCell(1).value) === TRAILER_LABEL) trailer = text(row.getCell(2).value);
  });
  const [header = [], ...rows] = all;
  return { header, rows, trailer };
}
