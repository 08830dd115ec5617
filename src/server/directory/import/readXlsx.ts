/**
 * Reads the first worksheet of an .xlsx file (exceljs) into text cells. Excel hands back typed
 * values: numbers (a phone typed into a General column), hyperlinks (an email address Excel
 * auto-linked), rich text, formulas with their cached result, dates. Each becomes its text, and a
 * number keeps its value so the validator can explain what Excel did to it.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/index.js';
import type { SheetCell, SheetRow } from './sheetCells.js';

type Value = ExcelJS.CellValue;

function cellOf(value: Value): SheetCell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value), numeric: value };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'Y' : 'N' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return cellOf(typeof text === 'string' || typeof text === 'object' ? (text as Value) : value.hyperlink);
  }
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: Value }).result ?? null);
  if ('error' in value) return { text: String(value.error) };
  return { text: '' };
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // exceljs's message names zip internals; a person needs to know what to send instead.
    throw new AppError(
      'bad_request',
      'file: this is not a readable .xlsx workbook. Save it from Excel as "Excel Workbook (.xlsx)" or as CSV UTF-8, and import it again.',
      'file',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= { text: '' };
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}
